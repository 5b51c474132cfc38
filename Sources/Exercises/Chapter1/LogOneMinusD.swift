// Exercise 1.1: log(1 − D) from D's logit. Chapter 1, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 1.1`. Everything outside the body is generated from
// the solution (Sources/GANCore/Losses/LogTerms.swift, region log-terms)
// and must stay as it is; `tools/exercises reset 1.1` restores this file.
import ExerciseChecks
import GANCore

/// Eq. (1)'s second term, log(1 − D(x)), from D's logit a, where D = σ(a) = 1/(1 + e^(−a)).
/// It must be finite for every finite a: in Double σ(40) already rounds to 1, and log(1 − 1) = −∞.
/// Rewrite 1 − σ(a) first, then take the log in a form that cannot overflow.
///
/// - Paper: Eq. (1), §3
/// - Answer, once you have tried: Chapter 1, "Working on logits"
public func logOneMinusD<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
    notAttempted("1.1")
}
