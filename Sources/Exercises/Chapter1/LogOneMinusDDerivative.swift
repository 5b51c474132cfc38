// Exercise 1.3: d/da log(1 − D) at the logit. Chapter 1, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 1.3`. Everything outside the body is generated from
// the solution (Sources/GANCore/Losses/LogTerms.swift, region log-terms)
// and must stay as it is; `tools/exercises reset 1.3` restores this file.
import ExerciseChecks
import GANCore

/// The derivative of log(1 − D(x)) = log(1 − σ(a)) with respect to D's logit a.
/// This is the number every backward pass of Chapters 2 and 3 starts from for a generated sample.
/// It must be finite for every finite a, also where σ(a) rounds to 1.
///
/// - Paper: Eq. (1), §3
/// - Answer, once you have tried: Chapter 1, "Working on logits"
public func logOneMinusDDerivative<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
    notAttempted("1.3")
}
