// Exercise 5.1: Proposition 1's maximiser, as a logit. Chapter 5, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 5.1`. Everything outside the body is generated from
// the solution (Sources/TheoreticalResults/PointwiseMaximiser.swift, region pointwise-objective)
// and must stay as it is; `tools/exercises reset 5.1` restores this file.
import ExerciseChecks
import GANCore

/// For a, b > 0, the maximiser y* over (0, 1) of y ↦ a·log y + b·log(1 − y), the pointwise form of
/// V(G, D) with a = p_data(x) and b = p_g(x). Return it as a logit, t* = log(y*/(1 − y*)), which
/// stays accurate where y* is within rounding of 0 or 1.
///
/// - Paper: Proposition 1, Eq. (2), §4.1
/// - Answer, once you have tried: Chapter 5, "Proposition 1: the optimal discriminator"
public func closedFormLogit(a: Double, b: Double) -> Double {
    notAttempted("5.1")
}
