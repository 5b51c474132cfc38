// [excerpt: least-squares-generator-gradient]
/// The least-squares generator loss (Mao et al. 2017, arXiv:1611.04076,
/// Eq. (2) with c = 1): D outputs a raw score aᵢ, without a sigmoid, and G
/// pulls its samples' scores towards the label c that D gives real data.
/// ```
/// L_G = (1/2m) Σ_i (aᵢ − 1)²        ∂L_G/∂aᵢ = (aᵢ − 1)/m
/// ```
/// Its gradient grows with the distance from c instead of saturating.
func leastSquaresGeneratorGradient(outputs: [Double]) -> [Double] {
    let m = Double(outputs.count)
    return outputs.map { ($0 - 1) / m }
}
// [end: least-squares-generator-gradient]
