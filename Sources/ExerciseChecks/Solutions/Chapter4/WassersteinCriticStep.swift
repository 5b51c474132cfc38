import GANCore

// [excerpt: wasserstein-critic-step]
/// One critic step of a Wasserstein GAN (Arjovsky et al. 2017,
/// arXiv:1701.07875, Algorithm 1) for a linear critic f(x) = x·w: ascend
/// (1/m) Σ f(x⁽ⁱ⁾) − (1/m) Σ f(G(z⁽ⁱ⁾)), whose gradient in w is the
/// difference of the two batches' means, then clip every weight to [−c, c]
/// so that f stays Lipschitz. The paper steps with RMSProp; this is a plain step.
func wassersteinCriticStep(
    weights w: [Double], real: Matrix<Double>, generated: Matrix<Double>, learningRate eta: Double, clip c: Double
) -> [Double] {
    (0..<w.count).map { j in
        let realMean = (0..<real.rows).reduce(0.0) { $0 + real[$1, j] } / Double(real.rows)
        let generatedMean = (0..<generated.rows).reduce(0.0) { $0 + generated[$1, j] } / Double(generated.rows)
        return min(max(w[j] + eta * (realMean - generatedMean), -c), c)
    }
}
// [end: wasserstein-critic-step]
