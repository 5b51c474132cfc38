// Exercise 1.4: V̂ on a minibatch, with its standard error. Chapter 1, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 1.4`. Everything outside the body is generated from
// the solution (Sources/ValueFunction/ValueFunction.swift, region minibatch-estimate)
// and must stay as it is; `tools/exercises reset 1.4` restores this file.
import ExerciseChecks
import GANCore
import ValueFunction

/// The minibatch estimate of Eq. (1) that Algorithm 1 ascends, from D's logits on the real
/// samples x⁽ⁱ⁾ and on the generated ones G(z⁽ⁱ⁾): each expectation replaced by a sample mean.
/// Return V̂, both of its terms, and V̂'s standard error: each term is a sample mean of
/// independent draws (its error is s/√m, with s² the sample variance), and the two samples are independent.
///
/// - Paper: Eq. (1), Algorithm 1
/// - Answer, once you have tried: Chapter 1, "The minibatch estimate"
public func estimate(realLogits: [Double], generatedLogits: [Double]) -> ValueFunction.Estimate {
    notAttempted("1.4")
}
