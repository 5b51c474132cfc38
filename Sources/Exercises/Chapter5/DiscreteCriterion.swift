// Exercise 5.2: C(G) on a grid. Chapter 5, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 5.2`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter5/DiscreteCriterion.swift, region discrete-criterion)
// and must stay as it is; `tools/exercises reset 5.2` restores this file.
import ExerciseChecks
import GANCore

/// The virtual training criterion C(G) = max_D V(G, D) of Eq. (4) for densities on a grid: p_data and p_g
/// are probability vectors (p_data may be 0 at some points), and the integrals are sums. Use the optimal
/// discriminator D* of Proposition 1 at each grid point. Theorem 1: C ≥ −log 4, with equality iff p_g = p_data.
///
/// - Paper: Eq. (4), Theorem 1
/// - Answer, once you have tried: Chapter 5, "Proposition 2: convergence in p_g" (the criterion on the grid)
public func criterion(data: [Double], generator: [Double]) -> Double {
    notAttempted("5.2")
}
