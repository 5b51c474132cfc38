import GANCore
import GeneratorStep

// [excerpt: saturating-loss-gradient]
/// ∂L/∂aᵢ for Algorithm 1's generator loss L = (1/m) Σ log(1 − D(G(z⁽ⁱ⁾))),
/// from D's logits aᵢ on the m generated samples: (1/m)·(−σ(aᵢ)) = −D/m.
func saturatingLossGradient(logits: [Double]) -> [Double] {
    let m = Double(logits.count)
    return logits.map { GeneratorLoss.saturating.derivative(logit: $0) / m }
}
// [end: saturating-loss-gradient]

// [excerpt: non-saturating-loss-gradient]
/// ∂L/∂aᵢ for §3's non-saturating loss L = −(1/m) Σ log D(G(z⁽ⁱ⁾)):
/// (1/m)·(−σ(−aᵢ)) = −(1 − D)/m.
func nonSaturatingLossGradient(logits: [Double]) -> [Double] {
    let m = Double(logits.count)
    return logits.map { GeneratorLoss.nonSaturating.derivative(logit: $0) / m }
}
// [end: non-saturating-loss-gradient]
