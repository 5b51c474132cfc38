// Exercise 6.4: The kernel (inception) distance. Chapter 6, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 6.4`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter6/KernelInceptionDistance.swift, region kernel-inception-distance)
// and must stay as it is; `tools/exercises reset 6.4` restores this file.
import ExerciseChecks
import GANCore

/// The unbiased estimate of the squared maximum mean discrepancy between the rows of `real` (m × d)
/// and of `generated` (n × d), with the cubic kernel k(x, y) = (x·y/d + 1)³: the mean of k over pairs of
/// distinct real rows, plus the same over generated rows, minus twice the mean of k over real-generated pairs.
///
/// - Paper: not in the paper; a sample measure like Chapter 6's Fréchet distance
/// - Source: Bińkowski, Sutherland, Arbel and Gretton 2018, "Demystifying MMD GANs", arXiv:1801.01401
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter6/KernelInceptionDistance.swift
public func kernelInceptionDistance(real: Matrix<Double>, generated: Matrix<Double>) -> Double {
    notAttempted("6.4")
}
