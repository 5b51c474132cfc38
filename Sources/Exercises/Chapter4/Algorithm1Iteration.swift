// Exercise 4.2: One iteration of Algorithm 1. Chapter 4, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 4.2`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter4/Algorithm1Iteration.swift, region algorithm-1-iteration)
// and must stay as it is; `tools/exercises reset 4.2` restores this file.
import ExerciseChecks
import GANCore

/// One iteration of Algorithm 1 for a 1-D GAN: D(x) = σ(w·x + c) with θ_d = [w, c], and
/// G(z) = θ₀ + θ₁·z with θ_g = [θ₀, θ₁]. k = realBatches.count: the j-th of the k steps of D ascends
/// V̂ on realBatches[j] and noiseBatches[j]; then G descends (1/m) Σ log(1 − D(G(z))) on the last,
/// fresh noise batch, noiseBatches[k]. Plain gradient steps θ ← θ ± η∇ (no momentum). Return both θ.
///
/// - Paper: Algorithm 1
/// - Answer, once you have tried: Chapter 4, "The loop"
public func algorithm1Iteration(
    discriminator: [Double], generator: [Double], realBatches: [[Double]], noiseBatches: [[Double]], learningRate eta: Double
) -> (discriminator: [Double], generator: [Double]) {
    notAttempted("4.2")
}
