import Evaluation
import Foundation
import GANCore
import Testing

/// The Fréchet distance between Gaussians, against closed forms.
@Suite struct FrechetDistanceTests {
    static func diagonal(_ values: [Double]) -> [Double] {
        let d = values.count
        var m = [Double](repeating: 0, count: d * d)
        for i in 0..<d { m[i * d + i] = values[i] }
        return m
    }

    /// Q diag(values) Qᵀ for the 3-D rotation Q = R_x(0.7) · R_z(-1.1): covariances
    /// sharing Q commute, with eigenvectors nowhere near the axes.
    static func rotated(_ values: [Double]) -> [Double] {
        let (c1, s1, c2, s2) = (cos(0.7), sin(0.7), cos(-1.1), sin(-1.1))
        let rx = Matrix<Double>(rows: 3, columns: 3, elements: [1, 0, 0, 0, c1, -s1, 0, s1, c1])
        let rz = Matrix<Double>(rows: 3, columns: 3, elements: [c2, -s2, 0, s2, c2, 0, 0, 0, 1])
        let q = rx * rz
        let scaled = q * Matrix<Double>(rows: 3, columns: 3, elements: diagonal(values))
        let result = Matrix<Double>(rows: 3, columns: 3)
        Matrix.multiply(scaled, transposed: false, q, transposed: true, into: result)
        SymmetricEigen.symmetrise(result)
        return result.elements
    }

    /// The 2×2 non-commuting pair of the negative control and the sampling test.
    static let sigma1: [Double] = [2, 1, 1, 1], sigma2: [Double] = [1, 0, 0, 3]

    /// d² for 2×2 covariances by an independent route. For M = Σ₁Σ₂ with
    /// eigenvalues λ₁, λ₂ ≥ 0, (√λ₁ + √λ₂)² = tr M + 2√det M, so
    /// tr √M = √(tr M + 2√det M).
    static func twoByTwo(_ mu1: [Double], _ s1: [Double], _ mu2: [Double], _ s2: [Double]) -> Double {
        let m = [s1[0] * s2[0] + s1[1] * s2[2], s1[0] * s2[1] + s1[1] * s2[3],
                 s1[2] * s2[0] + s1[3] * s2[2], s1[2] * s2[1] + s1[3] * s2[3]]
        let traceRoot = (m[0] + m[3] + 2 * (m[0] * m[3] - m[1] * m[2]).squareRoot()).squareRoot()
        let means = (mu1[0] - mu2[0]) * (mu1[0] - mu2[0]) + (mu1[1] - mu2[1]) * (mu1[1] - mu2[1])
        return means + s1[0] + s1[3] + s2[0] + s2[3] - 2 * traceRoot
    }

    @Test func frechetDistance_matchesClosedFormForDiagonalGaussians() throws {
        let a = [0.5, 1, 2, 4, 9], b = [2, 1, 0.25, 3, 16]
        let mu1 = [0.0, 1, -1, 2, 0], mu2 = [1.0, 1, 0, -2, 0.5]
        let first = MultivariateGaussian(mean: mu1, covariance: Self.diagonal(a))
        let second = MultivariateGaussian(mean: mu2, covariance: Self.diagonal(b))
        let exact = zip(mu1, mu2).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            + zip(a, b).reduce(0.0) { $0 + ($1.0.squareRoot() - $1.1.squareRoot()) * ($1.0.squareRoot() - $1.1.squareRoot()) }
        // A few eigendecompositions of well-conditioned 5×5 matrices: rounding of order 1e-15 · ‖Σ‖.
        #expect(abs(try FrechetDistance.squaredDistance(first, second) - exact) < 1e-12 * exact)
    }

    @Test func frechetDistance_matchesClosedFormForCommutingCovariances() throws {
        let a = [0.3, 2, 5], b = [1.2, 0.5, 5]
        let first = MultivariateGaussian(mean: [1, 2, 3], covariance: Self.rotated(a))
        let second = MultivariateGaussian(mean: [1, 0, 3], covariance: Self.rotated(b))
        let exact = 4 + zip(a, b).reduce(0.0) { $0 + ($1.0.squareRoot() - $1.1.squareRoot()) * ($1.0.squareRoot() - $1.1.squareRoot()) }
        #expect(abs(try FrechetDistance.squaredDistance(first, second) - exact) < 1e-12 * exact)
    }

    @Test func frechetDistance_matchesClosedFormInOneDimension() throws {
        // (μ₁ − μ₂)² + (σ₁ − σ₂)² = 1.5² + (0.5 − 2)² = 4.5.
        let first = MultivariateGaussian(mean: [0.5], covariance: [0.25])
        let second = MultivariateGaussian(mean: [-1], covariance: [4])
        #expect(abs(try FrechetDistance.squaredDistance(first, second) - 4.5) < 1e-14)
    }

    @Test func frechetDistance_matchesTwoByTwoFormulaForNonCommutingPair() throws {
        let mu1 = [0.0, 1], mu2 = [0.5, -1]
        let exact = Self.twoByTwo(mu1, Self.sigma1, mu2, Self.sigma2)
        let computed = try FrechetDistance.squaredDistance(
            MultivariateGaussian(mean: mu1, covariance: Self.sigma1), MultivariateGaussian(mean: mu2, covariance: Self.sigma2))
        #expect(abs(computed - exact) < 1e-12 * exact, "computed \(computed), exact \(exact)")
    }

    /// Three wrong traces of (Σ₁Σ₂)^{1/2}. The first, tr(Σ₁^{1/2} Σ₂^{1/2}), is
    /// right whenever Σ₁ and Σ₂ commute, which is why the pair must not.
    @Test func frechetDistance_negativeControl_wrongSquareRootsMissTheNonCommutingPair() throws {
        let s1 = Matrix<Double>(rows: 2, columns: 2, elements: Self.sigma1)
        let s2 = Matrix<Double>(rows: 2, columns: 2, elements: Self.sigma2)
        let right = try FrechetDistance.traceOfProductSquareRoot(s1, s2)
        let exact = (5 + 2 * 3.0.squareRoot()).squareRoot()  // tr Σ₁Σ₂ = 5, det Σ₁Σ₂ = 1 · 3
        #expect(abs(right - exact) < 1e-13)

        let root1 = try SymmetricEigen.squareRoot(s1), root2 = try SymmetricEigen.squareRoot(s2)
        let productOfRoots = root1 * root2
        let wrongProductOfRoots = productOfRoots[0, 0] + productOfRoots[1, 1]
        let product = s1 * s2
        let wrongEntrywise = product[0, 0].squareRoot() + product[1, 1].squareRoot()
        let wrongProductOfTraces = (root1[0, 0] + root1[1, 1]) * (root2[0, 0] + root2[1, 1])
        for (name, wrong) in [("tr(√Σ₁ √Σ₂)", wrongProductOfRoots), ("entrywise √", wrongEntrywise),
                              ("tr √Σ₁ · tr √Σ₂", wrongProductOfTraces)] {
            // The right formula agrees to 1e-13; these miss by 0.018 (tr(√Σ₁ √Σ₂)) to 3.2.
            #expect(abs(wrong - exact) > 1e-3, "\(name) = \(wrong) should miss \(exact)")
        }

        // On a commuting pair the first wrong formula is right: the control needs the non-commuting pair.
        let c1 = Matrix<Double>(rows: 3, columns: 3, elements: Self.rotated([0.3, 2, 5]))
        let c2 = Matrix<Double>(rows: 3, columns: 3, elements: Self.rotated([1.2, 0.5, 5]))
        let commuting = try SymmetricEigen.squareRoot(c1) * SymmetricEigen.squareRoot(c2)
        let commutingTrace = commuting[0, 0] + commuting[1, 1] + commuting[2, 2]
        #expect(abs(commutingTrace - (try FrechetDistance.traceOfProductSquareRoot(c1, c2))) < 1e-12)
    }

    @Test func frechetDistance_singularCovariance_staysFinite() throws {
        // Σ with a zero eigenvalue: rounding may put it a hair below 0, and √ of that is NaN unless clamped.
        let first = MultivariateGaussian(mean: [0, 0, 0], covariance: Self.rotated([1, 0, 2]))
        let second = MultivariateGaussian(mean: [0, 0, 0], covariance: Self.rotated([4, 0, 2]))
        let d2 = try FrechetDistance.squaredDistance(first, second)
        // Near a zero eigenvalue the square root is not Lipschitz: an eigenvalue
        // computed as ±ε‖Σ‖ (ε = 2.2e-16) becomes √(ε‖Σ‖) ≈ 3e-8 after it. That is
        // the attainable accuracy for a singular Σ, hence 1e-6 rather than 1e-12.
        #expect(d2.isFinite && abs(d2 - 1) < 1e-6, "(√1 − √4)² + 0 + 0, got \(d2)")
    }

    @Test func fittedGaussian_usesTheUnbiasedCovariance() {
        // Rows (0, 1), (2, 1), (4, 4): mean (2, 2); centred (−2, −1), (0, −1), (2, 2).
        // XcᵀXc = [[8, 6], [6, 6]]; over N − 1 = 2: [[4, 3], [3, 3]] (over N it would be 8/3 …).
        let fit = MultivariateGaussian(fittedTo: Matrix<Float>(rows: 3, columns: 2, elements: [0, 1, 2, 1, 4, 4]))
        #expect(fit.mean == [2, 2])
        #expect(fit.covariance == [4, 3, 3, 3])
    }

    @Test func frechetDistance_identicalSets_isZero() throws {
        let random = RandomSource(seed: 11)
        let x = Matrix<Float>(rows: 2000, columns: 16)
        for r in 0..<x.rows {
            let shared = random.gaussian()  // correlated features, so Σ is far from diagonal
            for c in 0..<16 { x[r, c] = Float(Double(c) + shared * Double(c % 3 + 1) + random.gaussian()) }
        }
        let fit = MultivariateGaussian(fittedTo: x)
        let trace = (0..<16).reduce(0.0) { $0 + fit.covariance[$1 * 16 + $1] }
        // d² = 2 tr Σ − 2 Σ √λ(Σ^{1/2} Σ Σ^{1/2}): the two halves cancel to the eigen-solver's rounding, ~d·ε·‖Σ‖.
        let d2 = try FrechetDistance.squaredDistance(between: x, and: x.copy())
        #expect(abs(d2) < 1e-10 * trace, "d² = \(d2), tr Σ = \(trace)")
    }

    @Test func frechetDistance_sampleEstimate_approachesClosedForm() throws {
        // Draws of N(μ₁, Σ₁) and N(μ₂, Σ₂) (the non-commuting pair) through
        // their Cholesky factors: Σ₁ = L Lᵀ with L = [[√2, 0], [1/√2, 1/√2]], Σ₂ = diag(1, 3).
        let n = 20_000
        let random = RandomSource(seed: 12)
        let mu1 = [0.0, 1], mu2 = [0.5, -1]
        let x = Matrix<Float>(rows: n, columns: 2), y = Matrix<Float>(rows: n, columns: 2)
        for r in 0..<n {
            let (z1, z2) = (random.gaussian(), random.gaussian())
            x[r, 0] = Float(mu1[0] + 2.0.squareRoot() * z1)
            x[r, 1] = Float(mu1[1] + (z1 + z2) / 2.0.squareRoot())
            let (w1, w2) = (random.gaussian(), random.gaussian())
            y[r, 0] = Float(mu2[0] + w1)
            y[r, 1] = Float(mu2[1] + 3.0.squareRoot() * w2)
        }
        let exact = Self.twoByTwo(mu1, Self.sigma1, mu2, Self.sigma2)
        let estimate = try FrechetDistance.squaredDistance(between: x, and: y)
        // Over seeds 1…40 at this N the estimate's standard deviation was 0.050
        // about the closed form 5.431 (the mean was 0.011 above it, within its
        // own error 0.050/√40 = 0.008; the plug-in bias is O(d/N)), and the worst
        // seed was 0.098 off. The spread shrinks as 1/√N. 0.2 is four standard
        // deviations; seed 12 is 0.048 off.
        #expect(abs(estimate - exact) < 0.2, "estimate \(estimate), closed form \(exact)")
    }
}
