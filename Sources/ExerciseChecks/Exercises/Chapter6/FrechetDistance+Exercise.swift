import Evaluation
import Foundation
import GANCore

extension Catalogue {
    /// Exercise 6.3: the Fréchet distance between two Gaussians.
    public static var frechetDistance: Exercise<(MultivariateGaussian, MultivariateGaussian) throws -> Double> {
        let info = ExerciseInfo(
            "6.3", "The Fréchet distance between two Gaussians", kind: .derive,
            task: ["d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^{1/2}) between two Gaussians (`mean`, `covariance` row-major).",
                   "Σ₁Σ₂ is not symmetric: find a symmetric matrix with the same eigenvalues, so that GANCore's",
                   "SymmetricEigen (decompose, squareRoot) can do the work. The covariances do not commute."],
            paper: "not in the paper; Chapter 6's measure of samples (Heusel et al. 2017, arXiv:1706.08500)",
            answer: "Chapter 6, \"Measuring samples: a classifier of the project's own\"",
            solution: SolutionSource("Sources/Evaluation/Measures/FrechetDistance.swift", region: "frechet-distance", function: "squaredDistance"),
            imports: ["Evaluation"], fileName: "FrechetDistance")
        func parts(_ a: MultivariateGaussian, _ b: MultivariateGaussian) -> (means: Double, traces: Double) {
            let d = a.dimension
            return (zip(a.mean, b.mean).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) },
                    (0..<d).reduce(0) { $0 + a.covariance[$1 * d + $1] + b.covariance[$1 * d + $1] })
        }
        func trace(_ m: Matrix<Double>) -> Double { (0..<m.rows).reduce(0) { $0 + m[$1, $1] } }
        return Exercise(info, solution: { try FrechetDistance.squaredDistance($0, $1) }, mistakes: [
            .recognised("root-of-trace", "2√tr(Σ₁Σ₂) for the cross term",
                        hint: "tr((Σ₁Σ₂)^{1/2}) is Σᵢ √λᵢ over the eigenvalues of Σ₁Σ₂, not √(Σᵢ λᵢ) = √tr(Σ₁Σ₂)",
                        { a, b in
                            let product = a.covarianceMatrix * b.covarianceMatrix
                            let (means, traces) = parts(a, b)
                            return means + traces - 2 * trace(product).squareRoot()
                        }),
            .recognised("commuting-roots", "tr(Σ₁^{1/2} Σ₂^{1/2}) for the cross term",
                        hint: "tr(Σ₁^{1/2} Σ₂^{1/2}) equals tr((Σ₁Σ₂)^{1/2}) only when Σ₁ and Σ₂ commute; Σ₁^{1/2} Σ₂ Σ₁^{1/2} has Σ₁Σ₂'s eigenvalues and is symmetric",
                        { a, b in
                            let roots = try SymmetricEigen.squareRoot(a.covarianceMatrix) * SymmetricEigen.squareRoot(b.covarianceMatrix)
                            let (means, traces) = parts(a, b)
                            return means + traces - 2 * trace(roots)
                        }),
            .recognised("means-not-squared", "‖μ₁ − μ₂‖ without the square",
                        hint: "the means enter as the squared distance ‖μ₁ − μ₂‖²",
                        { a, b in
                            let (means, _) = parts(a, b)
                            return try FrechetDistance.squaredDistance(a, b) - means + means.squareRoot()
                        }),
        ]) { random in
            [1, 3, 8].map { d in
                let first = MultivariateGaussian(mean: Inputs.uniform(d, random, -1, 1), covariance: Inputs.covariance(d, random))
                let second = MultivariateGaussian(mean: Inputs.uniform(d, random, -1, 1), covariance: Inputs.covariance(d, random))
                // Σ₁ and Σ₂ in the other order: Σ₂^{1/2} Σ₁ Σ₂^{1/2} has the same eigenvalues.
                let (means, traces) = parts(first, second)
                let expected: Double = {
                    guard let root = try? SymmetricEigen.squareRoot(second.covarianceMatrix) else { return .nan }
                    let m = root * first.covarianceMatrix * root
                    SymmetricEigen.symmetrise(m)
                    guard let values = try? SymmetricEigen.decompose(m, vectors: false).values else { return .nan }
                    return means + traces - 2 * values.reduce(0) { $0 + max($1, 0).squareRoot() }
                }()
                return CheckCase("two Gaussians in \(d) dimension\(d == 1 ? "" : "s")",
                                 references: [.value(.scalar("d²", expected), "Σ₂^{1/2} Σ₁ Σ₂^{1/2}'s eigenvalues", tolerance: 1e-8, floor: 1e-12)]) { f in
                    [.scalar("d²", try f(first, second))]
                }
            }
        }
    }
}
