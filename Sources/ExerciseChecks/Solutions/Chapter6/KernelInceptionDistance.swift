import GANCore

// [excerpt: kernel-inception-distance]
/// The kernel distance of Bińkowski et al. 2018 (arXiv:1801.01401, the KID
/// when the features are Inception's): the unbiased estimate of the squared
/// maximum mean discrepancy between the rows of `real` (m × d) and of
/// `generated` (n × d), with the cubic kernel k(x, y) = (x·y/d + 1)³:
/// ```
/// MMD²_u = Σ_{i≠j} k(xᵢ, xⱼ)/(m(m−1)) + Σ_{i≠j} k(yᵢ, yⱼ)/(n(n−1)) − 2 Σ_{i,j} k(xᵢ, yⱼ)/(mn)
/// ```
/// Unlike the Fréchet distance it assumes no Gaussian, and it is unbiased.
func kernelInceptionDistance(real: Matrix<Double>, generated: Matrix<Double>) -> Double {
    let d = Double(real.columns)
    func k(_ a: Matrix<Double>, _ i: Int, _ b: Matrix<Double>, _ j: Int) -> Double {
        let dot = (0..<a.columns).reduce(0.0) { $0 + a[i, $1] * b[j, $1] }
        let base = dot / d + 1
        return base * base * base
    }
    let (m, n) = (real.rows, generated.rows)
    var within = (0.0, 0.0), across = 0.0
    for i in 0..<m { for j in 0..<m where i != j { within.0 += k(real, i, real, j) } }
    for i in 0..<n { for j in 0..<n where i != j { within.1 += k(generated, i, generated, j) } }
    for i in 0..<m { for j in 0..<n { across += k(real, i, generated, j) } }
    return within.0 / Double(m * (m - 1)) + within.1 / Double(n * (n - 1)) - 2 * across / Double(m * n)
}
// [end: kernel-inception-distance]
