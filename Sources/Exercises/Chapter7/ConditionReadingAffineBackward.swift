// Exercise 7.2: The conditioned layer's backward pass, when the layer reads c. Chapter 7, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 7.2`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter7/ConditionedAffineBackward.swift, region condition-reading-affine-backward)
// and must stay as it is; `tools/exercises reset 7.2` restores this file.
import ExerciseChecks
import GANCore

/// As Exercise 7.1, but the affine map reads the whole row: [u | c] ↦ [[u | c] W + b | c], with W of
/// (width of u + k) × o rows and columns, as in G's and D's first layers. c now reaches the output twice.
///
/// - Paper: §7 ("adding c as input to both G and D")
/// - Answer, once you have tried: Chapter 7, "A conditional model p(x | c)"
public func conditionReadingAffineBackward(
    input x: Matrix<Double>, weights w: Matrix<Double>, conditionWidth k: Int, outputGradient dy: Matrix<Double>
) -> Matrix<Double> {
    notAttempted("7.2")
}
