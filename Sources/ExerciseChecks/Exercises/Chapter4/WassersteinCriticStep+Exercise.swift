import GANCore

extension Catalogue {
    /// Exercise 4.4: a Wasserstein critic's step, with its weights clipped.
    public static var wassersteinCriticStep: Exercise<([Double], Matrix<Double>, Matrix<Double>, Double, Double) -> [Double]> {
        let info = ExerciseInfo(
            "4.4", "A Wasserstein critic's step with clipped weights", kind: .beyond,
            task: ["One step of a Wasserstein GAN's critic, which replaces D: a linear critic f(x) = x·w (no sigmoid,",
                   "no log) ascends (1/m) Σ f(x⁽ⁱ⁾) − (1/m) Σ f(G(z⁽ⁱ⁾)) by a plain step of size η, then every weight",
                   "is clipped to [−c, c], which keeps f Lipschitz. Rows of `real` and `generated` are samples."],
            paper: "not in the paper; replaces Algorithm 1's D step",
            answer: "Sources/ExerciseChecks/Solutions/Chapter4/WassersteinCriticStep.swift",
            citation: "Arjovsky, Chintala and Bottou 2017, \"Wasserstein GAN\", arXiv:1701.07875, Algorithm 1",
            solution: .solutions("Chapter4/WassersteinCriticStep.swift", region: "wasserstein-critic-step", function: "wassersteinCriticStep"))
        func step(_ w: [Double], _ real: Matrix<Double>, _ generated: Matrix<Double>, _ eta: Double, _ c: Double,
                  clipFirst: Bool = false, clip: Bool = true, sign: Double = 1) -> [Double] {
            let start = clipFirst ? w.map { min(max($0, -c), c) } : w
            let moved = (0..<w.count).map { j in
                let difference = (0..<real.rows).reduce(0.0) { $0 + real[$1, j] } / Double(real.rows)
                    - (0..<generated.rows).reduce(0.0) { $0 + generated[$1, j] } / Double(generated.rows)
                return start[j] + sign * eta * difference
            }
            return clip && !clipFirst ? moved.map { min(max($0, -c), c) } : moved
        }
        return Exercise(info, solution: {
            ExerciseChecks.wassersteinCriticStep(weights: $0, real: $1, generated: $2, learningRate: $3, clip: $4)
        }, mistakes: [
            .recognised("no-clip", "the step without the clipping",
                        hint: "the weights must end in [−c, c]: clip every weight after the step (without it f's slope is unbounded and the critic's value is no distance)",
                        { step($0, $1, $2, $3, $4, clip: false) }),
            .recognised("clip-first", "the weights clipped before the step",
                        hint: "clip after the step, not before: the weights the critic keeps must lie in [−c, c]",
                        { step($0, $1, $2, $3, $4, clipFirst: true) }),
            .recognised("descends", "the critic's objective descended",
                        hint: "the critic ascends E f(x) − E f(G(z)): it scores real samples high and generated ones low",
                        { step($0, $1, $2, $3, $4, sign: -1) }),
        ]) { random in
            [(3, 2, 0.5), (6, 5, 0.2), (10, 8, 0.05)].map { m, d, c in
                let w = Inputs.uniform(d, random, -1.5 * c, 1.5 * c)
                let real = Inputs.uniform(m * d, random, 0, 2), generated = Inputs.uniform(m * d, random, -1, 1)
                let eta = 0.6 * c
                // The critic's objective, its gradient by finite differences, the step, the clipping.
                let objective: ([Double]) -> Double = { w in
                    (0..<m).reduce(0) { total, i in
                        total + (0..<d).reduce(0) { $0 + w[$1] * (real[i * d + $1] - generated[i * d + $1]) }
                    } / Double(m)
                }
                let gradient = FiniteDifferences.gradient(of: objective, at: w).values
                let expected = zip(w, gradient).map { min(max($0 + eta * $1, -c), c) }
                return CheckCase("m = \(m) samples of dimension \(d), c = \(c), η = \(CheckRun<Int>.number(eta))",
                                 references: [.value(.vector("w after the step", expected), "a step along GSL's finite-difference gradient, then the clip",
                                                     tolerance: 1e-8, floor: 1e-6)]) { f in
                    [.vector("w after the step", f(w, Inputs.matrix(m, d, real), Inputs.matrix(m, d, generated), eta, c))]
                }
            }
        }
    }
}
