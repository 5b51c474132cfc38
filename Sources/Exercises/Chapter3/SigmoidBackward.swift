// Exercise 3.4: The sigmoid layer's backward pass. Chapter 3, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 3.4`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter3/SigmoidBackward.swift, region sigmoid-backward)
// and must stay as it is; `tools/exercises reset 3.4` restores this file.
import ExerciseChecks
import GANCore

/// ∂L/∂x of the element-wise sigmoid y = σ(x), G's output layer on MNIST (pixels in (0, 1)),
/// given the layer's output y (its forward pass keeps y, not x) and ∂L/∂y, both n×d.
///
/// - Paper: §5 (G's sigmoid output units)
/// - Answer, once you have tried: Chapter 3, "Through D and into G"
public func sigmoidBackward(output y: Matrix<Double>, outputGradient dy: Matrix<Double>) -> Matrix<Double> {
    notAttempted("3.4")
}
