import Foundation

// [excerpt: discrete-criterion]
/// C(G) of Eq. (4) on a grid, as `SimplexDescent.criterion` computes it: for
/// probability vectors p_data and p_g, with D*ᵢ = p_data,i / (p_data,i + p_g,i),
/// ```
/// C = Σᵢ p_data,i log D*ᵢ + Σᵢ p_g,i log(1 − D*ᵢ)
/// ```
/// A term whose weight is 0 is 0.
func criterion(data: [Double], generator: [Double]) -> Double {
    zip(data, generator).reduce(0) { sum, pair in
        let (pData, pG) = pair, total = pData + pG
        return sum + (pData > 0 ? pData * log(pData / total) : 0) + (pG > 0 ? pG * log(pG / total) : 0)
    }
}
// [end: discrete-criterion]

// [excerpt: criterion-gradient]
/// ∂C/∂p_g,i with D* held fixed, as `SimplexDescent.gradient` computes it:
/// log(1 − D*ᵢ) = log(p_g,i / (p_data,i + p_g,i)); D*'s own change adds
/// −p_data/(p_data + p_g) + 1 − p_g/(p_data + p_g) = 0.
func criterionGradient(data: [Double], generator: [Double]) -> [Double] {
    zip(data, generator).map { pData, pG in log(pG / (pData + pG)) }
}
// [end: criterion-gradient]

// [excerpt: exponentiated-gradient-step]
/// One exponentiated-gradient step on C, as `SimplexDescent.step` takes it:
/// p_g,i ← p_g,i · exp(−η ∂C/∂p_g,i) / Z = p_g,i^(1−η) (p_data,i + p_g,i)^η / Z,
/// which keeps p_g a probability vector.
func exponentiatedGradientStep(data: [Double], generator: [Double], stepSize eta: Double) -> [Double] {
    let logs = zip(data, generator).map { pData, pG in (1 - eta) * log(pG) + eta * log(pData + pG) }
    let top = logs.max()!
    let total = logs.reduce(0) { $0 + exp($1 - top) }
    return logs.map { exp($0 - top) / total }
}
// [end: exponentiated-gradient-step]
