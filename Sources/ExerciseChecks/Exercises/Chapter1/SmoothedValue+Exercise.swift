import GANCore

extension Catalogue {
    /// Exercise 1.5: Eq. (1) with the real label smoothed.
    public static var smoothedValue: Exercise<([Double], [Double], Double) -> Double> {
        let info = ExerciseInfo(
            "1.5", "V̂ with one-sided label smoothing", kind: .beyond,
            task: ["D's minibatch objective when the real samples' label 1 is replaced by α (say 0.9) and the",
                   "generated samples' label stays 0: one-sided label smoothing. Read V̂ as the mean",
                   "log-likelihood of the labels (Chapter 1: V̂ is minus twice a mean cross-entropy), and give",
                   "a sample labelled y the log-likelihood y·log D + (1 − y)·log(1 − D). From D's logits, stably."],
            paper: "not in the paper; Eq. (1) with other labels",
            answer: "Sources/ExerciseChecks/Solutions/Chapter1/SmoothedValue.swift",
            citation: "Salimans et al. 2016, \"Improved Techniques for Training GANs\", arXiv:1606.03498, §3.4",
            solution: .solutions("Chapter1/SmoothedValue.swift", region: "smoothed-value", function: "smoothedValue"))
        func value(_ real: [Double], _ generated: [Double], alpha: Double, fakeLabel beta: Double = 0, keepOther: Bool = true) -> Double {
            func likelihood(_ a: Double, _ y: Double) -> Double {
                y * ReferenceLogTerms.logD(a) + (keepOther || y == 0 ? (1 - y) * ReferenceLogTerms.logOneMinusD(a) : 0)
            }
            return real.reduce(0) { $0 + likelihood($1, alpha) } / Double(real.count)
                + generated.reduce(0) { $0 + likelihood($1, beta) } / Double(generated.count)
        }
        return Exercise(info, solution: { ExerciseChecks.smoothedValue(realLogits: $0, generatedLogits: $1, realLabel: $2) }, mistakes: [
            .recognised("two-sided", "the generated label smoothed to 1 − α as well",
                        hint: "both labels smoothed: one-sided smoothing leaves the generated samples' label at 0 (smoothing it rewards D for calling fakes partly real)",
                        { value($0, $1, alpha: $2, fakeLabel: 1 - $2) }),
            .recognised("real-other-term", "α log D without (1 − α) log(1 − D)",
                        hint: "a sample labelled α contributes α·log D + (1 − α)·log(1 − D); the second term is missing for the real samples",
                        { value($0, $1, alpha: $2, keepOther: false) }),
            .diagnosed("cross-entropy", "the mean cross-entropy instead of the log-likelihood", expecting: "sign flipped",
                       { -value($0, $1, alpha: $2) }),
        ]) { random in
            [(4, 0.9), (20, 0.8), (50, 0.95)].map { m, alpha in
                let real = Inputs.uniform(m, random, -8, 8), generated = Inputs.uniform(m, random, -8, 8)
                return CheckCase("\(m) real and \(m) generated logits from [−8, 8], α = \(alpha)",
                                 references: [.value(.scalar("V̂_α", value(real, generated, alpha: alpha)), "the labels' mean log-likelihood")]) { f in
                    [.scalar("V̂_α", f(real, generated, alpha))]
                }
            }
        }
    }
}
