// Exercise 5.4: An exponentiated-gradient step on C. Chapter 5, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 5.4`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter5/DiscreteCriterion.swift, region exponentiated-gradient-step)
// and must stay as it is; `tools/exercises reset 5.4` restores this file.
import ExerciseChecks
import GANCore

/// One step of exponentiated gradient on C in p_g with step size η: multiply each p_g,i by
/// exp(−η ∂C/∂p_g,i) (Exercise 5.3's gradient) and divide by the total, so p_g stays a probability vector.
/// Then simplify: at η = 1 the step is p_g ← (p_data + p_g)/2.
///
/// - Paper: Proposition 2, §4.2
/// - Answer, once you have tried: Chapter 5, "Proposition 2: convergence in p_g"
public func exponentiatedGradientStep(data: [Double], generator: [Double], stepSize eta: Double) -> [Double] {
    notAttempted("5.4")
}
