// Exercise 2.4: The affine layer's backward pass. Chapter 2, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 2.4`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter2/AffineBackward.swift, region affine-backward)
// and must stay as it is; `tools/exercises reset 2.4` restores this file.
import ExerciseChecks
import GANCore

/// For Y = X W + 1 bᵀ (X: n×i, one sample per row; W: i×o; b: o), given ∂L/∂Y (n×o), return
/// ∂L/∂X, ∂L/∂W and ∂L/∂b. Every layer of D and G below a nonlinearity is one of these.
/// Matrix.multiply(a, transposed:, b, transposed:, into:) computes products with either factor transposed.
///
/// - Paper: Algorithm 1 (∇θ_d through D's layers)
/// - Answer, once you have tried: Chapter 2, "Back through the layers"
public func affineBackward(
    input x: Matrix<Double>, weights w: Matrix<Double>, outputGradient dy: Matrix<Double>
) -> (input: Matrix<Double>, weights: Matrix<Double>, bias: [Double]) {
    notAttempted("2.4")
}
