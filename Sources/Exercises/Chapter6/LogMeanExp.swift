// Exercise 6.1: log-mean-exp, without underflow. Chapter 6, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 6.1`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter6/ParzenWindow.swift, region log-mean-exp)
// and must stay as it is; `tools/exercises reset 6.1` restores this file.
import ExerciseChecks
import GANCore

/// log((1/n) Σⱼ exp(eⱼ)) for n ≥ 1 exponents eⱼ, finite and accurate whatever their size: in 784
/// dimensions the Parzen window's exponents lie hundreds below 0, where exp(eⱼ) is 0 even in Double
/// (Double reaches about e^−745). Find the rewriting that makes the sum hold a term equal to 1.
///
/// - Paper: §5 (Table 1's Parzen-window estimate)
/// - Answer, once you have tried: Chapter 6, "Table 1's method: a Parzen window"
public func logMeanExp(_ values: [Double]) -> Double {
    notAttempted("6.1")
}
