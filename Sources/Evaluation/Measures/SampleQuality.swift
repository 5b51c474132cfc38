import Foundation
import GANCore

/// Everything Chapter 6 measures about a generator's samples, beside the
/// same measures of real images, so each number has its yardstick:
///
/// ```
/// coverage    the classifier's histogram of the samples' classes (data: 10% each)
/// Fréchet     d²(samples, training images)      beside d²(test images, training images)
/// precision   share of samples inside the k-NN balls of training images
/// recall      share of training images inside the k-NN balls of samples
///             both beside the same pair for test images against training images
/// memorising  squared L2 from samples to their nearest training image
///             beside the same for test images
/// ```
/// Every set holds the same number of images, because the Fréchet distance
/// and the k-NN radii of finite sets depend on their size.
public struct SampleQuality: Codable, Sendable {
    public struct Sizes: Codable, Sendable, Equatable {
        /// Generated samples, and as many training and as many test images, for
        /// the histogram, the Fréchet distances and precision and recall.
        public var samples: Int
        /// Samples (and test images) whose nearest training image is searched.
        public var nearestNeighbourQueries: Int
        public init(samples: Int, nearestNeighbourQueries: Int) {
            self.samples = samples
            self.nearestNeighbourQueries = nearestNeighbourQueries
        }
    }

    /// Precision and recall with k-NN balls of `k` neighbours (Kynkäänniemi et al. 2019, arXiv:1904.06991).
    public static let neighbours = 3
    /// The coverage criterion Chapter 6 holds a short run to: a class counts as drawn at ≥ 3% of samples.
    public static let coverageThreshold = 0.03

    public let sizes: Sizes
    /// Counts of the samples' predicted classes.
    public let classCounts: [Int]
    public let frechetDistance: Double
    /// The real-vs-real floor: test images against the same training images.
    public let frechetFloor: Double
    public let precision: Double
    public let recall: Double
    /// Precision and recall of test images against the same training images.
    public let realPrecision: Double
    public let realRecall: Double
    /// Samples' squared L2 distances to their nearest training image.
    public let sampleDistances: DistanceSummary
    /// Test images' squared L2 distances to their nearest training image.
    public let testDistances: DistanceSummary

    public var histogram: ClassHistogram { ClassHistogram(counts: classCounts) }

    /// Measures `samples` (rows of pixels in [0, 1]) against the first
    /// `sizes.samples` training and test images, in `classifier`'s features.
    public static func measure(
        samples: Matrix<Float>, training: Matrix<Float>, test: Matrix<Float>,
        classifier: FashionClassifier, sizes: Sizes
    ) throws -> SampleQuality {
        let n = sizes.samples, q = sizes.nearestNeighbourQueries
        precondition(samples.rows >= n && training.rows >= n && test.rows >= n,
                     "need \(n) samples, training and test images, got \(samples.rows), \(training.rows), \(test.rows)")
        precondition(q <= n, "nearest-neighbour queries (\(q)) must not exceed the samples (\(n))")
        let generated = rows(0..<n, of: samples)
        let real = rows(0..<n, of: training), held = rows(0..<n, of: test)
        let (generatedFeatures, realFeatures, heldFeatures) = (
            classifier.features(generated), classifier.features(real), classifier.features(held))
        let labels = classifier.predict(generated)
        let model = PrecisionRecall.evaluate(real: realFeatures, generated: generatedFeatures, k: neighbours)
        let floor = PrecisionRecall.evaluate(real: realFeatures, generated: heldFeatures, k: neighbours)
        return SampleQuality(
            sizes: sizes,
            classCounts: ClassHistogram(labels: labels, classes: FashionClassifier.classNames.count).counts,
            frechetDistance: try FrechetDistance.squaredDistance(between: generatedFeatures, and: realFeatures),
            frechetFloor: try FrechetDistance.squaredDistance(between: heldFeatures, and: realFeatures),
            precision: model.precision, recall: model.recall,
            realPrecision: floor.precision, realRecall: floor.recall,
            sampleDistances: NearestNeighbourBaseline.distances(of: rows(0..<q, of: samples), to: training),
            testDistances: NearestNeighbourBaseline.distances(of: rows(0..<q, of: test), to: training))
    }

    /// The report's lines: the histogram, then the measures beside their real-image values.
    public func lines(classNames: [String] = FashionClassifier.classNames) -> [String] {
        var out = ["classes of \(sizes.samples) samples by the classifier (data: 10% each):"]
        out += histogram.table(names: classNames).map { "  " + $0 }
        let h = histogram
        out.append("  \(h.classesReaching(Self.coverageThreshold)) of \(h.classes) classes at 3% or more; smallest \(fixed(100 * h.smallestFraction, 1))%")
        var table = TextTable("measure (classifier features)", "samples", "test images")
        table.add("Frechet distance to training images", fixed(frechetDistance, 2), fixed(frechetFloor, 2))
        table.add("precision (k = \(Self.neighbours))", fixed(precision, 3), fixed(realPrecision, 3))
        table.add("recall (k = \(Self.neighbours))", fixed(recall, 3), fixed(realRecall, 3))
        out += table.lines
        out.append("squared L2 to the nearest training image, \(sampleDistances.count) each:")
        out.append("  samples:     \(sampleDistances.description)")
        out.append("  test images: \(testDistances.description)")
        return out
    }

    /// Rows `range` of `matrix`, viewed in place.
    public static func rows(_ range: Range<Int>, of matrix: Matrix<Float>) -> Matrix<Float> {
        Matrix(viewing: matrix.base + range.lowerBound * matrix.columns, rows: range.count, columns: matrix.columns)
    }
}
