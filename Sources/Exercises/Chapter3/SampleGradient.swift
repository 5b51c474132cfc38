// Exercise 3.3: The loss's gradient at G's samples, through D. Chapter 3, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 3.3`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter3/SampleGradient.swift, region sample-gradient)
// and must stay as it is; `tools/exercises reset 3.3` restores this file.
import ExerciseChecks
import GANCore

/// ∂L/∂xᵢ for every generated sample xᵢ = G(z⁽ⁱ⁾) (one per row of `samples`), for the
/// non-saturating loss L = −(1/m) Σ log D(xᵢ) and a logistic discriminator D(x) = σ(x·w + c).
/// This is what G's backward pass starts from; D's weights are read, never changed.
///
/// - Paper: Algorithm 1 (G's step), §3
/// - Answer, once you have tried: Chapter 3, "Through D and into G"
public func sampleGradient(samples x: Matrix<Double>, weights w: [Double], bias c: Double) -> Matrix<Double> {
    notAttempted("3.3")
}
