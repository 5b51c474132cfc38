import Foundation
import GANCore
import GradientChecking
import Testing

/// The log terms of Eq. (1) on D's logit: values and derivatives, including
/// logits far beyond where σ saturates.
@Suite struct LogTermsTests {
    static let logits: [Double] = [-800, -100, -37, -5, -0.3, 0, 0.3, 5, 37, 100, 800]

    @Test func logTerms_matchTheDirectFormWhereItIsAccurate() {
        for a in stride(from: -8.0, through: 8.0, by: 0.5) {
            let d = 1 / (1 + exp(-a))
            #expect(abs(LogTerms.logD(logit: a) - log(d)) < 1e-12)
            #expect(abs(LogTerms.logOneMinusD(logit: a) - log(1 - d)) < 1e-12)
        }
    }

    @Test func logTerms_areFiniteAtLargeLogits() {
        for a in Self.logits {
            #expect(LogTerms.logD(logit: a).isFinite && LogTerms.logOneMinusD(logit: a).isFinite)
            #expect(LogTerms.logDDerivative(logit: a).isFinite && LogTerms.logOneMinusDDerivative(logit: a).isFinite)
        }
        // Far out, log D(a) → a for a → −∞ and log(1 − D(a)) → −a for a → +∞.
        #expect(LogTerms.logD(logit: -800.0) == -800)
        #expect(LogTerms.logOneMinusD(logit: 800.0) == -800)
        #expect(LogTerms.logD(logit: Float(-100)) == -100)
    }

    @Test(arguments: logits)
    func logTermDerivatives_matchFiniteDifferences(_ a: Double) {
        // One logit at a time: summed, the ±800 terms would swamp the others' rounding.
        let logD = GradientCheck(at: [a], gradient: [LogTerms.logDDerivative(logit: a)]) { LogTerms.logD(logit: $0[0]) }
        #expect(logD.passed, "log D at \(a): \(logD)")
        let logOneMinusD = GradientCheck(at: [a], gradient: [LogTerms.logOneMinusDDerivative(logit: a)]) {
            LogTerms.logOneMinusD(logit: $0[0])
        }
        #expect(logOneMinusD.passed, "log(1 - D) at \(a): \(logOneMinusD)")
    }

    @Test func sigmoid_isSymmetricAndFiniteEverywhere() {
        for a in Self.logits {
            #expect(abs(sigmoid(a) + sigmoid(-a) - 1) < 1e-15)
        }
        #expect(sigmoid(Float(-200)) == 0 && sigmoid(Float(200)) == 1)
    }
}
