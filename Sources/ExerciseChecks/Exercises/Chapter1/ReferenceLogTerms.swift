import Foundation
import GANCore

/// The log terms of Eq. (1) computed another way than `LogTerms`, for the
/// checks: log σ(a) as a − log1p(eᵃ) below 0 and −log1p(e^(−a)) above.
enum ReferenceLogTerms {
    static func logD(_ a: Double) -> Double {
        a < 0 ? a - log1p(exp(a)) : -log1p(exp(-a))
    }

    static func logOneMinusD(_ a: Double) -> Double { logD(-a) }

    static func sigmoid(_ a: Double) -> Double { exp(logD(a)) }

    /// Logits of three kinds: moderate, wide, and those where σ(a) rounds to 0 or 1.
    static func logitCases(_ random: RandomSource) -> [(String, [Double])] {
        [("7 logits from [−5, 5]", Inputs.uniform(7, random, -5, 5)),
         ("8 logits from [−40, 40]", Inputs.uniform(8, random, -40, 40)),
         ("logits where σ(a) rounds to 0 or 1 in Double: ±40, ±100, ±800", [-800, -100, -40, 40, 100, 800])]
    }
}
