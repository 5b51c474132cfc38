// Exercise 5.3: C's gradient in p_g. Chapter 5, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 5.3`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter5/DiscreteCriterion.swift, region criterion-gradient)
// and must stay as it is; `tools/exercises reset 5.3` restores this file.
import ExerciseChecks
import GANCore

/// ∂C/∂p_g,i for Exercise 5.2's C on the grid, at a p_g that is positive everywhere (C is defined off the
/// simplex too). D* depends on p_g; work out what its own change contributes, then simplify.
///
/// - Paper: Proposition 2, §4.2
/// - Answer, once you have tried: Chapter 5, "Proposition 2: convergence in p_g"
public func criterionGradient(data: [Double], generator: [Double]) -> [Double] {
    notAttempted("5.3")
}
