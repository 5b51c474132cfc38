import FileFormats
import Foundation
import GANCore

/// A training run of the paper's networks on images, from its options to its
/// last checkpoint. It starts a run, or resumes one after checking that the
/// data and the options are the run's own; trains with a checkpoint after
/// every epoch and on SIGINT or SIGTERM; stops on a non-finite number,
/// keeping the last good checkpoint; with `measure`, measures its samples
/// after every epoch; and draws its figures at the end. `study train` is
/// this, behind its options.
public struct TrainingRun {
    public let options: Options
    let reporter: TrainingReporter

    public init(_ options: Options, reporter: TrainingReporter = PrintedTrainingLog()) {
        self.options = options
        self.reporter = reporter
    }

    var outputFolder: URL { options.output }
    public var checkpointURL: URL { outputFolder.appendingPathComponent(TrainingCheckpoint.fileName) }

    func say(_ line: String) { reporter.log(line) }

    /// Trains until the target iteration, or throws one clear reason why not:
    /// a `Refusal`, `TrainingDiverged`, `TrainingInterrupted`, or a
    /// file's own error (`CheckpointError`, `DataFileError`, `FileWriteError`).
    public func run() throws {
        let claim = try OutputFolder.claim(outputFolder)
        defer { claim.release() }
        let resumed = try openCheckpoint()
        let data = try loadImages(resuming: resumed)
        // The thread count and schedule change the order of BLAS's sums, so a
        // run is repeatable for a given pair.
        if let threads = options.threads { OpenBLAS.threadCount = threads }
        MatrixProducts.schedule = options.schedule
        let recipe = try chooseRecipe(resuming: resumed, images: data)
        let seed = resumed?.state.seed ?? options.seed ?? 1
        let iterationsPerEpoch = try self.iterationsPerEpoch(of: recipe, rows: data.images.rows, resuming: resumed != nil)

        let trainer = ImageTrainer(recipe: recipe, data: data.images, seed: seed)
        if let resumed { try TrainingCheckpoint.restore(resumed.file, into: trainer) }
        let target = options.iterations ?? (options.epochs ?? 1) * iterationsPerEpoch
        say("recipe \(recipe.name): \(recipe.updateRule), G loss \(recipe.generatorLoss), m = \(recipe.batchSize)")
        say("data: \(data.images.rows) images of \(data.path); \(iterationsPerEpoch) iterations per epoch")
        if trainer.iteration > 0 { say("resuming at iteration \(trainer.iteration) (epoch \(trainer.sampler.epoch))") }
        guard trainer.iteration < target else {
            say("already at iteration \(trainer.iteration) of \(target): nothing to train")
            try writeFigures(trainer, onlyMissing: true)
            return
        }

        let measured = options.measure ? try measuredRun(trainer, data: data, seed: seed, resuming: resumed != nil) : nil
        if let measured, measured.record.hasStalled {
            say("the Fréchet distance has not improved since epoch \(measured.record.best!.epoch): the run has already stopped")
            return
        }
        try train(trainer, until: target, seed: seed, provenance: data.provenance, measured: measured)
        try finish(trainer, measured: measured)
    }
}
