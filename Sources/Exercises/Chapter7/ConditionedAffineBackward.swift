// Exercise 7.1: The conditioned layer's backward pass. Chapter 7, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 7.1`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter7/ConditionedAffineBackward.swift, region conditioned-affine-backward)
// and must stay as it is; `tools/exercises reset 7.1` restores this file.
import ExerciseChecks
import GANCore

/// A layer that carries the condition c past an affine map: each input row is [u | c], c its last k
/// columns, and the output row is [u W + b | c] (W: width of u × o). Given the input, W, k and
/// ∂L/∂output (n × (o + k)), return ∂L/∂input, c's columns included.
///
/// - Paper: §7 ("adding c as input to both G and D")
/// - Answer, once you have tried: Chapter 7, "A conditional model p(x | c)"
public func conditionedAffineBackward(
    input x: Matrix<Double>, weights w: Matrix<Double>, conditionWidth k: Int, outputGradient dy: Matrix<Double>
) -> Matrix<Double> {
    notAttempted("7.1")
}
