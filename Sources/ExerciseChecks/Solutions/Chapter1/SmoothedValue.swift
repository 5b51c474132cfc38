import GANCore

// [excerpt: smoothed-value]
/// V̂ with one-sided label smoothing (Salimans et al. 2016, arXiv:1606.03498,
/// §3.4): the real samples' label 1 becomes α, the generated samples' label
/// stays 0. As a mean log-likelihood of the labels (Chapter 1's
/// cross-entropy in disguise), a sample labelled α contributes
/// α·log D + (1 − α)·log(1 − D):
/// ```
/// V̂_α = (1/m) Σ_i [α log D(x⁽ⁱ⁾) + (1 − α) log(1 − D(x⁽ⁱ⁾))] + (1/m) Σ_i log(1 − D(G(z⁽ⁱ⁾)))
/// ```
/// At α = 1 it is V̂ of Eq. (1).
func smoothedValue(realLogits: [Double], generatedLogits: [Double], realLabel alpha: Double) -> Double {
    let real = realLogits.reduce(0.0) { $0 + alpha * LogTerms.logD(logit: $1) + (1 - alpha) * LogTerms.logOneMinusD(logit: $1) }
    let generated = generatedLogits.reduce(0.0) { $0 + LogTerms.logOneMinusD(logit: $1) }
    return real / Double(realLogits.count) + generated / Double(generatedLogits.count)
}
// [end: smoothed-value]
