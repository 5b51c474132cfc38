import Foundation
import GANCore

/// `study chapter 1`: Eq. (1) term by term.
public enum ValueFunctionDemo: ChapterDemo {
    public static let number = 1
    public static let title = "The value function"
    public static let summary = "Eq. (1): what V(D, G) measures, its minibatch estimate, cross-entropy, and why the code works on logits."

    /// Monte-Carlo samples per density for the quadrature comparison.
    public static let sampleCount = 100_000

    /// The density pairs the demo compares: p_data against three generators.
    public static let pairs: [(name: String, data: any Density1D, generator: any Density1D)] = [
        ("p_g = p_data", Gaussian(mean: 0, standardDeviation: 1), Gaussian(mean: 0, standardDeviation: 1)),
        ("shifted mean", Gaussian(mean: 0, standardDeviation: 1), Gaussian(mean: 2, standardDeviation: 1)),
        ("wider", Gaussian(mean: 0, standardDeviation: 1), Gaussian(mean: 0, standardDeviation: 2)),
        ("mixture vs one", Mixture([Gaussian(mean: -2, standardDeviation: 0.5), Gaussian(mean: 2, standardDeviation: 0.5)], weights: [1, 1]),
         Gaussian(mean: 0, standardDeviation: 2)),
    ]

    /// Samples of each kind in the minibatch of the cross-entropy check.
    public static let minibatchSize = 100

    /// Logits at which the naive and the logit forms are compared.
    public static let logits: [Float] = [-100, -20, -5, 0, 5, 20, 100]

    public static func run(_ context: DemoContext) throws {
        let random = RandomSource(seed: context.seed)
        logTerms(context)
        context.say()
        try optimalValue(context, random)
        context.say()
        crossEntropy(context, random)
        context.say()
        let figure = try context.figure("value-function-terms.png")
        try ValueFunctionFigures.render().write(to: figure.url)
        let maxima = ValueFunctionFigures.pairs.map { "a = \(fixed($0.a, 0)), b = \(fixed($0.b, 0)): y* = \(fixed($0.a / ($0.a + $0.b), 2))" }
        context.say("Proposition 1's maxima drawn: " + maxima.joined(separator: "; "))
        context.say("Figure: \(figure.displayName)")
    }

    /// The naive log terms against the logit forms, in Float.
    static func logTerms(_ context: DemoContext) {
        context.say("Eq. (1)'s log terms in Float: naive (through D = σ(a)) against the logit form")
        var table = TextTable("logit a", "D = σ(a)", "naive log D", "log D", "naive log(1-D)", "log(1-D)", "naive d/da log(1-D)", "d/da log(1-D)")
        for a in logits {
            table.add(
                fixed(Double(a), 0), scientific(Double(NaiveLogTerms.probability(logit: a)), 2),
                fixed(Double(NaiveLogTerms.logD(logit: a))), fixed(Double(LogTerms.logD(logit: a))),
                fixed(Double(NaiveLogTerms.logOneMinusD(logit: a))), fixed(Double(LogTerms.logOneMinusD(logit: a))),
                fixed(Double(NaiveLogTerms.logOneMinusDDerivative(logit: a))),
                fixed(Double(LogTerms.logOneMinusDDerivative(logit: a))))
        }
        table.lines.forEach(context.say)
    }

    /// V(D*, G) by quadrature against its Monte-Carlo estimate.
    static func optimalValue(_ context: DemoContext, _ random: RandomSource) throws {
        context.say("V(D*, G) with D* = p_data / (p_data + p_g): GSL quadrature against Monte Carlo (m = \(sampleCount))")
        var table = TextTable("p_data", "p_g", "quadrature", "Monte Carlo", "std. error", "|diff|/SE")
        for pair in pairs {
            let logit = ValueFunction.optimalLogit(data: pair.data, generator: pair.generator)
            let exact = try ValueFunction.integral(data: pair.data, generator: pair.generator, discriminatorLogit: logit)
            let sampled = ValueFunction.estimate(
                data: pair.data, generator: pair.generator, discriminatorLogit: logit,
                count: sampleCount, using: random)
            table.add(
                pair.data.description, pair.generator.description,
                fixed(exact.value, 6), fixed(sampled.value, 6), fixed(sampled.standardError, 6),
                // With p_g = p_data every term is −log 2: the estimate is exact and has no spread.
                sampled.standardError < 1e-12 ? "exact" : fixed(abs(sampled.value - exact.value) / sampled.standardError, 2))
        }
        table.lines.forEach(context.say)
        context.say("-log 4 = \(fixed(-log(4.0), 6)): V(D*, G) reaches it only when p_g = p_data, where D* = 1/2.")
    }

    /// V̂ as minus twice the mean binary cross-entropy.
    static func crossEntropy(_ context: DemoContext, _ random: RandomSource) {
        let data = Gaussian(mean: 0, standardDeviation: 1)
        let generator = Gaussian(mean: 2, standardDeviation: 1)
        // A fixed, imperfect discriminator: a(x) = 1 − x.
        let logit: (Double) -> Double = { 1 - $0 }
        let real = (0..<minibatchSize).map { _ in logit(data.sample(using: random)) }
        let generated = (0..<minibatchSize).map { _ in logit(generator.sample(using: random)) }
        let value = ValueFunction.estimate(realLogits: real, generatedLogits: generated)
        let bce = BinaryCrossEntropy.meanLoss(realLogits: real, generatedLogits: generated)
        context.say("One minibatch (m = \(minibatchSize)) with D(x) = σ(1 - x):")
        context.say("  V̂ = \(fixed(value.realTerm)) + \(fixed(value.generatedTerm)) = \(fixed(value.value))")
        context.say("  mean binary cross-entropy = \(fixed(bce)); -2 × BCE = \(fixed(-2 * bce))")
    }
}
