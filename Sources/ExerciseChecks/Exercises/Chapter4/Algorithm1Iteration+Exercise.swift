import GANCore

extension Catalogue {
    /// Exercise 4.2: the whole loop, once.
    public static var algorithm1Iteration: Exercise<([Double], [Double], [[Double]], [[Double]], Double) -> (discriminator: [Double], generator: [Double])> {
        let info = ExerciseInfo(
            "4.2", "One iteration of Algorithm 1", kind: .derive,
            task: ["One iteration of Algorithm 1 for a 1-D GAN: D(x) = σ(w·x + c) with θ_d = [w, c], and",
                   "G(z) = θ₀ + θ₁·z with θ_g = [θ₀, θ₁]. k = realBatches.count: the j-th of the k steps of D ascends",
                   "V̂ on realBatches[j] and noiseBatches[j]; then G descends (1/m) Σ log(1 − D(G(z))) on the last,",
                   "fresh noise batch, noiseBatches[k]. Plain gradient steps θ ← θ ± η∇ (no momentum). Return both θ."],
            paper: "Algorithm 1", answer: "Chapter 4, \"The loop\"",
            solution: .solutions("Chapter4/Algorithm1Iteration.swift", region: "algorithm-1-iteration", function: "algorithm1Iteration"))
        return Exercise(info, solution: {
            ExerciseChecks.algorithm1Iteration(discriminator: $0, generator: $1, realBatches: $2, noiseBatches: $3, learningRate: $4)
        }, mistakes: [
            .recognised("stale-discriminator", "G's step against D as it was before its k steps",
                        hint: "G's step must go through the D that its k steps just produced; yours used D from before them",
                        { d, g, real, noise, eta in
                            let after = Algorithm1Reference.iterate(d, g, real, noise, eta, generatorAgainst: .before)
                            return (after.discriminator, after.generator)
                        }),
            .recognised("generator-ascends", "G's step uphill",
                        hint: "G descends log(1 − D(G(z))) (it wants D fooled); only D ascends",
                        { d, g, real, noise, eta in
                            let after = Algorithm1Reference.iterate(d, g, real, noise, eta, generatorSign: 1)
                            return (after.discriminator, after.generator)
                        }),
            .recognised("reused-noise", "G's step on the noise of D's last step",
                        hint: "Algorithm 1 draws fresh noise for G's step: the last batch, noiseBatches[k], not the noise of D's last step",
                        { d, g, real, noise, eta in
                            let after = Algorithm1Reference.iterate(d, g, real, noise, eta, generatorNoise: real.count - 1)
                            return (after.discriminator, after.generator)
                        }),
            .recognised("discriminator-descends", "D's steps downhill",
                        hint: "D ascends V̂: θ_d ← θ_d + η∇θ_d V̂ (it wants to tell real from generated)",
                        { d, g, real, noise, eta in
                            let after = Algorithm1Reference.iterate(d, g, real, noise, eta, discriminatorSign: -1)
                            return (after.discriminator, after.generator)
                        }),
        ]) { random in
            [(1, 4), (3, 5), (2, 8)].map { k, m in
                let d = [random.uniform(0.2, 1), random.uniform(-0.5, 0.5)], g = [random.uniform(-1, 0), random.uniform(0.5, 1.5)]
                let real = (0..<k).map { _ in Inputs.uniform(m, random, 1, 3) }
                let noise = (0..<(k + 1)).map { _ in Inputs.uniform(m, random, -1, 1) }
                let eta = 0.1
                let after = Algorithm1Reference.iterate(d, g, real, noise, eta)
                let how = "steps along GSL's finite-difference gradients"
                return CheckCase("k = \(k), m = \(m), η = \(eta)",
                                 references: [.value(.vector("θ_d after the iteration", after.discriminator), how, tolerance: 1e-7, floor: 1e-6),
                                              .value(.vector("θ_g after the iteration", after.generator), how, tolerance: 1e-7, floor: 1e-6)]) { f in
                    let result = f(d, g, real, noise, eta)
                    return [.vector("θ_d after the iteration", result.discriminator), .vector("θ_g after the iteration", result.generator)]
                }
            }
        }
    }
}

/// Algorithm 1 on the 1-D GAN with gradients by GSL's finite differences:
/// the reference the check compares with, and, switched, the mistakes it names.
enum Algorithm1Reference {
    enum Moment { case before, after }

    static func iterate(
        _ d: [Double], _ g: [Double], _ real: [[Double]], _ noise: [[Double]], _ eta: Double,
        generatorAgainst moment: Moment = .after, generatorSign: Double = -1, generatorNoise: Int? = nil, discriminatorSign: Double = 1
    ) -> (discriminator: [Double], generator: [Double]) {
        let k = real.count
        var theta = d
        for j in 0..<k {
            let value: ([Double]) -> Double = { t in
                let realTerm = real[j].reduce(0) { $0 + ReferenceLogTerms.logD(t[0] * $1 + t[1]) } / Double(real[j].count)
                let generatedTerm = noise[j].reduce(0) { $0 + ReferenceLogTerms.logOneMinusD(t[0] * (g[0] + g[1] * $1) + t[1]) } / Double(noise[j].count)
                return realTerm + generatedTerm
            }
            let gradient = FiniteDifferences.gradient(of: value, at: theta).values
            theta = zip(theta, gradient).map { $0 + discriminatorSign * eta * $1 }
        }
        let against = moment == .after ? theta : d
        let batch = noise[generatorNoise ?? k]
        let loss: ([Double]) -> Double = { t in
            batch.reduce(0) { $0 + ReferenceLogTerms.logOneMinusD(against[0] * (t[0] + t[1] * $1) + against[1]) } / Double(batch.count)
        }
        let gradient = FiniteDifferences.gradient(of: loss, at: g).values
        return (theta, zip(g, gradient).map { $0 + generatorSign * eta * $1 })
    }
}
