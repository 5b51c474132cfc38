import Foundation
import GANCore
import ValueFunction

/// How far a 1-D discriminator is from the optimal one of Proposition 1,
/// measured on a grid where there is data to learn from.
///
/// ```
/// D*(x) = p_data(x) / (p_data(x) + p_g(x))                        Eq. (2)
/// max_x |D(x) − D*(x)|  over grid points with (p_data + p_g)/2 ≥ floor
/// Σ_x |D(x) − D*(x)| · (p_data + p_g)/2 / Σ_x (p_data + p_g)/2     (weighted mean)
/// ```
/// Where both densities vanish no sample ever reaches D, so D there is
/// unconstrained by V and is left out of the maximum.
/// - Paper: Proposition 1, Eq. (2).
public struct DistanceToOptimum: Sendable {
    /// The largest |D − D*| over the grid points kept.
    public let maximum: Double
    /// Where that largest difference is.
    public let worstPoint: Double
    /// |D − D*| averaged over the grid, weighted by the mixture (p_data + p_g)/2.
    public let weightedMean: Double
    /// How many grid points the maximum is taken over.
    public let pointsCompared: Int
    /// How many points the grid has in all (the weighted mean uses every one).
    public let gridPoints: Int

    /// The density floor below which a grid point is left out.
    public static let mixtureFloor = 0.05

    public init(discriminator: [Double], optimal: [Double], mixture: [Double], at points: [Double]) {
        precondition(discriminator.count == points.count && optimal.count == points.count && mixture.count == points.count,
                     "DistanceToOptimum: one value per grid point")
        var maximum = 0.0, worst = points[0], weighted = 0.0, weights = 0.0, kept = 0
        for i in points.indices {
            let gap = abs(discriminator[i] - optimal[i])
            weighted += gap * mixture[i]
            weights += mixture[i]
            guard mixture[i] >= Self.mixtureFloor else { continue }
            kept += 1
            if gap > maximum { maximum = gap; worst = points[i] }
        }
        self.maximum = maximum
        worstPoint = worst
        weightedMean = weighted / weights
        pointsCompared = kept
        gridPoints = points.count
    }

    /// Compares the network `discriminator` (1 input, 1 logit) with D* for
    /// these densities on `count` points of `range`.
    public init<Scalar: BLASScalar>(
        _ discriminator: MultilayerPerceptron<Scalar>, data: any Density1D, generator: any Density1D,
        over range: ClosedRange<Double>, count: Int = 241
    ) {
        let points = grid(range, count: count)
        let dStar = ValueFunction.optimalLogit(data: data, generator: generator)
        self.init(
            discriminator: discriminator.probabilities(at: points),
            optimal: points.map { sigmoid(dStar($0)) },
            mixture: points.map { 0.5 * (data.density($0) + generator.density($0)) },
            at: points)
    }
}
