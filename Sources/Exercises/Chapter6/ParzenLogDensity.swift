// Exercise 6.2: The Parzen window's log-density. Chapter 6, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 6.2`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter6/ParzenWindow.swift, region parzen-log-density)
// and must stay as it is; `tools/exercises reset 6.2` restores this file.
import ExerciseChecks
import GANCore

/// log p(x) for a point x of dimension d under a Gaussian Parzen window: the mean of n isotropic
/// Gaussians N(μⱼ, σ²I), one centred on each row μⱼ of `centres` (n × d), all of width σ.
/// It must be accurate in 784 dimensions with σ = 0.1, where every kernel's exp underflows.
///
/// - Paper: §5, Table 1
/// - Answer, once you have tried: Chapter 6, "Table 1's method: a Parzen window"
public func parzenLogDensity(point x: [Double], centres: Matrix<Double>, width sigma: Double) -> Double {
    notAttempted("6.2")
}
