// Exercise 3.1: The saturating loss's gradient at D's logits. Chapter 3, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 3.1`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter3/GeneratorLossGradients.swift, region saturating-loss-gradient)
// and must stay as it is; `tools/exercises reset 3.1` restores this file.
import ExerciseChecks
import GANCore

/// ∂L/∂aᵢ for Algorithm 1's generator loss L = (1/m) Σ log(1 − D(G(z⁽ⁱ⁾))), which G descends,
/// from D's logits aᵢ on the m generated samples (D = σ(a)). Then see what it is when D rejects
/// the samples with confidence (a ≪ 0).
///
/// - Paper: Algorithm 1, Eq. (1), §3
/// - Answer, once you have tried: Chapter 3, "Two losses at the logit"
public func saturatingLossGradient(logits: [Double]) -> [Double] {
    notAttempted("3.1")
}
