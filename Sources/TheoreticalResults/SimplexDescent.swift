import Foundation
import GANCore

/// Proposition 2 where its assumptions hold exactly: p_g is free to be any
/// probability vector on a grid, D = D* at every step, and each step moves
/// p_g downhill in C.
///
/// On a grid x_1 … x_n, with p_data and p_g probability vectors,
/// ```
/// C(p_g) = Σ_i p_data,i·log(p_data,i / (p_data,i + p_g,i)) + p_g,i·log(p_g,i / (p_data,i + p_g,i))
/// ∂C/∂p_g,i = log(p_g,i / (p_data,i + p_g,i)) = log(1 − D*_i)
/// ```
/// The gradient is that of V(D*, p_g) with D* held fixed: C is the
/// supremum over D of functions linear in p_g, and the derivative of the
/// supremum is the derivative at the maximising D (the terms from D*'s own
/// change cancel: −p_data/(p_data + p_g) − p_g/(p_data + p_g) + 1 = 0).
/// - Paper: Proposition 2, §4.2
public struct SimplexDescent: Sendable {
    /// p_data on the grid: non-negative, summing to 1.
    public let data: [Double]
    /// η in the exponentiated-gradient step.
    public let stepSize: Double

    public init(data: [Double], stepSize: Double) {
        precondition(data.allSatisfy { $0 >= 0 } && abs(data.reduce(0, +) - 1) < 1e-12,
                     "p_data must be a probability vector")
        precondition(stepSize > 0, "step size must be positive, got \(stepSize)")
        self.data = data
        self.stepSize = stepSize
    }

    /// A density's probabilities on `grid`: p(x_i) normalised to sum to 1.
    public static func discretise(_ density: any Density1D, on grid: [Double]) -> [Double] {
        let logs = grid.map(density.logDensity)
        let total = logSumExp(logs)
        return logs.map { exp($0 - total) }
    }

    // [excerpt: discrete-criterion]
    /// C(p_g), Eq. (4) on the grid, for any positive p_g (the gradient
    /// below is this function's, on or off the simplex).
    public func criterion(_ generator: [Double]) -> Double {
        zip(data, generator).reduce(0) { sum, pair in
            let (pData, pG) = pair, total = pData + pG
            return sum + (pData > 0 ? pData * log(pData / total) : 0) + (pG > 0 ? pG * log(pG / total) : 0)
        }
    }

    /// C(p_g) + log 4 = KL(p_data ‖ m) + KL(p_g ‖ m) = 2·JSD(p_data ‖ p_g),
    /// for p_g in the simplex. Computed in this form (terms 2p/(p_data + p_g))
    /// so that its smallest values are not lost against −log 4.
    public func criterionAboveMinimum(_ generator: [Double]) -> Double {
        zip(data, generator).reduce(0) { sum, pair in
            let (pData, pG) = pair, total = pData + pG
            return sum + (pData > 0 ? pData * log(2 * pData / total) : 0) + (pG > 0 ? pG * log(2 * pG / total) : 0)
        }
    }

    /// ∂C/∂p_g,i = log(1 − D*_i) = log(p_g,i / (p_data,i + p_g,i)).
    public func gradient(_ generator: [Double]) -> [Double] {
        zip(data, generator).map { pData, pG in log(pG / (pData + pG)) }
    }
    // [end: discrete-criterion]

    // [excerpt: exponentiated-gradient]
    /// One step of exponentiated gradient, which stays in the simplex:
    /// ```
    /// p_g,i ← p_g,i · exp(−η ∂C/∂p_g,i) / Z  =  p_g,i^(1−η) · (p_data,i + p_g,i)^η / Z
    /// ```
    /// C is 1-smooth relative to the negative entropy (its Hessian, diagonal,
    /// has entries p_data,i / (p_g,i (p_data,i + p_g,i)) ≤ 1/p_g,i), so for η ≤ 1
    /// every step decreases C. At η = 1 the step is p_g ← (p_data + p_g)/2.
    public func step(_ generator: [Double]) -> [Double] {
        precondition(generator.count == data.count, "p_g has \(generator.count) entries, p_data \(data.count)")
        precondition(generator.allSatisfy { $0 > 0 }, "p_g must be positive everywhere on the grid")
        let logs = zip(generator, gradient(generator)).map { pG, g in log(pG) - stepSize * g }
        let total = logSumExp(logs)
        return logs.map { exp($0 - total) }
    }
    // [end: exponentiated-gradient]

    /// p_g after each of `steps` steps, starting with `start` itself.
    public func trajectory(from start: [Double], steps: Int) -> [[Double]] {
        var path = [start]
        for _ in 0..<steps { path.append(step(path[path.count - 1])) }
        return path
    }
}
