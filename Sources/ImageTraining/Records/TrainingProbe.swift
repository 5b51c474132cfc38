import Evaluation
import Figures
import Foundation
import GANCore

/// Watches a run's samples while it trains: at each call, G on one fixed set
/// of z, labelled and embedded by the classifier, against one fixed set of
/// training images. Fixed z make two points differ only by what G learnt.
public final class TrainingProbe {
    /// One measurement of the samples.
    public struct Point: Sendable, Codable, Equatable {
        public let iteration: Int
        /// d² between the samples' and the training images' classifier features.
        public let frechetDistance: Double
        /// Classes holding at least `SampleQuality.coverageThreshold` of the samples.
        public let classesCovered: Int
        public let smallestClass: Double
        public let classFractions: [Double]
        /// Precision and recall (k = 3) against the same training images, when measured.
        public let precision: Double?
        public let recall: Double?
    }

    public let trainer: ImageTrainer
    public let classifier: FashionClassifier
    public private(set) var points: [Point] = []
    private let noise: Matrix<Float>
    private let realFeatures: Matrix<Float>

    /// - Parameters:
    ///   - training: the run's training images; the first `samples` are the reference.
    ///   - samples: how many z are drawn once and reused at every point.
    public init(trainer: ImageTrainer, training: Matrix<Float>, classifier: FashionClassifier, samples: Int, seed: UInt64) {
        precondition(samples >= 2 && samples <= training.rows, "a probe needs 2...\(training.rows) samples, got \(samples)")
        self.trainer = trainer
        self.classifier = classifier
        let a = trainer.recipe.architecture
        noise = Matrix(rows: samples, columns: a.noiseDimension)
        a.noisePrior.fill(noise, using: RandomSource(seed: seed))
        realFeatures = classifier.features(SampleQuality.rows(0..<samples, of: training))
    }

    /// Measures G's samples now (G's forward pass reuses its buffers; training
    /// is not disturbed), with precision and recall if asked: they cost a
    /// nearest-neighbour search of the samples among themselves.
    @discardableResult
    public func measure(precisionAndRecall: Bool = false) throws -> Point {
        let x = ParzenEvaluation.generate(trainer.generator, from: noise)
        let features = classifier.features(x)
        let histogram = ClassHistogram(labels: classifier.predict(x), classes: FashionClassifier.classNames.count)
        let pr = precisionAndRecall
            ? PrecisionRecall.evaluate(real: realFeatures, generated: features, k: SampleQuality.neighbours) : nil
        let point = Point(
            iteration: trainer.iteration,
            frechetDistance: try FrechetDistance.squaredDistance(between: features, and: realFeatures),
            classesCovered: histogram.classesReaching(SampleQuality.coverageThreshold),
            smallestClass: histogram.smallestFraction, classFractions: histogram.fractions,
            precision: pr?.precision, recall: pr?.recall)
        points.append(point)
        return point
    }

    /// The run's curves: V, D's outputs, the Fréchet distance and the classes covered.
    public func figure(history: [ImageTrainer.HistoryPoint], title: String) -> RasterImage {
        let iterations = points.map(\.iteration)
        let atPoints = iterations.map { i in history.last { $0.iteration <= i } }
        return QualityFigures.curves(iterations: iterations, [
            .init(title: "V(D, G) on minibatches", yLabel: "mean of V", values: atPoints.map { $0?.value ?? .nan },
                  reference: (-log(4.0), "−log 4")),
            .init(title: "D(x), real", yLabel: "mean D", values: atPoints.map { $0?.meanRealProbability ?? .nan }, reference: (0.5, "½")),
            .init(title: "D(G(z)), generated", yLabel: "mean D", values: atPoints.map { $0?.meanGeneratedProbability ?? .nan },
                  reference: (0.5, "½")),
            .init(title: "Fréchet distance to training images", yLabel: "d² (classifier features)", values: points.map(\.frechetDistance)),
            .init(title: "classes at 3% or more", yLabel: "classes", values: points.map { Double($0.classesCovered) }, reference: (10, "all")),
            .init(title: "smallest class", yLabel: "% of samples", values: points.map { 100 * $0.smallestClass }, reference: (10, "data")),
        ], title: title)
    }
}
