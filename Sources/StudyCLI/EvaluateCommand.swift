import ArgumentParser
import Experiments
import FileFormats
import Foundation
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
        var samples = CheckpointEvaluation.Sizes().samples

        @Option(help: "Samples (and test images) whose nearest training image is searched.")
        var nearestNeighbourQueries = CheckpointEvaluation.Sizes().nearestNeighbourQueries

        @Option(help: "Generator samples (and real training images) per Parzen window.")
        var parzenSamples = CheckpointEvaluation.Sizes().parzenSamples

        @Option(help: "Centroids of the k-means Parzen row.")
        var kMeansCentroids = CheckpointEvaluation.Sizes().kMeansCentroids

        @Option(help: "Training images the k-means row clusters.")
        var kMeansTrainingImages = CheckpointEvaluation.Sizes().kMeansTrainingImages

        @Option(help: "Validation images for choosing σ.")
        var validation = CheckpointEvaluation.Sizes().validation

        @Option(help: "Test images scored.")
        var test = CheckpointEvaluation.Sizes().test

        @Option(help: "Seed s from which every draw's seed is derived (see above).")
        var seed: UInt64 = 1

        @Option(help: "Folder for the samples, evaluation.json and the figures.")
        var output = "runs/evaluate"

        func validate() throws {
            guard !checkpoint.isEmpty else { throw ValidationError("--checkpoint is empty; give the path of a checkpoint written by 'study train'") }
            try OutputOption.validate(output)
            guard (10...10_000).contains(samples) else { throw ValidationError("--samples must be in 10...10000, got \(samples)") }
            guard (1...samples).contains(nearestNeighbourQueries) else { throw ValidationError("--nearest-neighbour-queries must be in 1...--samples, got \(nearestNeighbourQueries)") }
            guard (1...50_000).contains(parzenSamples) else { throw ValidationError("--parzen-samples must be in 1...50000, got \(parzenSamples)") }
            guard (1...10_000).contains(kMeansCentroids) else { throw ValidationError("--k-means-centroids must be in 1...10000, got \(kMeansCentroids)") }
            guard (kMeansCentroids...50_000).contains(kMeansTrainingImages) else { throw ValidationError("--k-means-training-images must be in --k-means-centroids...50000, got \(kMeansTrainingImages)") }
            guard (1...10_000).contains(validation) else { throw ValidationError("--validation must be in 1...10000, got \(validation)") }
            guard (1...10_000).contains(test) else { throw ValidationError("--test must be in 1...10000, got \(test)") }
        }

        func run() throws {
            var sizes = CheckpointEvaluation.Sizes()
            (sizes.samples, sizes.nearestNeighbourQueries, sizes.parzenSamples) = (samples, nearestNeighbourQueries, parzenSamples)
            (sizes.kMeansCentroids, sizes.kMeansTrainingImages) = (kMeansCentroids, kMeansTrainingImages)
            (sizes.validation, sizes.test) = (validation, test)
            let evaluation = CheckpointEvaluation(checkpoint: checkpoint, dataFolder: data, sizes: sizes, seed: seed, output: URL(fileURLWithPath: output))
            try evaluation.run(progress: TerminalProgress.reporter) { print($0) }
        }
    }
}
