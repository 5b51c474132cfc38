// Exercise 2.3: Dropout's backward pass. Chapter 2, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 2.3`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter2/DropoutBackward.swift, region dropout-backward)
// and must stay as it is; `tools/exercises reset 2.3` restores this file.
import ExerciseChecks
import GANCore

/// ∂L/∂x of dropout, given ∂L/∂y, the mask μ its forward pass drew (0 or 1 for each entry),
/// and the scale s. The forward pass was y = x ⊙ μ · s, with s = 1/keep (the authors keep D's
/// input with p = 0.8, so s = 1.25, and its hidden units with p = 0.5, s = 2).
///
/// - Paper: §5 (D trained with dropout)
/// - Answer, once you have tried: Chapter 2, "Back through the layers"
public func dropoutBackward(outputGradient dy: Matrix<Double>, mask: Matrix<Double>, scale: Double) -> Matrix<Double> {
    notAttempted("2.3")
}
