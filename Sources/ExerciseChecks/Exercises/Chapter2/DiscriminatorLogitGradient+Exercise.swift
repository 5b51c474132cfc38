import GANCore

extension Catalogue {
    /// Exercise 2.1: where D's backward pass starts.
    public static var discriminatorLogitGradient: Exercise<([Double], [Double]) -> [Double]> {
        let info = ExerciseInfo(
            "2.1", "The D step's gradient at the logits", kind: .derive,
            task: ["∂V̂/∂a for every logit of Algorithm 1's minibatch, stacked as the code stacks it: the m real",
                   "samples' logits a(x⁽ⁱ⁾) first, then the m generated samples' logits a(G(z⁽ⁱ⁾)) (2m numbers).",
                   "V̂ = (1/m) Σ log D(x⁽ⁱ⁾) + (1/m) Σ log(1 − D(G(z⁽ⁱ⁾))) with D = σ(a): the quantity D ascends."],
            paper: "Algorithm 1, Eq. (1)", answer: "Chapter 2, \"The gradient at the logit\"",
            solution: .solutions("Chapter2/DiscriminatorLogitGradient.swift", region: "discriminator-logit-gradient",
                                 function: "discriminatorLogitGradient"))
        return Exercise(info, solution: { ExerciseChecks.discriminatorLogitGradient(realLogits: $0, generatedLogits: $1) }, mistakes: [
            .diagnosed("no-mean", "the 1/m left out", expecting: "a factor of m",
                       { r, g in r.map { sigmoid(-$0) } + g.map { -sigmoid($0) } }),
            .diagnosed("descends", "the gradient of the cross-entropy, −V̂", expecting: "sign flipped",
                       { r, g in ExerciseChecks.discriminatorLogitGradient(realLogits: r, generatedLogits: g).map { -$0 } }),
            .recognised("no-sigmoid-derivative", "∂V̂/∂D instead of ∂V̂/∂a",
                        hint: "sigmoid derivative missing: (1/m)/D and −(1/m)/(1 − D) are ∂V̂/∂D; the chain rule to the logit multiplies by σ′(a) = D(1 − D)",
                        { r, g in
                            let m = Double(r.count)
                            return r.map { 1 / (m * sigmoid($0)) } + g.map { -1 / (m * (1 - sigmoid($0))) }
                        }),
            .diagnosed("over-2m", "one mean over all 2m rows", expecting: "1/(2m)",
                       { r, g in ExerciseChecks.discriminatorLogitGradient(realLogits: r, generatedLogits: g).map { $0 / 2 } }),
        ]) { random in
            [1, 5, 16].map { m in
                let real = Inputs.uniform(m, random, -6, 6), generated = Inputs.uniform(m, random, -6, 6)
                let value: ([Double]) -> Double = { a in
                    (a[..<m].reduce(0) { $0 + ReferenceLogTerms.logD($1) } + a[m...].reduce(0) { $0 + ReferenceLogTerms.logOneMinusD($1) }) / Double(m)
                }
                return CheckCase("m = \(m): \(m) real and \(m) generated logits from [−6, 6]",
                                 references: [.gradient("∂V̂/∂a", shape: .vector(2 * m), at: real + generated, of: value)],
                                 factors: [(Double(m), "a factor of m: V̂ averages each half over its m samples, and the 1/m stays in the gradient"),
                                           (0.5, "1/(2m): V̂ is two means over m samples each, not one mean over the 2m rows")]) { f in
                    [.vector("∂V̂/∂a", f(real, generated))]
                }
            }
        }
    }
}
