// [excerpt: hinge-logit-gradient]
/// The gradient at D's logits of the hinge loss (Lim and Ye 2017,
/// arXiv:1705.02894), which D *minimises*, for the stacked minibatch (m real
/// logits, then m generated ones):
/// ```
/// L_D = (1/m) Σ_i max(0, 1 − aᵢ) + (1/m) Σ_i max(0, 1 + ãᵢ)
/// ∂L_D/∂aᵢ = −1/m where aᵢ < 1, else 0      ∂L_D/∂ãᵢ = 1/m where ãᵢ > −1, else 0
/// ```
/// A real sample D already scores above 1, or a generated one below −1,
/// contributes nothing: unlike Eq. (1)'s log terms, the hinge stops pushing.
func hingeLogitGradient(realLogits: [Double], generatedLogits: [Double]) -> [Double] {
    precondition(realLogits.count == generatedLogits.count, "the minibatch has m of each")
    let m = Double(realLogits.count)
    return realLogits.map { $0 < 1 ? -1 / m : 0 } + generatedLogits.map { $0 > -1 ? 1 / m : 0 }
}
// [end: hinge-logit-gradient]
