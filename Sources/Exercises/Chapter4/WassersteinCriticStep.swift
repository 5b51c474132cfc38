// Exercise 4.4: A Wasserstein critic's step with clipped weights. Chapter 4, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 4.4`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter4/WassersteinCriticStep.swift, region wasserstein-critic-step)
// and must stay as it is; `tools/exercises reset 4.4` restores this file.
import ExerciseChecks
import GANCore

/// One step of a Wasserstein GAN's critic, which replaces D: a linear critic f(x) = x·w (no sigmoid,
/// no log) ascends (1/m) Σ f(x⁽ⁱ⁾) − (1/m) Σ f(G(z⁽ⁱ⁾)) by a plain step of size η, then every weight
/// is clipped to [−c, c], which keeps f Lipschitz. Rows of `real` and `generated` are samples.
///
/// - Paper: not in the paper; replaces Algorithm 1's D step
/// - Source: Arjovsky, Chintala and Bottou 2017, "Wasserstein GAN", arXiv:1701.07875, Algorithm 1
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter4/WassersteinCriticStep.swift
public func wassersteinCriticStep(
    weights w: [Double], real: Matrix<Double>, generated: Matrix<Double>, learningRate eta: Double, clip c: Double
) -> [Double] {
    notAttempted("4.4")
}
