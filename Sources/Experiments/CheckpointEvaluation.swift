import Evaluation
import FileFormats
import Foundation
import GANCore
import ImageTraining

/// Chapter 6's measures of a trained generator, as `study evaluate` runs them
/// on a checkpoint: class coverage, the Fréchet distance, precision and
/// recall by the bundled classifier, each beside real images; Figures 2 and 3
/// with their nearest training images; and Table 1's Parzen window with its
/// reference rows. Every number is said as it is measured and written to
/// `evaluation.json`, beside the samples it scored.
public struct CheckpointEvaluation {
    /// How much is drawn and scored (`study evaluate`'s options of these names).
    public struct Sizes: Sendable {
        public var samples = 10_000
        public var nearestNeighbourQueries = 1_000
        public var parzenSamples = 10_000
        public var kMeansCentroids = 1_000
        public var kMeansTrainingImages = 10_000
        public var validation = 1_000
        public var test = 10_000
        public init() {}
    }

    public let checkpoint: String
    public let dataFolder: String
    public let sizes: Sizes
    /// The seed from which every draw's seed derives (`GeneratorEvaluation.Seeds`).
    public let seed: UInt64
    public let output: URL

    public init(checkpoint: String, dataFolder: String, sizes: Sizes, seed: UInt64, output: URL) {
        (self.checkpoint, self.dataFolder, self.sizes, self.seed, self.output) = (checkpoint, dataFolder, sizes, seed, output)
    }

    /// What the measures need, read and checked before anything is written.
    struct Inputs {
        let file: Safetensors
        let generator: MultilayerPerceptron<Float>
        let recipe: TrainingRecipe
        let dataSet: DataSet
    }

    /// Reads the checkpoint and the data, refusing sizes the data cannot give.
    func readInputs() throws -> Inputs {
        let file = try Safetensors(contentsOf: URL(fileURLWithPath: checkpoint))
        let (generator, recipe) = try TrainingCheckpoint.generator(from: file)
        let dataSet = try DataSet(folder: URL(fileURLWithPath: dataFolder))
        let a = recipe.architecture
        let images = dataSet.training.images
        guard a.pixels == images.pixelsPerImage else {
            throw Refusal.data("\(checkpoint) was trained on images of \(a.pixels) pixels, but \(dataSet.trainingImagesURL.path) holds images of \(images.rows)×\(images.columns) = \(images.pixelsPerImage)")
        }
        guard sizes.test <= dataSet.test.count else { throw Refusal.options("--test \(sizes.test) exceeds the \(dataSet.test.count) test images of \(dataFolder)") }
        guard sizes.samples <= min(dataSet.training.count, dataSet.test.count) else {
            throw Refusal.options("--samples \(sizes.samples) exceeds the \(min(dataSet.training.count, dataSet.test.count)) training and test images the measures compare with")
        }
        return Inputs(file: file, generator: generator, recipe: recipe, dataSet: dataSet)
    }

    /// Measures the checkpoint's generator, says every number, and writes the
    /// samples, the figures and `evaluation.json` into `output`.
    @discardableResult
    public func run(progress: ProgressReporter, say: @escaping (String) -> Void) throws -> GeneratorEvaluation {
        let inputs = try readInputs()
        let claim = try OutputFolder.claim(output)
        defer { claim.release() }
        let started = Date()
        let context = DemoContext(seed: seed, outputDirectory: output, outputDisplayName: output.path, progress: progress, write: say)
        let iteration = (try? inputs.file.metadataValue("iteration")) ?? "?"
        let digest = try SHA256.hex(ofFile: URL(fileURLWithPath: checkpoint))
        say("generator of \(checkpoint) (recipe \(inputs.recipe.name), iteration \(iteration), SHA-256 \(digest.prefix(12))…)")
        let measured = try measure(inputs, context: context)
        let result = GeneratorEvaluation(
            checkpoint: checkpoint, checkpointSHA256: digest, recipe: inputs.recipe, iteration: iteration, seed: seed,
            classifierTestAccuracy: measured.accuracy, quality: measured.quality, figure2NearestDistances: measured.distances,
            parzen: measured.parzen,
            parzenSizes: .init(centres: sizes.parzenSamples, kMeansTrainingImages: measured.kMeansImages, validation: sizes.validation, test: sizes.test))
        let jsonURL = output.appendingPathComponent("evaluation.json")
        let json = Array(try result.json())
        try AtomicFile.write(to: jsonURL) { out throws(FileWriteError) in try out.write(json) }
        say("result: \(jsonURL.path)")
        say(String(format: "evaluated in %.1f s", Date().timeIntervalSince(started)))
        return result
    }

    /// Every measure of the evaluation, in the order it is said.
    struct Measures {
        let accuracy: Double
        let quality: SampleQuality
        let distances: [Double]
        let parzen: [ParzenEvaluation.Row]
        let kMeansImages: Int
    }

    func measure(_ inputs: Inputs, context: DemoContext) throws -> Measures {
        let (a, dataSet, generator) = (inputs.recipe.architecture, inputs.dataSet, inputs.generator)
        let training = dataSet.training.images.matrix(as: Float.self)
        let testImages = dataSet.test.images.matrix(as: Float.self)
        let classifier = try FashionClassifier.bundled()
        guard classifier.settings.inputWidth == a.pixels else {
            throw Refusal.data("the bundled classifier measures images of \(classifier.settings.inputWidth) pixels (Fashion-MNIST's 28x28), but \(checkpoint) draws images of \(a.pixels)")
        }
        let accuracy = classifier.accuracy(images: testImages, labels: dataSet.test.labels.values.map(Int.init))
        context.say("classifier: \(classifier.settings.architecture), test accuracy \(fixed(accuracy, 4))")
        context.say()

        let quality = try ExperimentsDemo.measureSamples(
            context, generator: generator, architecture: a, training: training, test: testImages, classifier: classifier,
            sizes: SampleQuality.Sizes(samples: sizes.samples, nearestNeighbourQueries: min(sizes.samples, sizes.nearestNeighbourQueries)),
            names: ("class-histogram.png", "samples.safetensors"), title: inputs.recipe.name,
            metadata: ["checkpoint": checkpoint, "seed": String(GeneratorEvaluation.Seeds(seed).qualitySamples)])
        context.say()
        let distances = try ExperimentsDemo.figures(
            context, generator: generator, architecture: a, training: training, test: testImages, side: dataSet.training.images.rows,
            names: ("figure-2.png", "figure-3.png", "real-beside-generated.png"), rows: 8, perRow: 8)
        context.say()
        let kMeansImages = min(dataSet.training.count, sizes.kMeansTrainingImages)
        let rows = ExperimentsDemo.parzenTable(
            generator: generator, architecture: a, data: dataSet, samples: sizes.parzenSamples,
            validationRows: sizes.validation, testRows: sizes.test, seed: seed, kMeansTrainingImages: kMeansImages,
            kMeansCentroids: sizes.kMeansCentroids) { context.reportProgress($0, done: $1, of: $2) }
        say(parzen: rows, kMeansImages: kMeansImages, context: context)
        return Measures(accuracy: accuracy, quality: quality, distances: distances, parzen: rows, kMeansImages: kMeansImages)
    }

    /// Table 1's rows as measured, the σ each validation score chose from, and the paper's table.
    func say(parzen rows: [ParzenEvaluation.Row], kMeansImages: Int, context: DemoContext) {
        context.say("Parzen windows of \(sizes.parzenSamples) centres (k-means: \(sizes.kMeansCentroids) centroids of \(kMeansImages) training images); σ from \(ParzenWindow.logSpacedWidths().count) values on [0.1, 1] by \(sizes.validation) validation images; \(sizes.test) test images")
        ParzenEvaluation.table(rows).forEach(context.say)
        for row in rows {
            context.say("  \(row.name): validation log-likelihood by σ: " + row.validationScores.map { fixed($0, 1) }.joined(separator: " "))
        }
        context.say()
        ParzenEvaluation.paperTable().forEach(context.say)
    }
}
