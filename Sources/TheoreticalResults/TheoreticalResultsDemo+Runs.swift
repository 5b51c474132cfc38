import Foundation
import GANCore

/// The computations behind the demo's tables and figures, shared with the
/// tests so that both check the same numbers.
extension TheoreticalResultsDemo {
    /// The largest |t − t*| over every pairing of `maximiserGrid`.
    public static func worstMaximiserError() throws -> Double {
        var worst = 0.0
        for a in maximiserGrid {
            for b in maximiserGrid {
                let error = abs(try PointwiseMaximiser.numericLogit(a: a, b: b).x - PointwiseMaximiser.closedFormLogit(a: a, b: b))
                worst = max(worst, error)
            }
        }
        return worst
    }

    /// The generator family N(μ, s²): where C is smallest.
    public struct FamilyCurves {
        public let means: [Double]
        /// For p_data = N(0, 1), p_g = N(μ, 1): C and 2·JSD − log 4.
        public let criterion: [Double]
        public let jensenShannonForm: [Double]
        /// For the bimodal p_data, p_g = N(μ, 0.5²).
        public let bimodalCriterion: [Double]
        public let bimodalJensenShannonForm: [Double]
    }

    /// The searches of the family table: (p_data, s, interval of μ).
    public static var familyMinimumSearches: [(data: any Density1D, width: Double, interval: ClosedRange<Double>)] {
        [(standardGaussian, 1, -4...4), (bimodal, 0.5, -4...0), (bimodal, 0.5, 0...4)]
    }

    /// Brent's minimum of μ ↦ C(N(μ, s²)) for `data`.
    public static func familyMinimum(data: any Density1D, width: Double, in interval: ClosedRange<Double>) throws -> Minimisation.Result {
        // Quadrature noise (~1e-13) makes C flat to rounding within ~1e-6 of
        // the minimum; asking for 1e-7 would only spend iterations.
        try Minimisation.minimum(in: interval, gridPoints: 17, absoluteTolerance: 1e-6, relativeTolerance: 0) { mu in
            (try? TrainingCriterion.criterion(data: data, generator: Gaussian(mean: mu, standardDeviation: width)).value) ?? .nan
        }
    }

    /// Proposition 2's descent on the simplex, for the table and the figure.
    public struct SimplexRun {
        public let data: [Double]
        /// p_g after each step, for the table's step size.
        public let path: [[Double]]
        /// C + log 4 after each step, for each step size in the figure.
        public let gaps: [(stepSize: Double, values: [Double])]
    }

    public static func simplexRun() -> SimplexRun {
        let data = SimplexDescent.discretise(bimodal, on: grid)
        let start = SimplexDescent.discretise(simplexStart, on: grid)
        let path = SimplexDescent(data: data, stepSize: simplexStepSize).trajectory(from: start, steps: simplexSteps)
        let gaps = [0.25, 0.5, 1].map { eta in
            let descent = SimplexDescent(data: data, stepSize: eta)
            return (eta, descent.trajectory(from: start, steps: simplexSteps).map(descent.criterionAboveMinimum))
        }
        return SimplexRun(data: data, path: path, gaps: gaps)
    }

    /// The parametric generator's descents, for the table and the figure.
    public struct ParametricRun {
        public let paths: [[(theta: [Double], criterion: Double)]]
    }

    public static func parametricRun() throws -> ParametricRun {
        ParametricRun(paths: try parametricStarts.map { start in
            try parametricFamily.descend(from: start, data: bimodal, stepSize: parametricStepSize, steps: parametricSteps)
        })
    }

    /// C at the midpoint of two parameter vectors, the mean of C at the two,
    /// and C at the midpoint of their densities.
    public static func convexityContrast(_ theta: [Double]) throws -> (parameterMidpoint: Double, meanOfEnds: Double, densityMidpoint: Double) {
        let family = parametricFamily, target = [-2.0, 2.0]
        let middle = zip(theta, target).map { 0.5 * ($0 + $1) }
        let mixed = Mixture([family.density(theta), family.density(target)], weights: [1, 1])
        return (try family.criterion(middle, data: bimodal),
                0.5 * (try family.criterion(theta, data: bimodal) + family.criterion(target, data: bimodal)),
                try TrainingCriterion.criterion(data: bimodal, generator: mixed).value)
    }
}
