// Exercise 7.3: A masked squared error and its gradient. Chapter 7, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 7.3`. Everything outside the body is generated from
// the solution (Sources/OpenDirections/SquaredError.swift, region squared-error)
// and must stay as it is; `tools/exercises reset 7.3` restores this file.
import ExerciseChecks
import GANCore

/// L = s · ½ Σᵢ Σⱼ wⱼ (Pᵢⱼ − Tᵢⱼ)² for predictions P and targets T (n × d), a mask w ∈ {0, 1}ᵈ shared by
/// the rows (all ones when nil) and a scale s. Return L, and write ∂L/∂P into `gradient` (n × d, every
/// entry). The inference net fits z with s = 1/n; filling in half an image masks the unseen half.
///
/// - Paper: §7 (learned approximate inference)
/// - Answer, once you have tried: Chapter 7, "Learned approximate inference"
public func loss<Scalar: BLASScalar>(
    prediction: Matrix<Scalar>, target: Matrix<Scalar>, mask: [Bool]? = nil, scale: Scalar = 1,
    gradient: Matrix<Scalar>
) -> Scalar {
    notAttempted("7.3")
}
