import GANCore

extension Catalogue {
    /// Exercise 2.5: the hinge loss in place of Eq. (1)'s log terms.
    public static var hingeLogitGradient: Exercise<([Double], [Double]) -> [Double]> {
        let info = ExerciseInfo(
            "2.5", "The hinge loss's gradient at D's logits", kind: .beyond,
            task: ["D's loss in the hinge form, which D minimises: L_D = (1/m) Σ max(0, 1 − aᵢ) + (1/m) Σ max(0, 1 + ãᵢ),",
                   "with aᵢ D's logit on a real sample and ãᵢ on a generated one. Return ∂L_D/∂a for the stacked",
                   "minibatch, real logits first (2m numbers), as in Exercise 2.1. No logit is exactly ±1."],
            paper: "not in the paper; replaces Eq. (1)'s log terms for D",
            answer: "Sources/ExerciseChecks/Solutions/Chapter2/HingeLogitGradient.swift",
            citation: "Lim and Ye 2017, \"Geometric GAN\", arXiv:1705.02894",
            solution: .solutions("Chapter2/HingeLogitGradient.swift", region: "hinge-logit-gradient", function: "hingeLogitGradient"))
        return Exercise(info, solution: { ExerciseChecks.hingeLogitGradient(realLogits: $0, generatedLogits: $1) }, mistakes: [
            .recognised("always-active", "the max left out",
                        hint: "the hinge is flat beyond its corner: a real logit above 1, or a generated one below −1, contributes nothing",
                        { r, g in let m = Double(r.count); return r.map { _ in -1 / m } + g.map { _ in 1 / m } }),
            .recognised("generated-sign", "the generated side's slope with the wrong sign",
                        hint: "max(0, 1 + ã) grows with ã: where it is active its slope is +1/m (D lowers generated logits by descending)",
                        { r, g in let m = Double(r.count); return r.map { $0 < 1 ? -1 / m : 0 } + g.map { $0 > -1 ? -1 / m : 0 } }),
            .diagnosed("ascends", "the gradient of −L_D", expecting: "sign flipped",
                       { r, g in ExerciseChecks.hingeLogitGradient(realLogits: r, generatedLogits: g).map { -$0 } }),
        ]) { random in
            [3, 8, 20].map { m in
                let real = Inputs.uniform(m, random, -3, 3, avoiding: [-1, 1], gap: 0.05)
                let generated = Inputs.uniform(m, random, -3, 3, avoiding: [-1, 1], gap: 0.05)
                let loss: ([Double]) -> Double = { a in
                    (a[..<m].reduce(0) { $0 + max(0, 1 - $1) } + a[m...].reduce(0) { $0 + max(0, 1 + $1) }) / Double(m)
                }
                return CheckCase("m = \(m): \(m) real and \(m) generated logits from [−3, 3], none within 0.05 of ±1",
                                 references: [.gradient("∂L_D/∂a", shape: .vector(2 * m), at: real + generated, of: loss)],
                                 factors: [(Double(m), "a factor of m: L_D averages each half over its m samples")]) { f in
                    [.vector("∂L_D/∂a", f(real, generated))]
                }
            }
        }
    }
}
