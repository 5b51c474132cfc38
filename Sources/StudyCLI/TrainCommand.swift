import ArgumentParser
import Experiments
import Foundation
import GANCore
import GeneratorStep

extension Study {
    /// `study train`: the paper's networks on real images, with checkpoints.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "Train a GAN on images in MNIST's IDX format (Fashion-MNIST by default).",
            discussion: """
                Checkpoints go to DIR/checkpoint.safetensors after every epoch and on Ctrl-C; \
                --resume continues from there exactly as if never stopped. Recipes: \
                \(TrainingRecipe.named.map(\.name).joined(separator: ", ")).
                """)

        @Option(help: "The training recipe: \(TrainingRecipe.named.map(\.name).joined(separator: ", ")).")
        var config = "authors"

        @Option(help: "A folder of IDX files in MNIST's layout.")
        var data = DataSet.fashionMNISTFolder.path

        @Option(help: "Train until this many epochs are done.")
        var epochs: Int?

        @Option(help: "Train until this many iterations are done (overrides --epochs).")
        var iterations: Int?

        @Option(help: "Use only the first N training rows (quick runs).")
        var rows: Int?

        @Option(help: "Use Algorithm 1 with k discriminator steps per generator step, whatever the recipe's rule.")
        var k: Int?

        @Flag(help: "Use the authors' simultaneous update, whatever the recipe's rule.")
        var simultaneous = false

        @Option(help: "The generator's loss: saturating (log(1 - D(G(z))), Algorithm 1) or nonSaturating (-log D(G(z)), §3).")
        var generatorLoss: String?

        @Option(help: "Start the learning rate here instead of the recipe's (it still decays on schedule).")
        var learningRate: Double?

        @Option(help: "Seed for every random draw (ignored with --resume: the checkpoint's run continues).")
        var seed: UInt64 = 1

        @Option(help: "Folder for checkpoints and figures.")
        var output = "runs/train"

        @Flag(help: "Continue from OUTPUT/checkpoint.safetensors.")
        var resume = false

        @Flag(help: "After every epoch, measure \(RunRecord.defaultSamples) samples of fixed z with the bundled classifier (Fréchet distance, classes, precision, recall) and write OUTPUT/record.json.")
        var measure = false

        @Option(help: "With --measure: stop once the Fréchet distance has not improved for this many epochs.")
        var patience: Int?

        @Option(help: "OpenBLAS threads (default: OpenBLAS's own choice; the short recipe runs fastest on 1).")
        var threads: Int?

        func validate() throws {
            guard TrainingRecipe.named(config) != nil else {
                throw ValidationError("no recipe '\(config)'; choose one of \(TrainingRecipe.named.map(\.name).joined(separator: ", "))")
            }
            if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
            if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
            if let k, k < 1 { throw ValidationError("--k must be at least 1, got \(k)") }
            if k != nil && simultaneous { throw ValidationError("--k and --simultaneous choose different update rules; give one") }
            if let generatorLoss, GeneratorLoss(rawValue: generatorLoss) == nil {
                throw ValidationError("--generator-loss must be one of \(GeneratorLoss.allCases.map(\.rawValue).joined(separator: ", ")), got '\(generatorLoss)'")
            }
            if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
                throw ValidationError("--learning-rate must be a positive number, got \(learningRate)")
            }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
            if let rows, rows < 100 { throw ValidationError("--rows must be at least 100, got \(rows)") }
            if let patience, !(1...10_000).contains(patience) { throw ValidationError("--patience must be in 1...10000, got \(patience)") }
            if patience != nil && !measure { throw ValidationError("--patience needs --measure: the Fréchet distance it watches is measured only then") }
        }

        func run() throws {
            try TrainingRun(self).execute()
        }
    }
}

/// A training run from `study train`'s options to its last checkpoint.
struct TrainingRun {
    let options: Study.Train
    let outputFolder: URL

    init(_ options: Study.Train) {
        self.options = options
        outputFolder = URL(fileURLWithPath: options.output)
    }

    var checkpointURL: URL { outputFolder.appendingPathComponent(TrainingCheckpoint.fileName) }

    func say(_ line: String) { print(line) }

    func execute() throws {
        try OutputFolder.prepare(outputFolder)
        let dataSet = try DataSet(folder: URL(fileURLWithPath: options.data))
        var images = dataSet.training.images.matrix(as: Float.self)
        if let rows = options.rows, rows < images.rows {
            images = dataSet.training.images.matrix(0..<rows, as: Float.self)
        }

        // The thread count changes the order of BLAS's sums, so a run is repeatable for a given count.
        if let threads = options.threads { OpenBLAS.threadCount = threads }
        var recipe = TrainingRecipe.named(options.config)!
        var seed = options.seed
        var checkpoint: Safetensors?
        if options.resume {
            let file = try Safetensors(contentsOf: checkpointURL)
            recipe = try TrainingCheckpoint.recipe(of: file)
            seed = UInt64(try file.metadataValue("seed")) ?? seed
            checkpoint = file
        }
        if checkpoint == nil {
            if let rate = options.learningRate { recipe.schedule.initialLearningRate = rate }
            if let k = options.k { recipe.updateRule = .algorithm1(k: k) }
            if options.simultaneous { recipe.updateRule = .simultaneous }
            if let loss = options.generatorLoss.flatMap(GeneratorLoss.init(rawValue:)) { recipe.generatorLoss = loss }
        } else if options.learningRate != nil || options.k != nil || options.simultaneous || options.generatorLoss != nil {
            say("--resume continues the checkpoint's recipe; --k, --simultaneous, --generator-loss and --learning-rate are ignored")
        }
        // The image size is the data's, not a choice: the networks are built to fit it.
        if checkpoint == nil { recipe.architecture.pixels = images.columns }
        guard recipe.architecture.pixels == images.columns else {
            throw ValidationError("\(checkpointURL.path) was trained on images of \(recipe.architecture.pixels) pixels, but \(options.data) holds images of \(images.columns)")
        }
        let trainer = ImageTrainer(recipe: recipe, data: images, seed: seed)
        if let checkpoint { try TrainingCheckpoint.restore(checkpoint, into: trainer) }

        let perIteration = trainer.trainer.configuration.discriminatorSteps  // real minibatches per iteration
        let target = options.iterations ?? (options.epochs ?? 1) * trainer.sampler.batchesPerEpoch / perIteration
        say("recipe \(recipe.name): \(recipe.updateRule), G loss \(recipe.generatorLoss), m = \(recipe.batchSize)")
        say("data: \(images.rows) images of \(options.data); \(trainer.sampler.batchesPerEpoch / perIteration) iterations per epoch")
        if trainer.iteration > 0 { say("resuming at iteration \(trainer.iteration) (epoch \(trainer.sampler.epoch))") }
        guard trainer.iteration < target else {
            say("already at iteration \(trainer.iteration) of \(target): nothing to do")
            return
        }

        let measured = options.measure ? try measuredRun(trainer, images: images, dataSet: dataSet, recipe: recipe, seed: seed, resuming: checkpoint != nil) : nil
        if let measured, measured.record.hasStalled {
            say("the Fréchet distance has not improved since epoch \(measured.record.best!.epoch): the run has already stopped")
            return
        }
        var clock = Date()
        var trainingSeconds = measured?.record.epochs.last?.trainingSeconds ?? 0

        Interruption.install()
        let progress = TrainingProgress(startingAt: trainer.iteration, write: say)
        while trainer.iteration < target {
            let s = trainer.trainIteration()
            for (name, value) in [("V", s.value), ("D(x)", s.meanRealProbability), ("D(G(z))", s.meanGeneratedProbability)] where !value.isFinite {
                throw TrainingDiverged(iteration: trainer.iteration, quantity: name, value: value, checkpoint: checkpointURL)
            }
            progress.update(.init(iteration: trainer.iteration, totalIterations: target, epoch: trainer.sampler.epoch,
                                  value: s.value, meanRealProbability: s.meanRealProbability,
                                  meanGeneratedProbability: s.meanGeneratedProbability))
            if trainer.sampler.isEpochComplete || trainer.iteration == target {
                try save(trainer, seed: seed)
                let recent = trainer.history.last
                let epoch = trainer.sampler.epoch
                progress.log(String(format: "epoch %d%@: iteration %d, %.1f it/s, V %.4f, D(x) %.3f, D(G(z)) %.3f",
                                    epoch, (trainer.sampler.isEpochComplete ? " done" : "") as NSString, trainer.iteration, progress.rate(at: trainer.iteration),
                                    recent?.value ?? s.value, recent?.meanRealProbability ?? s.meanRealProbability,
                                    recent?.meanGeneratedProbability ?? s.meanGeneratedProbability))
                if let measured, trainer.sampler.isEpochComplete {
                    trainingSeconds += Date().timeIntervalSince(clock)
                    let e = try measured.epochEnded(trainer.sampler.epoch, trainingSeconds: trainingSeconds)
                    progress.log(String(format: "  measured %d samples: Frechet %.2f, %d classes at 3%%+, precision %.3f, recall %.3f",
                                        measured.record.measurement.samples, e.frechetDistance, e.classesCovered, e.precision, e.recall))
                    if measured.record.hasStalled {
                        measured.stop(because: "the Fréchet distance has not improved for \(measured.record.measurement.patience!) epochs since epoch \(measured.record.best!.epoch)")
                    }
                    try measured.write(to: outputFolder)
                    clock = Date()
                    if measured.record.hasStalled {
                        progress.log(measured.record.stopReason!)
                        break
                    }
                }
            }
            if Interruption.isRequested {
                try save(trainer, seed: seed)
                progress.log("interrupted at iteration \(trainer.iteration); checkpoint saved, continue with --resume")
                throw ExitCode(130)
            }
        }
        try writeFigures(trainer)
        if let measured, !measured.record.epochs.isEmpty {
            let figure = outputFolder.appendingPathComponent("measures.png")
            try MeasuredRun.figure(measured.record, title: "Training \(trainer.recipe.name), measured every epoch").write(to: figure)
            say("measures: \(figure.path); record: \(outputFolder.appendingPathComponent(RunRecord.fileName).path)")
        }
        say("checkpoint: \(checkpointURL.path)")
    }

    /// The per-epoch measurement: a new record, or the one a resumed run left beside its checkpoint.
    func measuredRun(
        _ trainer: ImageTrainer, images: Matrix<Float>, dataSet: DataSet, recipe: TrainingRecipe, seed: UInt64, resuming: Bool
    ) throws -> MeasuredRun {
        let classifier = try FashionClassifier.bundled()
        guard classifier.settings.inputWidth == images.columns else {
            throw ValidationError("--measure uses the bundled classifier, which reads images of \(classifier.settings.inputWidth) pixels; \(options.data) holds images of \(images.columns)")
        }
        let url = outputFolder.appendingPathComponent(RunRecord.fileName)
        let record: RunRecord
        if resuming, FileManager.default.fileExists(atPath: url.path) {
            do {
                record = try RunRecord.decode(Data(contentsOf: url))
            } catch {
                throw ValidationError("\(url.path) is not a run record this program can read: \(error.localizedDescription)")
            }
            guard record.recipe == recipe, record.seed == seed, record.trainingRows == images.rows else {
                throw ValidationError("\(url.path) records another run (recipe \(record.recipe.name), seed \(record.seed), \(record.trainingRows) rows) than \(checkpointURL.path)")
            }
        } else {
            guard trainer.iteration == 0 else {
                throw ValidationError("--measure on a resumed run needs the record it began with, \(url.path), which is missing")
            }
            let samples = min(RunRecord.defaultSamples, images.rows)
            record = RunRecord(recipe: recipe, seed: seed, dataFolder: options.data, trainingRows: images.rows,
                               measurement: .init(samples: samples, noiseSeed: seed &+ 7, patience: options.patience))
        }
        let count = min(2_000, dataSet.validation.count)
        let validation = (dataSet.validation.images.matrix(0..<count, as: Float.self),
                          dataSet.validation.labels.values[0..<count].map(Int.init))
        return MeasuredRun(trainer: trainer, training: images, classifier: classifier, record: record, validation: validation)
    }

    /// Saves a checkpoint, unless the parameters have gone bad (then the last good one stays).
    func save(_ trainer: ImageTrainer, seed: UInt64) throws {
        guard trainer.parametersAreFinite else {
            throw TrainingDiverged(iteration: trainer.iteration, quantity: "a network parameter", value: .nan, checkpoint: checkpointURL)
        }
        try TrainingCheckpoint.write(trainer, seed: seed, to: checkpointURL)
    }

    func writeFigures(_ trainer: ImageTrainer) throws {
        let curves = outputFolder.appendingPathComponent("curves.png")
        let architecture = trainer.recipe.architecture
        try TrainingFigures.curves(trainer.history, title: "Training \(trainer.recipe.name)").write(to: curves)
        let noise = Matrix<Float>(rows: 100, columns: architecture.noiseDimension)
        architecture.noisePrior.fill(noise, using: RandomSource(seed: 0))
        let samples = outputFolder.appendingPathComponent("samples.png")
        let side = Int(Double(architecture.pixels).squareRoot())
        try TrainingFigures.grid(trainer.generator.forward(noise), side: side, columns: 10).write(to: samples)
        say("figures: \(curves.path), \(samples.path)")
    }
}

/// Training produced a non-finite number: it stops, and the last checkpoint (from before) is kept.
struct TrainingDiverged: Error, CustomStringConvertible {
    let iteration: Int
    let quantity: String
    let value: Double
    let checkpoint: URL

    var description: String {
        "training diverged at iteration \(iteration): \(quantity) is \(value); the last good checkpoint, if any, is \(checkpoint.path)"
    }
}
