// Exercise 2.5: The hinge loss's gradient at D's logits. Chapter 2, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 2.5`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter2/HingeLogitGradient.swift, region hinge-logit-gradient)
// and must stay as it is; `tools/exercises reset 2.5` restores this file.
import ExerciseChecks
import GANCore

/// D's loss in the hinge form, which D minimises: L_D = (1/m) Σ max(0, 1 − aᵢ) + (1/m) Σ max(0, 1 + ãᵢ),
/// with aᵢ D's logit on a real sample and ãᵢ on a generated one. Return ∂L_D/∂a for the stacked
/// minibatch, real logits first (2m numbers), as in Exercise 2.1. No logit is exactly ±1.
///
/// - Paper: not in the paper; replaces Eq. (1)'s log terms for D
/// - Source: Lim and Ye 2017, "Geometric GAN", arXiv:1705.02894
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter2/HingeLogitGradient.swift
public func hingeLogitGradient(realLogits: [Double], generatedLogits: [Double]) -> [Double] {
    notAttempted("2.5")
}
