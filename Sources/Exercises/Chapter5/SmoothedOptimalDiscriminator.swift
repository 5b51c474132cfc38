// Exercise 5.5: The optimal discriminator with smoothed labels. Chapter 5, beyond the chapter.
//
// Write your answer in the body of the function below, then run
// `tools/study check 5.5`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter5/SmoothedOptimalDiscriminator.swift, region smoothed-optimal-discriminator)
// and must stay as it is; `tools/exercises reset 5.5` restores this file.
import ExerciseChecks
import GANCore

/// Proposition 1 again, when D is trained with real samples labelled α and generated ones labelled β
/// (a sample labelled y scores y·log D + (1 − y)·log(1 − D), as in Exercise 1.5). At a point x with
/// densities p_data(x) and p_g(x), return the D(x) that maximises the expected score. Then ask what
/// β > 0 does where p_data = 0, and why label smoothing is kept one-sided.
///
/// - Paper: not in the paper; Proposition 1 with other labels
/// - Source: Salimans et al. 2016, "Improved Techniques for Training GANs", arXiv:1606.03498, §3.4
/// - Answer, once you have tried: Sources/ExerciseChecks/Solutions/Chapter5/SmoothedOptimalDiscriminator.swift
public func smoothedOptimalDiscriminator(pData p: Double, pG q: Double, realLabel alpha: Double, fakeLabel beta: Double) -> Double {
    notAttempted("5.5")
}
