import ArgumentParser
import Evaluation
import Experiments
import FileFormats
import Foundation
import GANCore
import ImageTraining

extension Study {
    /// `study evaluate`: §5's evaluation of a trained generator.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Chapter 6's measures of a checkpoint's generator: class coverage, Fréchet distance, precision and recall by the bundled classifier; Table 1's Parzen window with reference rows; Figures 2 and 3.",
            discussion: """
                Writes samples.safetensors (the measured z and x), evaluation.json (every number printed), \
                class-histogram.png and the figures to --output. σ is chosen among 10 values log-spaced on [0.1, 1] \
                by mean log-likelihood on the first --validation rows of the validation split; the test set is scored at that σ. \
                Seeds: \(GeneratorEvaluation.Seeds.explanation)
                """)

        @Option(help: "A checkpoint written by 'study train'.")
        var checkpoint: String

        @Option(help: "A folder of IDX files in MNIST's layout.")
        var data = DataSet.fashionMNISTFolder.path

        @Option(help: "Generator samples measured by the classifier (and as many training and test images beside them).")
        var samples = 10_000

        @Option(help: "Samples (and test images) whose nearest training image is searched.")
        var nearestNeighbourQueries = 1_000

        @Option(help: "Generator samples (and real training images) per Parzen window.")
        var parzenSamples = 10_000

        @Option(help: "Centroids of the k-means Parzen row.")
        var kMeansCentroids = 1_000

        @Option(help: "Training images the k-means row clusters.")
        var kMeansTrainingImages = 10_000

        @Option(help: "Validation images for choosing σ.")
        var validation = 1_000

        @Option(help: "Test images scored.")
        var test = 10_000

        @Option(help: "Seed s from which every draw's seed is derived (see above).")
        var seed: UInt64 = 1

        @Option(help: "Folder for the samples, evaluation.json and the figures.")
        var output = "runs/evaluate"

        func validate() throws {
            guard !checkpoint.isEmpty else { throw ValidationError("--checkpoint is empty; give the path of a checkpoint written by 'study train'") }
            guard (10...10_000).contains(samples) else { throw ValidationError("--samples must be in 10...10000, got \(samples)") }
            guard (1...samples).contains(nearestNeighbourQueries) else { throw ValidationError("--nearest-neighbour-queries must be in 1...--samples, got \(nearestNeighbourQueries)") }
            guard (1...50_000).contains(parzenSamples) else { throw ValidationError("--parzen-samples must be in 1...50000, got \(parzenSamples)") }
            guard (1...10_000).contains(kMeansCentroids) else { throw ValidationError("--k-means-centroids must be in 1...10000, got \(kMeansCentroids)") }
            guard (kMeansCentroids...50_000).contains(kMeansTrainingImages) else { throw ValidationError("--k-means-training-images must be in --k-means-centroids...50000, got \(kMeansTrainingImages)") }
            guard (1...10_000).contains(validation) else { throw ValidationError("--validation must be in 1...10000, got \(validation)") }
            guard (1...10_000).contains(test) else { throw ValidationError("--test must be in 1...10000, got \(test)") }
        }

        func run() throws {
            let file = try Safetensors(contentsOf: URL(fileURLWithPath: checkpoint))
            let (generator, recipe) = try TrainingCheckpoint.generator(from: file)
            let dataSet = try DataSet(folder: URL(fileURLWithPath: data))
            let a = recipe.architecture
            guard a.pixels == dataSet.training.images.pixelsPerImage else {
                throw CommandFailure.data("\(checkpoint) was trained on images of \(a.pixels) pixels, but \(dataSet.trainingImagesURL.path) holds images of \(dataSet.training.images.rows)×\(dataSet.training.images.columns) = \(dataSet.training.images.pixelsPerImage)")
            }
            guard test <= dataSet.test.count else { throw CommandFailure.usage("--test \(test) exceeds the \(dataSet.test.count) test images of \(data)") }
            guard samples <= min(dataSet.training.count, dataSet.test.count) else {
                throw CommandFailure.usage("--samples \(samples) exceeds the \(min(dataSet.training.count, dataSet.test.count)) training and test images the measures compare with")
            }
            let folder = URL(fileURLWithPath: output)
            try OutputFolder.prepare(folder)
            let started = Date()
            let progress = TerminalProgress.reporter
            let context = DemoContext(seed: seed, outputDirectory: folder, outputDisplayName: folder.path, progress: progress) { print($0) }
            let seeds = GeneratorEvaluation.Seeds(seed)

            let iteration = (try? file.metadataValue("iteration")) ?? "?"
            let digest = try SHA256.hex(ofFile: URL(fileURLWithPath: checkpoint))
            print("generator of \(checkpoint) (recipe \(recipe.name), iteration \(iteration), SHA-256 \(digest.prefix(12))…)")
            let training = dataSet.training.images.matrix(as: Float.self)
            let testImages = dataSet.test.images.matrix(as: Float.self)
            let classifier = try FashionClassifier.bundled()
            guard classifier.settings.inputWidth == a.pixels else {
                throw CommandFailure.data("the bundled classifier measures images of \(classifier.settings.inputWidth) pixels (Fashion-MNIST's 28x28), but \(checkpoint) draws images of \(a.pixels)")
            }
            let accuracy = classifier.accuracy(images: testImages, labels: dataSet.test.labels.values.map(Int.init))
            print("classifier: \(classifier.settings.architecture), test accuracy \(fixed(accuracy, 4))")
            print()

            let quality = try ExperimentsDemo.measureSamples(
                context, generator: generator, architecture: a, training: training, test: testImages, classifier: classifier,
                sizes: SampleQuality.Sizes(samples: samples, nearestNeighbourQueries: min(samples, nearestNeighbourQueries)),
                names: ("class-histogram.png", "samples.safetensors"), title: recipe.name,
                metadata: ["checkpoint": checkpoint, "seed": String(seeds.qualitySamples)])
            print()

            let side = dataSet.training.images.rows
            let distances = try ExperimentsDemo.figures(
                context, generator: generator, architecture: a, training: training, test: testImages, side: side,
                names: ("figure-2.png", "figure-3.png", "real-beside-generated.png"), rows: 8, perRow: 8)
            print()
            let kMeansImages = min(dataSet.training.count, kMeansTrainingImages)
            let rows = ExperimentsDemo.parzenTable(
                generator: generator, architecture: a, data: dataSet, samples: self.parzenSamples,
                validationRows: validation, testRows: test, seed: seed, kMeansTrainingImages: kMeansImages,
                kMeansCentroids: kMeansCentroids) { progress.report($0, $1, $2) }
            print("Parzen windows of \(parzenSamples) centres (k-means: \(kMeansCentroids) centroids of \(kMeansImages) training images); σ from \(ParzenWindow.logSpacedWidths().count) values on [0.1, 1] by \(validation) validation images; \(test) test images")
            ParzenEvaluation.table(rows).forEach { print($0) }
            for row in rows {
                print("  \(row.name): validation log-likelihood by σ: " + row.validationScores.map { fixed($0, 1) }.joined(separator: " "))
            }
            print()
            ParzenEvaluation.paperTable().forEach { print($0) }

            let result = GeneratorEvaluation(
                checkpoint: checkpoint, checkpointSHA256: digest, recipe: recipe, iteration: iteration, seed: seed, classifierTestAccuracy: accuracy,
                quality: quality, figure2NearestDistances: distances, parzen: rows,
                parzenSizes: .init(centres: parzenSamples, kMeansTrainingImages: kMeansImages, validation: validation, test: test))
            let jsonURL = folder.appendingPathComponent("evaluation.json")
            let json = Array(try result.json())
            try AtomicFile.write(to: jsonURL) { out throws(FileWriteError) in try out.write(json) }
            print("result: \(jsonURL.path)")
            print(String(format: "evaluated in %.1f s", Date().timeIntervalSince(started)))
        }
    }
}
