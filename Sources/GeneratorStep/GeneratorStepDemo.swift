import DiscriminatorStep
import Foundation
import GANCore

/// `study chapter 3`: G's step through a fixed D, and why log(1 − D(G(z))) saturates.
public enum GeneratorStepDemo: ChapterDemo {
    public static let number = 3
    public static let title = "The generator step"
    public static let summary = "Descending through a fixed D into G: the saturating loss log(1 - D(G(z))) against the non-saturating -log D(G(z)) of §3."

    /// The chapter's setting: a fresh 1-D G that D learns to reject.
    public struct Setting: Sendable {
        public var data = Gaussian(mean: 2, standardDeviation: 0.5)
        public var prior = NoisePrior(width: 1, uniformOn: -1, 1)
        /// G as Chapter 4 draws it, its output shifted left so that D can reject it confidently.
        public var generator: GeneratorNetwork = {
            var g = GeneratorNetwork.oneDimensional
            g.outputBias = -1
            return g
        }()
        public var discriminator = MaxoutDiscriminator.oneDimensional
        public var minibatchSize = 64
        public var discriminatorLearningRate = 0.1
        public var momentum = 0.5
        /// D steps after which G's gradients are measured.
        public var checkpoints = [0, 10, 20, 50, 100, 200, 400, 800, 1600]
        /// The first checkpoint panel (b) draws and the summary starts from:
        /// before it D is still learning its slope and D(G(z)) is far from 0,
        /// so the gradients do not yet show saturation.
        public var saturationFrom = 50
        /// Size of the one generator step shown.
        public var generatorLearningRate = 0.02
        /// Noise for measuring: z at the quantiles (i + ½)/n of the prior.
        public var measurementCount = 256
        public var range: ClosedRange<Double> = -2...3.5
        public init() {}

        public var measurementNoise: Matrix<Double> {
            let n = measurementCount
            return Matrix(column: (0..<n).map { prior.lower + (prior.upper - prior.lower) * (Double($0) + 0.5) / Double(n) })
        }
    }

    /// G's gradient for both losses at one moment of D's training.
    public struct Measurement: Sendable {
        public let discriminatorSteps: Int
        public let meanGeneratedProbability: Double
        public let saturatingNorm: Double
        public let nonSaturatingNorm: Double
    }

    /// ‖∇θ_g L‖ for `loss` on `noise`, G and D as they are.
    public static func gradientNorm(_ step: GeneratorStep<Double>, loss: GeneratorLoss, noise: Matrix<Double>) -> (norm: Double, meanD: Double) {
        step.loss = loss
        let result = step.computeGradient(noise: noise)
        return (step.generator.gradients.elements.reduce(0) { $0 + $1 * $1 }.squareRoot(), result.meanGeneratedProbability)
    }

    /// Trains D against the frozen G, measuring G's gradients at each checkpoint.
    public static func measure(_ setting: Setting, seed: UInt64) -> (generator: MultilayerPerceptron<Double>,
                                                                      discriminator: MultilayerPerceptron<Double>,
                                                                      measurements: [Measurement]) {
        let random = RandomSource(seed: seed)
        let g: MultilayerPerceptron<Double> = setting.generator.make(using: random)
        let d: MultilayerPerceptron<Double> = setting.discriminator.make(using: random)
        let dStep = DiscriminatorStep(discriminator: d)
        let gStep = GeneratorStep(generator: g, discriminator: d, loss: .nonSaturating)
        let m = setting.minibatchSize
        let real = Matrix<Double>(rows: m, columns: 1), noise = Matrix<Double>(rows: m, columns: 1)
        let probe = setting.measurementNoise
        var measurements: [Measurement] = [], done = 0
        for checkpoint in setting.checkpoints {
            while done < checkpoint {
                setting.prior.fill(noise, using: random)
                setting.data.fill(real, using: random)
                dStep.step(real: real, generated: g.forward(noise),
                           learningRate: setting.discriminatorLearningRate, momentum: setting.momentum)
                done += 1
            }
            let saturating = gradientNorm(gStep, loss: .saturating, noise: probe)
            let nonSaturating = gradientNorm(gStep, loss: .nonSaturating, noise: probe)
            measurements.append(Measurement(discriminatorSteps: done, meanGeneratedProbability: saturating.meanD,
                                            saturatingNorm: saturating.norm, nonSaturatingNorm: nonSaturating.norm))
        }
        return (g, d, measurements)
    }

    public static func run(_ context: DemoContext) throws {
        let setting = Setting()
        context.say("p_data = \(setting.data), z ~ \(setting.prior), G: z -> \(setting.generator.hidden[0]) ReLU -> x, output bias \(setting.generator.outputBias)")
        context.say("D: \(setting.discriminator)")
        context.say("D steps against the frozen G: m = \(setting.minibatchSize), learning rate \(setting.discriminatorLearningRate), momentum \(setting.momentum)")
        context.say()
        let (g, d, measurements) = measure(setting, seed: context.seed)

        context.say("G's gradient through D as D learns to reject G's samples (\(setting.measurementCount) z at fixed quantiles)")
        var table = TextTable("D steps", "mean D(G(z))", "|grad| log(1-D)", "|grad| -log D", "ratio")
        for m in measurements {
            table.add("\(m.discriminatorSteps)", scientific(m.meanGeneratedProbability, 3), scientific(m.saturatingNorm, 3),
                      scientific(m.nonSaturatingNorm, 3), scientific(m.saturatingNorm / m.nonSaturatingNorm, 2))
        }
        table.lines.forEach(context.say)
        context.say("At the logit the two losses differ by a factor D(G(z)) / (1 - D(G(z))) per sample: -D against -(1 - D).")
        if let first = measurements.first(where: { $0.discriminatorSteps >= setting.saturationFrom }), let last = measurements.last {
            context.say("Panel (b)'s range, D steps \(first.discriminatorSteps) to \(last.discriminatorSteps):")
            func change(_ name: String, _ from: Double, _ to: Double, digits: Int) {
                let factor = to < from ? "down by a factor of \(fixed(from / to, digits))" : "up by a factor of \(fixed(to / from, digits))"
                context.say("  \(name): \(scientific(from, 3)) -> \(scientific(to, 3)), \(factor)")
            }
            change("mean D(G(z))", first.meanGeneratedProbability, last.meanGeneratedProbability, digits: 1)
            change("|grad| log(1-D)", first.saturatingNorm, last.saturatingNorm, digits: 1)
            change("|grad| -log D", first.nonSaturatingNorm, last.nonSaturatingNorm, digits: 2)
        }
        context.say()

        // One step of each loss from the same state.
        let probe = setting.measurementNoise
        let zs = probe.elements
        let before = g.outputs(at: zs)
        let saved = g.parameters.elements
        context.say("One generator step (learning rate \(setting.generatorLearningRate), no momentum yet) from this state")
        let target = setting.data.mean
        var step = TextTable("loss", "mean G(z)", "mean D(G(z))", "mean |G(z) - \(target)|", "closer by", "D(G(z)) after/before")
        func distance(_ xs: [Double]) -> Double { xs.reduce(0) { $0 + abs($1 - target) } / Double(xs.count) }
        func meanD(_ xs: [Double]) -> Double { d.probabilities(at: xs).reduce(0, +) / Double(xs.count) }
        // Each step's change is read against the state both steps start from.
        func describe(_ name: String, _ xs: [Double]) {
            let changes = xs == before ? ["-", "-"]
                : [fixed(distance(before) - distance(xs)), fixed(meanD(xs) / meanD(before), 2)]
            step.add([name, fixed(xs.reduce(0, +) / Double(xs.count)), scientific(meanD(xs), 3), fixed(distance(xs))] + changes)
        }
        describe("before", before)
        var after: [GeneratorLoss: [Double]] = [:]
        for loss in GeneratorLoss.allCases {
            _ = g.parameters.storage.update(fromContentsOf: saved)
            let gStep = GeneratorStep(generator: g, discriminator: d, loss: loss)
            gStep.step(noise: probe, learningRate: setting.generatorLearningRate, momentum: setting.momentum)
            after[loss] = g.outputs(at: zs)
            describe("after, \(loss)", after[loss]!)
        }
        _ = g.parameters.storage.update(fromContentsOf: saved)
        step.lines.forEach(context.say)
        context.say()

        let figure = try context.figure("generator-step.png")
        try GeneratorStepFigure.render(setting: setting, discriminator: d, zs: zs, before: before,
                                       after: after[.nonSaturating]!, measurements: measurements).write(to: figure.url)
        context.say("Figure: \(figure.displayName)")
        let losses = try context.figure("generator-losses.png")
        try GeneratorLossFigure.render().write(to: losses.url)
        context.say("The two losses and their slopes against D(G(z)), before any training: \(losses.displayName)")
    }
}
