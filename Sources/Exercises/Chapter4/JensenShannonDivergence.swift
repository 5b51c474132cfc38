// Exercise 4.3: The Jensen–Shannon divergence on a grid. Chapter 4, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 4.3`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter4/JensenShannonDivergence.swift, region jensen-shannon-divergence)
// and must stay as it is; `tools/exercises reset 4.3` restores this file.
import ExerciseChecks
import GANCore

/// JSD(p ‖ q) in nats for two probability vectors p and q on one grid (each sums to 1; entries may be 0):
/// the mean of the two KL divergences to their midpoint m = (p + q)/2. Theorem 1 says
/// C(G) = −log 4 + 2·JSD(p_data ‖ p_g). Where an entry is 0, its term is 0 (p log p → 0).
///
/// - Paper: Theorem 1, Eqs. (5)–(6)
/// - Answer, once you have tried: Chapter 4, "Measuring progress: the Jensen–Shannon divergence"
public func jensenShannonDivergence(p: [Double], q: [Double]) -> Double {
    notAttempted("4.3")
}
