import ArgumentParser
import Experiments
import FileFormats
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
            if resume && overwrite { throw ValidationError("--resume continues the run in --output and --overwrite replaces it; give one") }
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
        var checkpoint: Safetensors?
        var state: TrainingCheckpoint.State?
        if options.resume {
            let file = try Safetensors(contentsOf: checkpointURL)
            state = try TrainingCheckpoint.validate(file)
            checkpoint = file
        } else if RegularFile.problem(at: checkpointURL.path)?.isMissing != true, !options.overwrite {
            throw CommandFailure(
                description: "\(checkpointURL.path) holds a training run; pass --resume to continue it or --overwrite to replace it (or choose another --output)",
                status: ExitStatus.cannotCreate)
        }
        let provenance = checkpoint.map(TrainingProvenance.init(of:)) ?? nil
        if let state, let checkpoint { try refuseDisagreements(state, provenance, checkpoint) }

        let dataPath = options.data ?? provenance?.folder ?? DataSet.fashionMNISTFolder.path
        let dataSet = try DataSet(folder: URL(fileURLWithPath: dataPath))
        let trainingImages = dataSet.trainingImagesURL.path
        let (height, width) = (dataSet.training.images.rows, dataSet.training.images.columns)
        guard height == width else {
            throw CommandFailure.data("\(trainingImages): images are \(height)×\(width) pixels; study train needs square images (its figures and checkpoints assume them)")
        }
        let rowCount = min(options.rows ?? provenance?.rows ?? dataSet.training.count, dataSet.training.count)
        let images = rowCount < dataSet.training.count
            ? dataSet.training.images.matrix(0..<rowCount, as: Float.self) : dataSet.training.images.matrix(as: Float.self)
        let digest = try SHA256.hex(ofFile: dataSet.trainingImagesURL)
        if let provenance, let checkpoint {
            if let recorded = provenance.sha256, recorded != digest {
                throw CommandFailure.data("\(checkpoint.path) was trained on \(provenance.file ?? "training images") with SHA-256 \(recorded), but \(trainingImages) has SHA-256 \(digest): other data; give the same --data or start a new run")
            }
            if let recorded = provenance.rows, recorded != rowCount {
                throw CommandFailure.data("\(checkpoint.path) was trained on \(recorded) rows, but \(dataPath) gives \(rowCount); give --rows \(recorded)")
            }
        }

        // The thread count and schedule change the order of BLAS's sums, so a
        // run is repeatable for a given pair.
        if let threads = options.threads { OpenBLAS.threadCount = threads }
        MatrixProducts.schedule = MatrixProducts.Schedule(rawValue: options.schedule)!
        var recipe = state?.recipe ?? TrainingRecipe.named(options.config ?? "authors")!
        let seed = state?.seed ?? options.seed ?? 1
        if checkpoint == nil {
            if let rate = options.learningRate { recipe.schedule.initialLearningRate = rate }
            if let k = options.k { recipe.updateRule = .algorithm1(k: k) }
            if options.simultaneous { recipe.updateRule = .simultaneous }
            if let loss = options.generatorLoss.flatMap(GeneratorLoss.init(rawValue:)) { recipe.generatorLoss = loss }
            // The image size is the data's, not a choice: the networks are built to fit it.
            recipe.architecture.pixels = images.columns
            if let problem = recipe.rangeProblem {
                throw CommandFailure.usage("recipe \(recipe.name): \(problem.field) is \(problem.value); expected \(problem.expected)")
            }
        }
        guard recipe.architecture.pixels == images.columns else {
            throw CommandFailure.data("\(checkpointURL.path) was trained on images of \(recipe.architecture.pixels) pixels, but \(trainingImages) holds images of \(height)×\(width) = \(images.columns)")
        }
        let perIteration: Int  // real minibatches per iteration
        if case .algorithm1(let k) = recipe.updateRule { perIteration = k } else { perIteration = 1 }
        let batchesPerEpoch = rowCount / recipe.batchSize
        guard batchesPerEpoch >= perIteration else {
            let rule = perIteration > 1 ? "k = \(perIteration) (--k) takes \(perIteration) minibatches per iteration" : "an iteration takes one minibatch of \(recipe.batchSize)"
            throw CommandFailure(
                description: "\(rule), but \(rowCount) rows in minibatches of \(recipe.batchSize) make \(batchesPerEpoch) per epoch; use more --rows or a smaller --k",
                status: checkpoint == nil ? ExitStatus.usage : ExitStatus.dataError)
        }

        let trainer = ImageTrainer(recipe: recipe, data: images, seed: seed)
        if let checkpoint { try TrainingCheckpoint.restore(checkpoint, into: trainer) }
        let record = TrainingProvenance(folder: dataSet.folder.path, file: dataSet.trainingImagesURL.lastPathComponent, sha256: digest, rows: rowCount)

        let iterationsPerEpoch = batchesPerEpoch / perIteration
        let target = options.iterations ?? (options.epochs ?? 1) * iterationsPerEpoch
        say("recipe \(recipe.name): \(recipe.updateRule), G loss \(recipe.generatorLoss), m = \(recipe.batchSize)")
        say("data: \(images.rows) images of \(dataPath); \(iterationsPerEpoch) iterations per epoch")
        if trainer.iteration > 0 { say("resuming at iteration \(trainer.iteration) (epoch \(trainer.sampler.epoch))") }
        guard trainer.iteration < target else {
            say("already at iteration \(trainer.iteration) of \(target): nothing to train")
            try writeFigures(trainer, onlyMissing: true)
            return
        }

        let measured = options.measure ? try measuredRun(trainer, images: images, dataSet: dataSet, dataDigest: digest, recipe: recipe, seed: seed, resuming: checkpoint != nil) : nil
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
                throw TrainingDiverged(iteration: trainer.iteration, quantity: name, value: value, checkpoint: checkpointURL,
                                       learningRate: recipe.schedule.initialLearningRate)
            }
            progress.update(.init(iteration: trainer.iteration, totalIterations: target, epoch: trainer.sampler.epoch,
                                  value: s.value, meanRealProbability: s.meanRealProbability,
                                  meanGeneratedProbability: s.meanGeneratedProbability))
            if trainer.sampler.isEpochComplete || trainer.iteration == target {
                try save(trainer, seed: seed, provenance: record)
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
            if let signal = Interruption.receivedSignal {
                try save(trainer, seed: seed, provenance: record)
                progress.log("\(signal == SIGTERM ? "terminated" : "interrupted") at iteration \(trainer.iteration); checkpoint saved, continue with --resume")
                throw ExitCode(ExitStatus.interrupted(by: signal))
            }
        }
        try writeFigures(trainer, onlyMissing: false)
        if let measured, !measured.record.epochs.isEmpty {
            let figure = outputFolder.appendingPathComponent("measures.png")
            try MeasuredRun.figure(measured.record, title: "Training \(trainer.recipe.name), measured every epoch").write(to: figure)
            say("measures: \(figure.path); record: \(outputFolder.appendingPathComponent(RunRecord.fileName).path)")
        }
        say("checkpoint: \(checkpointURL.path)")
    }

    /// The per-epoch measurement: a new record, or the one a resumed run left beside its checkpoint.
    func measuredRun(
        _ trainer: ImageTrainer, images: Matrix<Float>, dataSet: DataSet, dataDigest: String, recipe: TrainingRecipe, seed: UInt64, resuming: Bool
    ) throws -> MeasuredRun {
        let classifier = try FashionClassifier.bundled()
        guard classifier.settings.inputWidth == images.columns else {
            throw CommandFailure.usage("--measure uses the bundled classifier, which reads images of \(classifier.settings.inputWidth) pixels; \(dataSet.folder.path) holds images of \(images.columns)")
        }
        let url = outputFolder.appendingPathComponent(RunRecord.fileName)
        let record: RunRecord
        if resuming, FileManager.default.fileExists(atPath: url.path) {
            record = try RunRecordFile.read(url)
            guard record.recipe == recipe, record.seed == seed, record.trainingRows == images.rows else {
                throw CommandFailure.data("\(url.path) records another run (recipe \(record.recipe.name), seed \(record.seed), \(record.trainingRows) rows) than \(checkpointURL.path)")
            }
        } else {
            guard trainer.iteration == 0 else {
                throw CommandFailure.usage("--measure on a resumed run needs the record it began with, \(url.path), which is missing")
            }
            let samples = min(RunRecord.defaultSamples, images.rows)
            var fresh = RunRecord(recipe: recipe, seed: seed, dataFolder: dataSet.folder.path, trainingRows: images.rows,
                                  measurement: .init(samples: samples, noiseSeed: seed &+ 7, patience: options.patience))
            fresh.trainingImagesSHA256 = dataDigest
            record = fresh
        }
        let count = min(2_000, dataSet.validation.count)
        let validation = (dataSet.validation.images.matrix(0..<count, as: Float.self),
                          dataSet.validation.labels.values[0..<count].map(Int.init))
        return MeasuredRun(trainer: trainer, training: images, classifier: classifier, record: record, validation: validation)
    }

    /// Refuses, naming the difference, when an option given with --resume disagrees with the checkpoint.
    func refuseDisagreements(_ state: TrainingCheckpoint.State, _ provenance: TrainingProvenance?, _ file: Safetensors) throws {
        let recipe = state.recipe
        var differences: [String] = []
        if let config = options.config, config != recipe.name { differences.append("--config \(config) (the checkpoint's recipe is \(recipe.name))") }
        if let k = options.k, recipe.updateRule != .algorithm1(k: k) { differences.append("--k \(k) (the checkpoint's rule is \(recipe.updateRule))") }
        if options.simultaneous, recipe.updateRule != .simultaneous { differences.append("--simultaneous (the checkpoint's rule is \(recipe.updateRule))") }
        if let loss = options.generatorLoss, loss != recipe.generatorLoss.rawValue { differences.append("--generator-loss \(loss) (the checkpoint's is \(recipe.generatorLoss.rawValue))") }
        if let rate = options.learningRate, rate != recipe.schedule.initialLearningRate {
            differences.append("--learning-rate \(rate) (the checkpoint's run started at \(recipe.schedule.initialLearningRate))")
        }
        if let seed = options.seed, seed != state.seed { differences.append("--seed \(seed) (the checkpoint's is \(state.seed))") }
        if let rows = options.rows, let recorded = provenance?.rows, rows != recorded { differences.append("--rows \(rows) (the checkpoint trained on \(recorded))") }
        guard differences.isEmpty else {
            throw CommandFailure.usage("--resume continues \(file.path) as recorded, but \(differences.joined(separator: ", ")); leave the option out or start a new run")
        }
    }

    /// Saves a checkpoint, unless the parameters have gone bad (then the last good one stays).
    func save(_ trainer: ImageTrainer, seed: UInt64, provenance: TrainingProvenance) throws {
        guard trainer.parametersAreFinite else {
            throw TrainingDiverged(iteration: trainer.iteration, quantity: "a network parameter", value: .nan, checkpoint: checkpointURL,
                                   learningRate: trainer.recipe.schedule.initialLearningRate)
        }
        try TrainingCheckpoint.write(trainer, seed: seed, metadata: provenance.metadata, to: checkpointURL)
    }

    /// `curves.png` and `samples.png`; with `onlyMissing`, only those not there
    /// (a run killed after its last checkpoint but before its figures).
    func writeFigures(_ trainer: ImageTrainer, onlyMissing: Bool) throws {
        let curves = outputFolder.appendingPathComponent("curves.png")
        let samples = outputFolder.appendingPathComponent("samples.png")
        func wanted(_ url: URL) -> Bool { !onlyMissing || !FileManager.default.fileExists(atPath: url.path) }
        guard wanted(curves) || wanted(samples) else { return }
        let architecture = trainer.recipe.architecture
        if wanted(curves) {
            try TrainingFigures.curves(trainer.history, title: "Training \(trainer.recipe.name)").write(to: curves)
        }
        if wanted(samples) {
            let noise = Matrix<Float>(rows: 100, columns: architecture.noiseDimension)
            architecture.noisePrior.fill(noise, using: RandomSource(seed: 0))
            let side = Int(Double(architecture.pixels).squareRoot())
            try TrainingFigures.grid(trainer.generator.forward(noise), side: side, columns: 10).write(to: samples)
        }
        say("figures: \(curves.path), \(samples.path)")
    }
}

/// Which data a checkpoint was trained on, as recorded in its metadata.
struct TrainingProvenance {
    var folder: String?
    var file: String?
    var sha256: String?
    var rows: Int?

    init(folder: String, file: String, sha256: String, rows: Int) {
        (self.folder, self.file, self.sha256, self.rows) = (folder, file, sha256, rows)
    }

    /// nil for a checkpoint written before provenance was recorded.
    init?(of file: Safetensors) {
        let m = file.metadata
        guard m["data.folder"] != nil || m["data.rows"] != nil else { return nil }
        folder = m["data.folder"]
        self.file = m["data.training_images"]
        sha256 = m["data.training_images.sha256"]
        rows = m["data.rows"].flatMap { Int($0) }
    }

    var metadata: [String: String] {
        var m: [String: String] = [:]
        m["data.folder"] = folder
        m["data.training_images"] = file
        m["data.training_images.sha256"] = sha256
        m["data.rows"] = rows.map(String.init)
        return m
    }
}

/// Training produced a non-finite number: it stops, and the last checkpoint (from before) is kept.
struct TrainingDiverged: Error, CustomStringConvertible {
    let iteration: Int
    let quantity: String
    let value: Double
    let checkpoint: URL
    var learningRate: Double? = nil

    var description: String {
        let kept = FileManager.default.fileExists(atPath: checkpoint.path)
            ? "the last good checkpoint is \(checkpoint.path)" : "no checkpoint was written to \(checkpoint.path)"
        let rate = learningRate.map { " (the learning rate started at \($0))" } ?? ""
        return "training diverged at iteration \(iteration): \(quantity) is \(value)\(rate); \(kept)"
    }
}
