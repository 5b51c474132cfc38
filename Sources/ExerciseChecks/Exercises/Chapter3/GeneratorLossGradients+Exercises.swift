import GANCore

extension Catalogue {
    /// Logits on G's samples: from D rejecting them to D accepting them.
    static func generatedLogitCases(_ random: RandomSource) -> [(Int, [Double])] {
        [1, 6, 32].map { m in (m, Inputs.uniform(m, random, -8, 4)) }
    }

    /// Exercise 3.1: Algorithm 1's generator loss, at the logits.
    public static var saturatingLossGradient: Exercise<([Double]) -> [Double]> {
        let info = ExerciseInfo(
            "3.1", "The saturating loss's gradient at D's logits", kind: .derive,
            task: ["∂L/∂aᵢ for Algorithm 1's generator loss L = (1/m) Σ log(1 − D(G(z⁽ⁱ⁾))), which G descends,",
                   "from D's logits aᵢ on the m generated samples (D = σ(a)). Then see what it is when D rejects",
                   "the samples with confidence (a ≪ 0)."],
            paper: "Algorithm 1, Eq. (1), §3", answer: "Chapter 3, \"Two losses at the logit\"",
            solution: .solutions("Chapter3/GeneratorLossGradients.swift", region: "saturating-loss-gradient", function: "saturatingLossGradient"))
        return Exercise(info, solution: { ExerciseChecks.saturatingLossGradient(logits: $0) }, mistakes: [
            .diagnosed("no-mean", "the 1/m left out", expecting: "a factor of m", { $0.map { -sigmoid($0) } }),
            .recognised("non-saturating", "the non-saturating loss's gradient",
                        hint: "that is −(1 − D)/m, the gradient of §3's non-saturating loss −log D; log(1 − D) has slope −σ(a) = −D at the logit",
                        { ExerciseChecks.nonSaturatingLossGradient(logits: $0) }),
            .diagnosed("ascends", "+D/m", expecting: "sign flipped", { a in a.map { sigmoid($0) / Double(a.count) } }),
        ]) { random in
            generatedLogitCases(random).map { m, logits in
                let loss: ([Double]) -> Double = { $0.reduce(0) { $0 + ReferenceLogTerms.logOneMinusD($1) } / Double(m) }
                return CheckCase("m = \(m) logits from [−8, 4]", references: [.gradient("∂L/∂a", shape: .vector(m), at: logits, of: loss)],
                                 factors: [(Double(m), "a factor of m: L is a mean over the m samples, and the 1/m stays in the gradient")]) { f in
                    [.vector("∂L/∂a", f(logits))]
                }
            }
        }
    }

    /// Exercise 3.2: §3's non-saturating loss, at the logits.
    public static var nonSaturatingLossGradient: Exercise<([Double]) -> [Double]> {
        let info = ExerciseInfo(
            "3.2", "The non-saturating loss's gradient at D's logits", kind: .derive,
            task: ["∂L/∂aᵢ for §3's alternative generator loss L = −(1/m) Σ log D(G(z⁽ⁱ⁾)), which G descends",
                   "(it maximises log D(G(z))), from D's logits aᵢ on the m generated samples. Compare it with",
                   "Exercise 3.1's where D rejects the samples (a ≪ 0): the ratio is D/(1 − D)."],
            paper: "§3", answer: "Chapter 3, \"Two losses at the logit\"",
            solution: .solutions("Chapter3/GeneratorLossGradients.swift", region: "non-saturating-loss-gradient", function: "nonSaturatingLossGradient"))
        return Exercise(info, solution: { ExerciseChecks.nonSaturatingLossGradient(logits: $0) }, mistakes: [
            .diagnosed("sign", "+(1 − D)/m", expecting: "sign flipped", { a in a.map { sigmoid(-$0) / Double(a.count) } }),
            .recognised("no-sigmoid-derivative", "−1/(m D): the derivative in D",
                        hint: "sigmoid derivative missing: −1/(m·D) is ∂L/∂D; the chain rule to the logit multiplies by σ′(a) = D(1 − D)",
                        { a in a.map { -1 / (Double(a.count) * sigmoid($0)) } }),
            .recognised("saturating", "the saturating loss's gradient",
                        hint: "that is −D/m, the gradient of Algorithm 1's log(1 − D); −log D has slope −(1 − D) = −σ(−a) at the logit",
                        { ExerciseChecks.saturatingLossGradient(logits: $0) }),
        ]) { random in
            generatedLogitCases(random).map { m, logits in
                let loss: ([Double]) -> Double = { -$0.reduce(0) { $0 + ReferenceLogTerms.logD($1) } / Double(m) }
                return CheckCase("m = \(m) logits from [−8, 4]", references: [.gradient("∂L/∂a", shape: .vector(m), at: logits, of: loss)],
                                 factors: [(Double(m), "a factor of m: L is a mean over the m samples, and the 1/m stays in the gradient")]) { f in
                    [.vector("∂L/∂a", f(logits))]
                }
            }
        }
    }
}
