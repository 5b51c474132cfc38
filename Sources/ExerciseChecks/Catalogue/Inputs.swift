import GANCore

/// Random inputs for the checks, drawn from the seed's source.
enum Inputs {
    static func uniform(_ count: Int, _ random: RandomSource, _ lower: Double, _ upper: Double) -> [Double] {
        (0..<count).map { _ in random.uniform(lower, upper) }
    }

    /// `count` values in [lower, upper], each at least `gap` from every point of `avoiding`:
    /// inputs kept away from a kink (a hinge at ±1, a ReLU at 0), so that finite differences do not straddle it.
    static func uniform(_ count: Int, _ random: RandomSource, _ lower: Double, _ upper: Double, avoiding kinks: [Double], gap: Double) -> [Double] {
        (0..<count).map { _ in
            var x = random.uniform(lower, upper)
            while kinks.contains(where: { abs(x - $0) < gap }) { x = random.uniform(lower, upper) }
            return x
        }
    }

    /// A probability vector of `count` entries; `zeros` of them exactly 0.
    static func probabilities(_ count: Int, _ random: RandomSource, zeros: Int = 0) -> [Double] {
        var p = (0..<count).map { _ in random.uniform(0.05, 1) }
        for i in random.permutation(count).prefix(zeros) { p[i] = 0 }
        let total = p.reduce(0, +)
        return p.map { $0 / total }
    }

    /// A symmetric positive definite d×d matrix, row-major: AAᵀ/d + εI.
    static func covariance(_ d: Int, _ random: RandomSource) -> [Double] {
        let a = uniform(d * d, random, -1, 1)
        var sigma = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0...i {
                var total = 0.0
                for k in 0..<d { total += a[i * d + k] * a[j * d + k] }
                sigma[i * d + j] = total / Double(d) + (i == j ? 0.1 : 0)
                sigma[j * d + i] = sigma[i * d + j]
            }
        }
        return sigma
    }

    static func matrix(_ rows: Int, _ columns: Int, _ values: [Double]) -> Matrix<Double> {
        Matrix(rows: rows, columns: columns, elements: values)
    }
}

/// Σ_ij R_ij · Y_ij: a scalar whose gradient with respect to Y is R. A
/// backward pass is checked through it: ∂/∂x Σ R ⊙ layer(x) is the backward
/// pass of R.
func projection(_ y: [Double], _ r: [Double]) -> Double {
    precondition(y.count == r.count, "projection: \(y.count) values against \(r.count)")
    return zip(y, r).reduce(0) { $0 + $1.0 * $1.1 }
}
