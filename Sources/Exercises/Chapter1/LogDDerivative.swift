// Exercise 1.2: d/da log D at the logit. Chapter 1, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 1.2`. Everything outside the body is generated from
// the solution (Sources/GANCore/Losses/LogTerms.swift, region log-terms)
// and must stay as it is; `tools/exercises reset 1.2` restores this file.
import ExerciseChecks
import GANCore

/// The derivative of log D(x) = log σ(a) with respect to D's logit a.
/// Derive it by the chain rule through σ, then simplify: σ′(a) = σ(a)(1 − σ(a)).
/// It must be finite for every finite a.
///
/// - Paper: Eq. (1), §3
/// - Answer, once you have tried: Chapter 1, "Working on logits"
public func logDDerivative<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
    notAttempted("1.2")
}
