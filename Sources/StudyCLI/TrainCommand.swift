import ArgumentParser
import FileFormats
import Foundation
import GANCore
import GeneratorStep
import ImageTraining

extension Study {
    /// `study train`: the paper's networks on real images, with checkpoints.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "Train a GAN on images in MNIST's IDX format (Fashion-MNIST by default).",
            discussion: """
                Checkpoints go to DIR/checkpoint.safetensors after every epoch and on Ctrl-C or SIGTERM \
                (exit 130 or 143); --resume continues from there exactly as if never stopped, and refuses \
                other data or options that disagree with the run. A folder holding a checkpoint is not \
                replaced without --overwrite. Exit statuses: 64 usage, 65 bad data, 66 missing input. Recipes: \
                \(TrainingRecipe.named.map(\.name).joined(separator: ", ")).
                """)

        @Option(help: "The training recipe: \(TrainingRecipe.named.map(\.name).joined(separator: ", ")) (default authors; with --resume, the checkpoint's).")
        var config: String?

        @Option(help: "A folder of IDX files in MNIST's layout (default \(DataSet.fashionMNISTFolder.path); with --resume, the checkpoint's).")
        var data: String?

        @Option(help: "Train until this many epochs are done.")
        var epochs: Int?

        @Option(help: "Train until this many iterations are done (overrides --epochs).")
        var iterations: Int?

        @Option(help: "Use only the first N training rows (quick runs; with --resume, the checkpoint's).")
        var rows: Int?

        @Option(help: "Use Algorithm 1 with k discriminator steps per generator step, whatever the recipe's rule.")
        var k: Int?

        @Flag(help: "Use the authors' simultaneous update, whatever the recipe's rule.")
        var simultaneous = false

        @Option(help: "The generator's loss: saturating (log(1 - D(G(z))), Algorithm 1) or nonSaturating (-log D(G(z)), §3).")
        var generatorLoss: String?

        @Option(help: "Start the learning rate here instead of the recipe's (it still decays on schedule).")
        var learningRate: Double?

        @Option(help: "Seed for every random draw (default 1; with --resume, the checkpoint's).")
        var seed: UInt64?

        @Option(help: "Folder for checkpoints and figures.")
        var output = "runs/train"

        @Flag(help: "Continue from OUTPUT/checkpoint.safetensors; options not given are the checkpoint's, and given ones must agree with it.")
        var resume = false

        @Flag(help: "Start a new run even though OUTPUT holds a checkpoint, replacing it.")
        var overwrite = false

        @Flag(help: "After every epoch, measure \(RunRecord.defaultSamples) samples of fixed z with the bundled classifier (Fréchet distance, classes, precision, recall) and write OUTPUT/record.json.")
        var measure = false

        @Option(help: "With --measure: stop once the Fréchet distance has not improved for this many epochs.")
        var patience: Int?

        @Option(help: "OpenBLAS threads, with --schedule threaded (default: OpenBLAS's own choice).")
        var threads: Int?

        @Option(help: "How the step's products share the cores: threaded (one at a time on OpenBLAS's threads, the default) or paired (two single-threaded products at a time).")
        var schedule: String = MatrixProducts.Schedule.threaded.rawValue

        /// `--schedule` names a schedule, and `--threads` goes only with `threaded`.
        static func validate(schedule: String, threads: Int?) throws {
            guard let chosen = MatrixProducts.Schedule(rawValue: schedule) else {
                throw ValidationError("--schedule must be one of \(MatrixProducts.Schedule.allCases.map(\.rawValue).joined(separator: ", ")), got '\(schedule)'")
            }
            if chosen == .paired, let threads, threads != 1 {
                throw ValidationError("--threads \(threads) needs --schedule threaded: the paired schedule runs each product on one thread")
            }
        }

        /// The most epochs or threads a run may ask for, and the most rows.
        static let maximumEpochs = 1_000_000
        static let maximumThreads = 1_024
        static let maximumRows = 10_000_000
        /// A billion iterations: about a year at the authors' 30 per second.
        static let maximumIterations = 1_000_000_000

        func validate() throws {
            if let config, TrainingRecipe.named(config) == nil {
                throw ValidationError("no recipe '\(config)'; choose one of \(TrainingRecipe.named.map(\.name).joined(separator: ", "))")
            }
            func within(_ name: String, _ value: Int?, _ range: ClosedRange<Int>) throws {
                if let value, !range.contains(value) {
                    throw ValidationError("--\(name) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
                }
            }
            try within("epochs", epochs, 1...Self.maximumEpochs)
            try within("iterations", iterations, 1...Self.maximumIterations)
            try within("k", k, 1...TrainingRecipe.maximumBatchSize)
            try within("threads", threads, 1...Self.maximumThreads)
            try Self.validate(schedule: schedule, threads: threads)
            try within("rows", rows, 100...Self.maximumRows)
            if k != nil && simultaneous { throw ValidationError("--k and --simultaneous choose different update rules; give one") }
            if let generatorLoss, GeneratorLoss(rawValue: generatorLoss) == nil {
                throw ValidationError("--generator-loss must be one of \(GeneratorLoss.allCases.map(\.rawValue).joined(separator: ", ")), got '\(generatorLoss)'")
            }
            // A huge rate is allowed: it diverges, and the run says so (a test relies on it).
            if let learningRate, !(learningRate > 0 && learningRate <= TrainingRecipe.maximumLearningRate) {
                throw ValidationError("--learning-rate must be a number in (0, \(TrainingRecipe.maximumLearningRate)], got \(learningRate)")
            }
            try within("patience", patience, 1...Self.maximumEpochs)
            if patience != nil && !measure { throw ValidationError("--patience needs --measure: the Fréchet distance it watches is measured only then") }
            try OutputOption.validate(output)
            if resume && overwrite { throw ValidationError("--resume continues the run in --output and --overwrite replaces it; give one") }
        }

        /// The options as the training run takes them (validated above).
        var runOptions: TrainingRun.Options {
            var options = TrainingRun.Options(output: URL(fileURLWithPath: output))
            options.recipeName = config
            options.dataFolder = data
            options.epochs = epochs
            options.iterations = iterations
            options.rows = rows
            options.discriminatorSteps = k
            options.simultaneous = simultaneous
            options.generatorLoss = generatorLoss.flatMap(GeneratorLoss.init(rawValue:))
            options.learningRate = learningRate
            options.seed = seed
            options.resume = resume
            options.overwrite = overwrite
            options.measure = measure
            options.patience = patience
            options.threads = threads
            options.schedule = MatrixProducts.Schedule(rawValue: schedule)!
            return options
        }

        func run() throws {
            try TrainingRun(runOptions, reporter: TrainingProgress()).run()
        }
    }
}
