// Exercise 2.1: The D step's gradient at the logits. Chapter 2, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 2.1`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter2/DiscriminatorLogitGradient.swift, region discriminator-logit-gradient)
// and must stay as it is; `tools/exercises reset 2.1` restores this file.
import ExerciseChecks
import GANCore

/// ∂V̂/∂a for every logit of Algorithm 1's minibatch, stacked as the code stacks it: the m real
/// samples' logits a(x⁽ⁱ⁾) first, then the m generated samples' logits a(G(z⁽ⁱ⁾)) (2m numbers).
/// V̂ = (1/m) Σ log D(x⁽ⁱ⁾) + (1/m) Σ log(1 − D(G(z⁽ⁱ⁾))) with D = σ(a): the quantity D ascends.
///
/// - Paper: Algorithm 1, Eq. (1)
/// - Answer, once you have tried: Chapter 2, "The gradient at the logit"
public func discriminatorLogitGradient(realLogits: [Double], generatedLogits: [Double]) -> [Double] {
    notAttempted("2.1")
}
