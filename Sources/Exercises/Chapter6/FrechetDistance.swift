// Exercise 6.3: The Fréchet distance between two Gaussians. Chapter 6, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 6.3`. Everything outside the body is generated from
// the solution (Sources/Evaluation/Measures/FrechetDistance.swift, region frechet-distance)
// and must stay as it is; `tools/exercises reset 6.3` restores this file.
import Evaluation
import ExerciseChecks
import GANCore

/// d² = ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁Σ₂)^{1/2}) between two Gaussians (`mean`, `covariance` row-major).
/// Σ₁Σ₂ is not symmetric: find a symmetric matrix with the same eigenvalues, so that GANCore's
/// SymmetricEigen (decompose, squareRoot) can do the work. The covariances do not commute.
///
/// - Paper: not in the paper; Chapter 6's measure of samples (Heusel et al. 2017, arXiv:1706.08500)
/// - Answer, once you have tried: Chapter 6, "Measuring samples: a classifier of the project's own"
public func squaredDistance(_ first: MultivariateGaussian, _ second: MultivariateGaussian) throws -> Double {
    notAttempted("6.3")
}
