import Foundation

/// A probability density on the real line that can be evaluated and sampled:
/// the data and model densities of the paper's 1-D pictures (Figure 1).
public protocol Density1D: Sendable, CustomStringConvertible {
    /// log p(x); −∞ where p(x) = 0. Work in logs: tails underflow.
    func logDensity(_ x: Double) -> Double
    func sample(using random: RandomSource) -> Double
    /// An interval outside which the density is negligible (for grids and plots).
    var support: ClosedRange<Double> { get }
}

extension Density1D {
    public func density(_ x: Double) -> Double { exp(logDensity(x)) }
}

/// 𝒩(mean, standardDeviation²).
public struct Gaussian: Density1D {
    public let mean: Double
    public let standardDeviation: Double

    public init(mean: Double, standardDeviation: Double) {
        precondition(standardDeviation > 0, "Gaussian standard deviation must be positive, got \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    public func logDensity(_ x: Double) -> Double {
        let u = (x - mean) / standardDeviation
        return -0.5 * u * u - log(standardDeviation) - 0.5 * log(2 * Double.pi)
    }

    public func sample(using random: RandomSource) -> Double {
        random.gaussian(mean: mean, standardDeviation: standardDeviation)
    }

    public var support: ClosedRange<Double> { (mean - 8 * standardDeviation)...(mean + 8 * standardDeviation) }
    public var description: String { "N(\(mean), \(standardDeviation)²)" }
}

/// The uniform density on [lower, upper].
public struct Uniform: Density1D {
    public let lower: Double
    public let upper: Double

    public init(_ lower: Double, _ upper: Double) {
        precondition(lower < upper, "Uniform needs lower < upper, got [\(lower), \(upper)]")
        self.lower = lower
        self.upper = upper
    }

    public func logDensity(_ x: Double) -> Double {
        (lower...upper).contains(x) ? -log(upper - lower) : -.infinity
    }

    public func sample(using random: RandomSource) -> Double { random.uniform(lower, upper) }
    public var support: ClosedRange<Double> { lower...upper }
    public var description: String { "U[\(lower), \(upper)]" }
}

/// A finite mixture Σ_k w_k p_k.
public struct Mixture: Density1D {
    public let components: [any Density1D]
    public let weights: [Double]

    public init(_ components: [any Density1D], weights: [Double]) {
        precondition(components.count == weights.count && !components.isEmpty, "Mixture needs one weight per component")
        precondition(weights.allSatisfy { $0 > 0 }, "Mixture weights must be positive")
        let total = weights.reduce(0, +)
        self.components = components
        self.weights = weights.map { $0 / total }
    }

    public func logDensity(_ x: Double) -> Double {
        logSumExp(zip(components, weights).map { $0.logDensity(x) + log($1) })
    }

    public func sample(using random: RandomSource) -> Double {
        var u = random.uniform()
        for (component, weight) in zip(components, weights) {
            if u < weight { return component.sample(using: random) }
            u -= weight
        }
        return components[components.count - 1].sample(using: random)
    }

    public var support: ClosedRange<Double> {
        components.map(\.support.lowerBound).min()!...components.map(\.support.upperBound).max()!
    }

    public var description: String {
        zip(weights, components).map { "\($0)·\($1)" }.joined(separator: " + ")
    }
}

/// log Σ exp(v_i), with the largest term factored out so nothing overflows.
public func logSumExp(_ values: [Double]) -> Double {
    guard let top = values.max(), top > -.infinity else { return -.infinity }
    if top == .infinity { return .infinity }
    return top + log(values.reduce(0) { $0 + exp($1 - top) })
}

/// log(eᵃ + eᵇ), without overflow.
@inlinable
public func logAddExp(_ a: Double, _ b: Double) -> Double {
    let top = max(a, b)
    if top == -.infinity { return -.infinity }
    return top + log1p(exp(-abs(a - b)))
}
