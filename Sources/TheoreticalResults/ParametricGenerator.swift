import Foundation
import GANCore
import ValueFunction

/// A small parametric generator for the caveat of §4.2: a mixture of two
/// Gaussians with fixed weights and width, whose parameters θ_g are the two
/// means,
/// ```
/// p_g(x; θ_g) = w·N(x; μ₁, s²) + (1 − w)·N(x; μ₂, s²),   θ_g = (μ₁, μ₂)
/// ```
/// p_data itself belongs to the family, so capacity is not what fails.
/// - Paper: Proposition 2 and the paragraph after it, §4.2
public struct ParametricGenerator: Sendable {
    /// w, the first component's weight.
    public let weight: Double
    /// s, both components' standard deviation.
    public let width: Double

    public init(weight: Double, width: Double) {
        precondition(weight > 0 && weight < 1, "weight must lie in (0, 1), got \(weight)")
        precondition(width > 0, "width must be positive, got \(width)")
        self.weight = weight
        self.width = width
    }

    /// p_g for θ_g = (μ₁, μ₂).
    public func density(_ theta: [Double]) -> Mixture {
        precondition(theta.count == 2, "θ_g holds two means, got \(theta.count) values")
        return Mixture(
            [Gaussian(mean: theta[0], standardDeviation: width), Gaussian(mean: theta[1], standardDeviation: width)],
            weights: [weight, 1 - weight])
    }

    /// C(G) at θ_g, Eq. (4) by quadrature.
    public func criterion(_ theta: [Double], data: any Density1D) throws -> Double {
        try TrainingCriterion.criterion(data: data, generator: density(theta)).value
    }

    // [excerpt: parametric-gradient]
    /// ∇_θ C with D = D* held fixed, as in Algorithm 1 with an optimal inner
    /// loop: by the same argument as on the simplex, only p_g's own change
    /// counts,
    /// ```
    /// ∂C/∂μ_k = ∫ ∂p_g(x)/∂μ_k · log(1 − D*(x)) dx,   ∂p_g/∂μ_k = w_k N(x; μ_k, s²)(x − μ_k)/s²
    /// ```
    public func criterionGradient(_ theta: [Double], data: any Density1D) throws -> [Double] {
        let generator = density(theta)
        let optimal = ValueFunction.optimalLogit(data: data, generator: generator)
        let weights = [weight, 1 - weight]
        return try (0..<2).map { k in
            let component = Gaussian(mean: theta[k], standardDeviation: width)
            return try Quadrature.integrate { x in
                let logWeight = log(weights[k]) + component.logDensity(x)
                guard logWeight > -700 else { return 0 }
                let score = (x - theta[k]) / (width * width)
                return exp(logWeight) * score * LogTerms.logOneMinusD(logit: optimal(x))
            }.value
        }
    }

    /// Gradient descent on C through θ_g: θ ← θ − η ∇_θ C. Returns θ and C
    /// after every step, starting with the start.
    public func descend(
        from start: [Double], data: any Density1D, stepSize: Double, steps: Int
    ) throws -> [(theta: [Double], criterion: Double)] {
        var theta = start
        var path = [(theta, try criterion(theta, data: data))]
        for _ in 0..<steps {
            let g = try criterionGradient(theta, data: data)
            theta = zip(theta, g).map { $0 - stepSize * $1 }
            path.append((theta, try criterion(theta, data: data)))
        }
        return path
    }
    // [end: parametric-gradient]
}

extension ParametricGenerator {
    /// The Hessian of C at θ_g, by central differences of the exact
    /// gradient: H_ij = (∂_i C(θ + h e_j) − ∂_i C(θ − h e_j)) / 2h, then
    /// symmetrised. With h = 1e-4 the truncation error is O(h²) ≈ 1e-8 and
    /// the quadrature's ~1e-12 noise contributes 1e-8: far below the
    /// eigenvalues it must sign.
    public func criterionHessian(_ theta: [Double], data: any Density1D, step h: Double = 1e-4) throws -> [[Double]] {
        var columns: [[Double]] = []
        for j in 0..<2 {
            var up = theta, down = theta
            up[j] += h
            down[j] -= h
            let gUp = try criterionGradient(up, data: data), gDown = try criterionGradient(down, data: data)
            columns.append(zip(gUp, gDown).map { ($0 - $1) / (2 * h) })
        }
        let offDiagonal = 0.5 * (columns[0][1] + columns[1][0])
        return [[columns[0][0], offDiagonal], [offDiagonal, columns[1][1]]]
    }

    /// The eigenvalues of a symmetric 2 × 2 matrix, smaller first.
    public static func eigenvalues(_ m: [[Double]]) -> (Double, Double) {
        let mean = 0.5 * (m[0][0] + m[1][1])
        let radius = (0.25 * (m[0][0] - m[1][1]) * (m[0][0] - m[1][1]) + m[0][1] * m[0][1]).squareRoot()
        return (mean - radius, mean + radius)
    }
}
