// Exercise 1.5: V̂ with one-sided label smoothing. Chapter 1, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 1.5`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter1/SmoothedValue.swift, region smoothed-value)
// and must stay as it is; `tools/exercises reset 1.5` restores this file.
import ExerciseChecks
import GANCore

/// D's minibatch objective when the real samples' label 1 is replaced by α (say 0.9) and the
/// generated samples' label stays 0: one-sided label smoothing. Read V̂ as the mean
/// log-likelihood of the labels (Chapter 1: V̂ is minus twice a mean cross-entropy), and give
/// a sample labelled y the log-likelihood y·log D + (1 − y)·log(1 − D). From D's logits, stably.
///
/// - Paper: not in the paper; Eq. (1) with other labels
/// - Source: Salimans et al. 2016, "Improved Techniques for Training GANs", arXiv:1606.03498, §3.4
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter1/SmoothedValue.swift
public func smoothedValue(realLogits: [Double], generatedLogits: [Double], realLabel alpha: Double) -> Double {
    notAttempted("1.5")
}
