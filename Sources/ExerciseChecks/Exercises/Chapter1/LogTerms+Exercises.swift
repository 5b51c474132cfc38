import Foundation
import GANCore

extension Catalogue {
    /// Exercise 1.1: Eq. (1)'s second term on the logit.
    public static var logOneMinusD: Exercise<(Double) -> Double> {
        let info = ExerciseInfo(
            "1.1", "log(1 − D) from D's logit", kind: .derive,
            task: ["Eq. (1)'s second term, log(1 − D(x)), from D's logit a, where D = σ(a) = 1/(1 + e^(−a)).",
                   "It must be finite for every finite a: in Double σ(40) already rounds to 1, and log(1 − 1) = −∞.",
                   "Rewrite 1 − σ(a) first, then take the log in a form that cannot overflow."],
            paper: "Eq. (1), §3", answer: "Chapter 1, \"Working on logits\"",
            solution: SolutionSource("Sources/GANCore/Losses/LogTerms.swift", region: "log-terms", function: "logOneMinusD"))
        return Exercise(info, solution: { LogTerms.logOneMinusD(logit: $0) }, mistakes: [
            .recognised("through-d", "log(1 − σ(a)) through D",
                        hint: "computed through D = σ(a): once σ(a) rounds to 1, log(1 − D) = log 0 = −∞; on the logit, log(1 − D) = log σ(−a) = −softplus(a), softplus(a) = max(a, 0) + log1p(e^(−|a|))",
                        { log(1 - 1 / (1 + exp(-$0))) }),
            .recognised("first-term", "log D instead of log(1 − D)",
                        hint: "that is log D = −softplus(−a), the first term; 1 − σ(a) = σ(−a), so log(1 − D) = −softplus(a)",
                        { -(max(-$0, 0) + log1p(exp(-abs($0)))) }),
            .diagnosed("softplus-sign", "+softplus(a)", expecting: "sign flipped", { max($0, 0) + log1p(exp(-abs($0))) }),
        ]) { random in
            ReferenceLogTerms.logitCases(random).map { description, logits in
                CheckCase(description, references: [
                    .value(.vector("log(1 − D)", logits.map(ReferenceLogTerms.logOneMinusD)), "log σ(−a) by log1p", floor: 1e-12),
                ]) { f in [.vector("log(1 − D)", logits.map(f))] }
            }
        }
    }

    /// Exercise 1.2: the first term's derivative at the logit.
    public static var logDDerivative: Exercise<(Double) -> Double> {
        let info = ExerciseInfo(
            "1.2", "d/da log D at the logit", kind: .derive,
            task: ["The derivative of log D(x) = log σ(a) with respect to D's logit a.",
                   "Derive it by the chain rule through σ, then simplify: σ′(a) = σ(a)(1 − σ(a)).",
                   "It must be finite for every finite a."],
            paper: "Eq. (1), §3", answer: "Chapter 1, \"Working on logits\"",
            solution: SolutionSource("Sources/GANCore/Losses/LogTerms.swift", region: "log-terms", function: "logDDerivative"))
        return Exercise(info, solution: { LogTerms.logDDerivative(logit: $0) }, mistakes: [
            .recognised("other-term", "the derivative of log(1 − D)",
                        hint: "that is −σ(a), the derivative of log(1 − D); d/da log σ(a) = σ′(a)/σ(a) = 1 − σ(a) = σ(−a)",
                        { -sigmoid($0) }),
            .recognised("no-sigmoid-derivative", "1/D: the derivative in D, not in a",
                        hint: "sigmoid derivative missing: 1/D is d log D/dD; the chain rule to the logit multiplies by σ′(a) = D(1 − D)",
                        { 1 / sigmoid($0) }),
            .diagnosed("sign", "−σ(−a)", expecting: "sign flipped", { -sigmoid(-$0) }),
        ]) { random in
            ReferenceLogTerms.logitCases(random).map { description, logits in
                CheckCase(description, references: [.derivatives("d/da log D", at: logits, of: ReferenceLogTerms.logD)]) { f in
                    [.vector("d/da log D", logits.map(f))]
                }
            }
        }
    }

    /// Exercise 1.3: the second term's derivative at the logit.
    public static var logOneMinusDDerivative: Exercise<(Double) -> Double> {
        let info = ExerciseInfo(
            "1.3", "d/da log(1 − D) at the logit", kind: .derive,
            task: ["The derivative of log(1 − D(x)) = log(1 − σ(a)) with respect to D's logit a.",
                   "This is the number every backward pass of Chapters 2 and 3 starts from for a generated sample.",
                   "It must be finite for every finite a, also where σ(a) rounds to 1."],
            paper: "Eq. (1), §3", answer: "Chapter 1, \"Working on logits\"",
            solution: SolutionSource("Sources/GANCore/Losses/LogTerms.swift", region: "log-terms", function: "logOneMinusDDerivative"))
        return Exercise(info, solution: { LogTerms.logOneMinusDDerivative(logit: $0) }, mistakes: [
            .recognised("chain-through-d", "(−1/(1 − D)) · D(1 − D), through D",
                        hint: "the chain rule through D gives (−1/(1 − D))·D(1 − D), which is −∞·0 = NaN once σ(a) rounds to 1; simplify it first: −D = −σ(a)",
                        { a in let d = 1 / (1 + exp(-a)); return (-1 / (1 - d)) * (d * (1 - d)) }),
            .recognised("no-sigmoid-derivative", "−1/(1 − D): the derivative in D",
                        hint: "sigmoid derivative missing: −1/(1 − D) is d log(1 − D)/dD; the chain rule to the logit multiplies by σ′(a) = D(1 − D)",
                        { -1 / (1 - sigmoid($0)) }),
            .diagnosed("sign", "σ(a)", expecting: "sign flipped", { sigmoid($0) }),
        ]) { random in
            ReferenceLogTerms.logitCases(random).map { description, logits in
                CheckCase(description, references: [.derivatives("d/da log(1 − D)", at: logits, of: ReferenceLogTerms.logOneMinusD)]) { f in
                    [.vector("d/da log(1 − D)", logits.map(f))]
                }
            }
        }
    }
}
