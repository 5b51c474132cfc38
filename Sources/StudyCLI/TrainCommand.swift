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
            }
            if Interruption.isRequested {
                try save(trainer, seed: seed)
                progress.log("interrupted at iteration \(trainer.iteration); checkpoint saved, continue with --resume")
                throw ExitCode(130)
            }
        }
        try writeFigures(trainer)
        say("checkpoint: \(checkpointURL.path)")
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
