import Foundation
import GANCore

/// What "not memorised" means in numbers: the squared L2 distance from
/// images to their nearest training image, for generated samples and, as
/// the baseline, for real test images that training never saw.
///
/// A generator that copied its training set would sit at distance 0; one
/// that draws new images from p_data sits about as far from the training set
/// as fresh real images do. Only the comparison of the two says which.
/// - Paper: §5, Figure 2 (the nearest training example beside each sample).
public struct DistanceSummary: Sendable, Equatable, Codable {
    public let count: Int
    public let minimum: Double
    public let lowerQuartile: Double
    public let median: Double
    public let upperQuartile: Double
    public let maximum: Double

    /// The order statistics of `values` (quartiles by linear interpolation
    /// between closest ranks, as numpy's default `percentile` does).
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a summary needs at least one value")
        let sorted = values.sorted()
        func quantile(_ q: Double) -> Double {
            let position = q * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        count = sorted.count
        minimum = sorted[0]
        lowerQuartile = quantile(0.25)
        median = quantile(0.5)
        upperQuartile = quantile(0.75)
        maximum = sorted[sorted.count - 1]
    }

    /// "median 24.1 (quartiles 18.0–31.2, range 6.5–70.3)".
    public var description: String {
        "median \(fixed(median, 1)) (quartiles \(fixed(lowerQuartile, 1))–\(fixed(upperQuartile, 1)), range \(fixed(minimum, 1))–\(fixed(maximum, 1)))"
    }
}

public enum NearestNeighbourBaseline {
    /// The squared distances from each row of `images` to its nearest row of `training`.
    public static func distances(of images: Matrix<Float>, to training: Matrix<Float>) -> DistanceSummary {
        DistanceSummary(NearestNeighbours.search(images, in: training).map(\.squaredDistance))
    }
}
