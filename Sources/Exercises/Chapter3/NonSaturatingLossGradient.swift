// Exercise 3.2: The non-saturating loss's gradient at D's logits. Chapter 3, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 3.2`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter3/GeneratorLossGradients.swift, region non-saturating-loss-gradient)
// and must stay as it is; `tools/exercises reset 3.2` restores this file.
import ExerciseChecks
import GANCore

/// ∂L/∂aᵢ for §3's alternative generator loss L = −(1/m) Σ log D(G(z⁽ⁱ⁾)), which G descends
/// (it maximises log D(G(z))), from D's logits aᵢ on the m generated samples. Compare it with
/// Exercise 3.1's where D rejects the samples (a ≪ 0): the ratio is D/(1 − D).
///
/// - Paper: §3
/// - Answer, once you have tried: Chapter 3, "Two losses at the logit"
public func nonSaturatingLossGradient(logits: [Double]) -> [Double] {
    notAttempted("3.2")
}
