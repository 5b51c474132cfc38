import GANCore

// [excerpt: algorithm-1-iteration]
/// One iteration of Algorithm 1 for a 1-D GAN: a logistic D, a(x) = w·x + c
/// (θ_d = [w, c]), and an affine G, G(z) = θ₀ + θ₁·z (θ_g = [θ₀, θ₁]), with
/// plain gradient steps. k = `realBatches.count` ascent steps of D, the j-th
/// on realBatches[j] and noiseBatches[j], then one descent step of G on
/// Algorithm 1's loss (1/m) Σ log(1 − D(G(z))) with the last, fresh noise batch.
func algorithm1Iteration(
    discriminator: [Double], generator: [Double], realBatches: [[Double]], noiseBatches: [[Double]], learningRate eta: Double
) -> (discriminator: [Double], generator: [Double]) {
    let k = realBatches.count
    precondition(noiseBatches.count == k + 1, "k batches of noise for D's steps and one for G's")
    var (w, c) = (discriminator[0], discriminator[1])
    let (t0, t1) = (generator[0], generator[1])
    for j in 0..<k {
        // ∂V̂/∂a = (1/m)(1 − D) on real samples, −(1/m) D on generated ones; ∂a/∂w = x, ∂a/∂c = 1.
        var (gw, gc) = (0.0, 0.0)
        let m = Double(realBatches[j].count)
        for x in realBatches[j] {
            let delta = LogTerms.logDDerivative(logit: w * x + c) / m
            gw += delta * x
            gc += delta
        }
        for z in noiseBatches[j] {
            let x = t0 + t1 * z
            let delta = LogTerms.logOneMinusDDerivative(logit: w * x + c) / m
            gw += delta * x
            gc += delta
        }
        (w, c) = (w + eta * gw, c + eta * gc)
    }
    // ∂L/∂a = −D/m; ∂a/∂x = w; ∂x/∂θ₀ = 1, ∂x/∂θ₁ = z.
    var (g0, g1) = (0.0, 0.0)
    let noise = noiseBatches[k]
    for z in noise {
        let delta = LogTerms.logOneMinusDDerivative(logit: w * (t0 + t1 * z) + c) / Double(noise.count) * w
        g0 += delta
        g1 += delta * z
    }
    return ([w, c], [t0 - eta * g0, t1 - eta * g1])
}
// [end: algorithm-1-iteration]
