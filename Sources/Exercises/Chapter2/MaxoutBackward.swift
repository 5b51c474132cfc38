// Exercise 2.2: Maxout's backward pass. Chapter 2, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 2.2`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter2/MaxoutBackward.swift, region maxout-backward)
// and must stay as it is; `tools/exercises reset 2.2` restores this file.
import ExerciseChecks
import GANCore

/// ∂L/∂input of a layer of maxout units, given the layer's input and ∂L/∂output.
/// The input has one row per sample and units × pieces columns: unit u's pieces are the columns
/// u·pieces ..< (u+1)·pieces, and the unit outputs the largest of them (output: rows × units).
///
/// - Paper: §5 (D's maxout units, Goodfellow et al. 2013)
/// - Answer, once you have tried: Chapter 2, "Back through the layers"
public func maxoutBackward(input x: Matrix<Double>, pieces: Int, outputGradient dy: Matrix<Double>) -> Matrix<Double> {
    notAttempted("2.2")
}
