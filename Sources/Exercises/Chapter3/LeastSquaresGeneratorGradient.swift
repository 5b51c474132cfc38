// Exercise 3.5: The least-squares generator loss's gradient. Chapter 3, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 3.5`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter3/LeastSquaresGeneratorGradient.swift, region least-squares-generator-gradient)
// and must stay as it is; `tools/exercises reset 3.5` restores this file.
import ExerciseChecks
import GANCore

/// In a least-squares GAN, D outputs a raw score a (no sigmoid), trained towards 1 on real data and
/// 0 on generated samples, and G minimises L_G = (1/2m) Σ (aᵢ − 1)² over its m samples' scores.
/// Return ∂L_G/∂aᵢ. Unlike Exercise 3.1's, it does not vanish where D rejects G's samples.
///
/// - Paper: not in the paper; replaces §3's generator loss
/// - Source: Mao et al. 2017, "Least Squares Generative Adversarial Networks", arXiv:1611.04076, Eq. (2)
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter3/LeastSquaresGeneratorGradient.swift
public func leastSquaresGeneratorGradient(outputs: [Double]) -> [Double] {
    notAttempted("3.5")
}
