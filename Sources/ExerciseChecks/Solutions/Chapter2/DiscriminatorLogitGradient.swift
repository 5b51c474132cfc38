import GANCore

// [excerpt: discriminator-logit-gradient]
/// ∂V̂/∂a for Algorithm 1's stacked minibatch: the m real logits first, then
/// the m generated ones, as `DiscriminatorStep` stacks them.
/// ```
/// ∂V̂/∂aᵢ = (1/m)(1 − D(x⁽ⁱ⁾)) = (1/m) σ(−aᵢ)       real rows
/// ∂V̂/∂ãᵢ = −(1/m) D(G(z⁽ⁱ⁾)) = −(1/m) σ(ãᵢ)       generated rows
/// ```
func discriminatorLogitGradient(realLogits: [Double], generatedLogits: [Double]) -> [Double] {
    precondition(realLogits.count == generatedLogits.count, "Algorithm 1 draws m of each")
    let scale = 1 / Double(realLogits.count)
    return realLogits.map { scale * LogTerms.logDDerivative(logit: $0) }
        + generatedLogits.map { scale * LogTerms.logOneMinusDDerivative(logit: $0) }
}
// [end: discriminator-logit-gradient]
