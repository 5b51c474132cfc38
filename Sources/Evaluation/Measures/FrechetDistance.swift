import Foundation
import GANCore

/// A Gaussian in d dimensions given by its mean and covariance, in Double.
public struct MultivariateGaussian: Sendable, Equatable {
    public let mean: [Double]
    /// Σ, d × d, row-major: entry (i, j) at `i * dimension + j`.
    public let covariance: [Double]
    public var dimension: Int { mean.count }

    public init(mean: [Double], covariance: [Double]) {
        precondition(covariance.count == mean.count * mean.count,
                     "covariance of a \(mean.count)-dimensional Gaussian needs \(mean.count * mean.count) entries, got \(covariance.count)")
        let d = mean.count
        for i in 0..<d {
            for j in 0..<i {
                let (a, b) = (covariance[i * d + j], covariance[j * d + i])
                precondition(abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-300),
                             "covariance must be symmetric: (\(i), \(j)) is \(a), (\(j), \(i)) is \(b)")
            }
        }
        self.mean = mean
        self.covariance = covariance
    }

    /// Σ as a new matrix.
    public var covarianceMatrix: Matrix<Double> {
        Matrix(rows: dimension, columns: dimension, elements: covariance)
    }

    /// The Gaussian fitted to the rows of `features` (N samples × d features):
    /// the sample mean and the unbiased sample covariance.
    ///
    /// ```
    /// μ = (1/N) Σ_n x_n
    /// Σ = (1/(N − 1)) Xcᵀ Xc,   Xc = X − 1μᵀ   (rows centred)
    /// ```
    /// The N − 1 denominator makes Σ unbiased; it is what `numpy.cov`, and
    /// so the reference FID code, uses. At N = 10 000 it differs from 1/N by
    /// 1e-4 relative. The centring and the product are in Double: the
    /// one-pass form E[xxᵀ] − μμᵀ cancels badly when |μ| ≫ σ.
    public init(fittedTo features: Matrix<Float>) {
        let n = features.rows, d = features.columns
        precondition(n >= 2, "a covariance needs at least 2 rows, got \(n)")
        var mean = [Double](repeating: 0, count: d)
        for r in 0..<n {
            let row = features.base + r * d
            for c in 0..<d { mean[c] += Double(row[c]) }
        }
        for c in 0..<d { mean[c] /= Double(n) }
        let centred = Matrix<Double>(rows: n, columns: d)
        mean.withUnsafeBufferPointer { mu in
            concurrentChunks(n, minimumPiece: 256) { rows in
                for r in rows {
                    let source = features.base + r * d, target = centred.base + r * d
                    for c in 0..<d { target[c] = Double(source[c]) - mu[c] }
                }
            }
        }
        let sigma = Matrix<Double>(rows: d, columns: d)
        Matrix.multiply(centred, transposed: true, centred, transposed: false, into: sigma, alpha: 1 / Double(n - 1))
        SymmetricEigen.symmetrise(sigma)
        self.init(mean: mean, covariance: sigma.elements)
    }
}

/// The Fréchet (2-Wasserstein) distance between two Gaussians: the FID
/// formula, applied to features of real and generated images.
///
/// ```
/// d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^{1/2})
/// tr (Σ₁ Σ₂)^{1/2} = tr (Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2}
/// ```
/// Why the second line holds. Put A = Σ₁^{1/2} and B = Σ₁^{1/2} Σ₂. Then
/// AB = Σ₁Σ₂ and BA = Σ₁^{1/2} Σ₂ Σ₁^{1/2} =: M. AB and BA always have the
/// same eigenvalues (with multiplicity), and when Σ₁ is invertible they are
/// similar: Σ₁Σ₂ = A M A⁻¹. M is symmetric PSD, so its eigenvalues λ_i are
/// real and ≥ 0, and so are those of Σ₁Σ₂. The square root in d² is the one
/// whose eigenvalues are √λ_i, so both traces are Σ_i √λ_i. M has the
/// advantage of being symmetric: its square root comes from a symmetric
/// eigendecomposition (`gsl_eigen_symmv`), which is stable, where Σ₁Σ₂ would
/// need a general one and a matrix square root with complex rounding noise.
/// Only the eigenvalues of M are needed, so M is never square-rooted.
///
/// Rounding can leave eigenvalues of Σ₁ or M slightly below 0 (a zero
/// eigenvalue computed as −1e-17·‖Σ‖; features that never vary, or fewer
/// samples than features, give such zeros). They are set to 0 before the
/// square root, which would otherwise be NaN (`SymmetricEigen`).
///
/// This is the formula of the Fréchet Inception Distance (Heusel et al.
/// 2017, arXiv:1706.08500). Here it is computed in the features of
/// the project's own Fashion-MNIST classifier, not of ImageNet's Inception
/// network, so its values are not comparable with published FIDs; they
/// compare models with each other within this project only.
/// - Paper: not in Goodfellow et al. 2014; a later measure of sample quality
///   (shared/PAPER.md, "Evaluating generative models since 2014").
public enum FrechetDistance {
    // [excerpt: frechet-distance]
    /// d² between two Gaussians of the same dimension. Throws `GSLError`
    /// when an eigendecomposition fails.
    public static func squaredDistance(_ first: MultivariateGaussian, _ second: MultivariateGaussian) throws -> Double {
        precondition(first.dimension == second.dimension,
                     "Gaussians differ in dimension: \(first.dimension) and \(second.dimension)")
        let d = first.dimension
        guard d > 0 else { return 0 }
        let meanTerm = zip(first.mean, second.mean).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let traces = (0..<d).reduce(0.0) { $0 + first.covariance[$1 * d + $1] + second.covariance[$1 * d + $1] }
        let crossTrace = try traceOfProductSquareRoot(first.covarianceMatrix, second.covarianceMatrix)
        return meanTerm + traces - 2 * crossTrace
    }

    /// tr (Σ₁Σ₂)^{1/2}, as Σ_i √λ_i(Σ₁^{1/2} Σ₂ Σ₁^{1/2}).
    public static func traceOfProductSquareRoot(_ sigma1: Matrix<Double>, _ sigma2: Matrix<Double>) throws -> Double {
        let d = sigma1.rows
        let root1 = try SymmetricEigen.squareRoot(sigma1)
        let product = Matrix<Double>(rows: d, columns: d), m = Matrix<Double>(rows: d, columns: d)
        Matrix.multiply(root1, sigma2, into: product)
        Matrix.multiply(product, root1, into: m)
        SymmetricEigen.symmetrise(m)
        let lambdas = SymmetricEigen.positiveSemidefiniteValues(try SymmetricEigen.decompose(m, vectors: false).values)
        return lambdas.reduce(0) { $0 + $1.squareRoot() }
    }
    // [end: frechet-distance]

    /// d² between the Gaussians fitted to two sets of feature rows.
    public static func squaredDistance(between first: Matrix<Float>, and second: Matrix<Float>) throws -> Double {
        try squaredDistance(MultivariateGaussian(fittedTo: first), MultivariateGaussian(fittedTo: second))
    }
}
