// Exercise 7.4: A projection discriminator's backward pass. Chapter 7, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 7.4`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter7/ProjectionDiscriminatorBackward.swift, region projection-discriminator-backward)
// and must stay as it is; `tools/exercises reset 7.4` restores this file.
import ExerciseChecks
import GANCore

/// A projection discriminator gives D the class by an inner product instead of an extra input: from
/// features φᵢ (row i of `features`, n × d) and class yᵢ, the logit is aᵢ = φᵢ·v + e_{yᵢ}·φᵢ, with v the output
/// weights and e_c row c of `embedding` (classes × d). Given δᵢ = ∂L/∂aᵢ, return ∂L/∂φ and ∂L/∂embedding.
///
/// - Paper: not in the paper; another way to condition D than §7's
/// - Source: Miyato and Koyama 2018, "cGANs with Projection Discriminator", arXiv:1802.05637
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter7/ProjectionDiscriminatorBackward.swift
public func projectionDiscriminatorBackward(
    features phi: Matrix<Double>, classes: [Int], embedding e: Matrix<Double>, outputWeights v: [Double], logitGradient delta: [Double]
) -> (features: Matrix<Double>, embedding: Matrix<Double>) {
    notAttempted("7.4")
}
