import Foundation
import GANCore
import GradientChecking
import Testing
import ValueFunction

/// Chapter 1, "The value function": Eq. (1) estimated, integrated, and
/// related to cross-entropy. See Chapters/01-ValueFunction.md.
@Suite struct ValueFunctionTests {
    static let minusLog4 = -log(4.0)

    @Test func valueFunction_atOptimum_isMinusLog4() throws {
        let p = Gaussian(mean: 0.5, standardDeviation: 1.3)
        let half = try ValueFunction.integral(data: p, generator: p) { _ in 0 }
        #expect(abs(half.value - Self.minusLog4) < 1e-10)
        let optimal = try ValueFunction.integral(data: p, generator: p, discriminatorLogit: ValueFunction.optimalLogit(data: p, generator: p))
        #expect(abs(optimal.value - Self.minusLog4) < 1e-10)
    }

    @Test func valueAtOptimalDiscriminator_exceedsMinusLog4WhenDensitiesDiffer() throws {
        for (name, data, generator) in ValueFunctionDemo.pairs.dropFirst() {
            let logit = ValueFunction.optimalLogit(data: data, generator: generator)
            let value = try ValueFunction.integral(data: data, generator: generator, discriminatorLogit: logit).value
            #expect(value > Self.minusLog4 + 1e-3, "\(name)")
        }
    }

    @Test func monteCarloEstimate_agreesWithQuadratureWithinThreeStandardErrors() throws {
        // The chapter's claim, for the demo's own seed and sample count.
        let random = RandomSource(seed: 1)
        for (name, data, generator) in ValueFunctionDemo.pairs {
            let logit = ValueFunction.optimalLogit(data: data, generator: generator)
            let exact = try ValueFunction.integral(data: data, generator: generator, discriminatorLogit: logit)
            let sampled = ValueFunction.estimate(data: data, generator: generator, discriminatorLogit: logit,
                                                 count: ValueFunctionDemo.sampleCount, using: random)
            #expect(exact.absoluteError < 1e-8, "\(name): quadrature error \(exact.absoluteError)")
            if sampled.standardError < 1e-12 {
                // p_g = p_data: every term is −log 2, the estimate has no spread.
                #expect(abs(sampled.value - exact.value) < 1e-9, "\(name)")
            } else {
                #expect(abs(sampled.value - exact.value) < 3 * sampled.standardError, "\(name)")
            }
        }
    }

    @Test func standardError_coversTheTruthAtTheNominalRate() throws {
        // 400 independent estimates with m = 200: about 95% should land within
        // 1.96 standard errors. The binomial count has s.d. √(400·0.95·0.05) ≈ 4.4,
        // so 355…395 allows for more than 4σ either side of 380.
        let data = Gaussian(mean: 0, standardDeviation: 1), generator = Gaussian(mean: 1, standardDeviation: 1.5)
        let logit = ValueFunction.optimalLogit(data: data, generator: generator)
        let exact = try ValueFunction.integral(data: data, generator: generator, discriminatorLogit: logit).value
        let random = RandomSource(seed: 2)
        var covered = 0
        for _ in 0..<400 {
            let e = ValueFunction.estimate(data: data, generator: generator, discriminatorLogit: logit, count: 200, using: random)
            if abs(e.value - exact) < 1.96 * e.standardError { covered += 1 }
        }
        #expect((355...395).contains(covered), "covered \(covered) of 400")
    }

    @Test func minibatchValue_isMinusTwiceTheMeanCrossEntropy() {
        let random = RandomSource(seed: 3)
        let real = (0..<50).map { _ in random.gaussian(mean: 1, standardDeviation: 3) }
        let generated = (0..<50).map { _ in random.gaussian(mean: -1, standardDeviation: 3) }
        let value = ValueFunction.estimate(realLogits: real, generatedLogits: generated).value
        let bce = BinaryCrossEntropy.meanLoss(realLogits: real, generatedLogits: generated)
        #expect(abs(value + 2 * bce) < 1e-12)
    }

    @Test func naiveLogTerms_failAtLargeLogitsWhereTheLogitFormDoesNot() {
        #expect(NaiveLogTerms.logOneMinusD(logit: 20) == -.infinity)
        #expect(NaiveLogTerms.logD(logit: -100) == -.infinity)
        #expect(NaiveLogTerms.logOneMinusDDerivative(logit: 20).isNaN)
        #expect(abs(LogTerms.logOneMinusD(logit: Float(20)) + 20) < 1e-5)
        #expect(LogTerms.logD(logit: Float(-100)) == -100)
        #expect(abs(LogTerms.logOneMinusDDerivative(logit: Float(20)) + 1) < 1e-6)
        // Where σ does not saturate, the two forms agree.
        #expect(abs(NaiveLogTerms.logOneMinusD(logit: 1) - LogTerms.logOneMinusD(logit: Float(1))) < 1e-6)
    }

    @Test func densities_integrateToOne() throws {
        let densities: [any Density1D] = [Gaussian(mean: 1, standardDeviation: 0.3), Uniform(-1, 2),
                                          Mixture([Gaussian(mean: -2, standardDeviation: 0.5), Gaussian(mean: 2, standardDeviation: 0.5)], weights: [1, 3])]
        for p in densities {
            let mass = try Quadrature.integrate(from: p.support.lowerBound - 1, to: p.support.upperBound + 1) { x in exp(p.logDensity(x)) }
            #expect(abs(mass.value - 1) < 1e-7, "\(p)")
        }
    }
}
