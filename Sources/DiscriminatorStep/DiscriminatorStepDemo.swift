import Foundation
import GANCore
import ValueFunction

/// `study chapter 2`: D ascends V̂ with G fixed, and approaches D* (Proposition 1).
public enum DiscriminatorStepDemo: ChapterDemo {
    public static let number = 2
    public static let title = "The discriminator step"
    public static let summary = "Algorithm 1's inner loop: the gradient of V̂ at D's logit, carried back through maxout, dropout and affine layers; D approaches D* (Proposition 1)."

    /// The setting of the chapter: data, the fixed generator's law, D and its optimiser.
    public struct Setting: Sendable {
        public var data: Gaussian = Gaussian(mean: 0, standardDeviation: 1)
        /// The law of G(z) for the frozen G.
        public var generator: Gaussian = Gaussian(mean: 2, standardDeviation: 1.5)
        public var discriminator = MaxoutDiscriminator.oneDimensional
        public var minibatchSize = 64
        public var steps = 2000
        public var learningRate = 0.01
        public var momentum = 0.5
        /// Where D is compared with D* and drawn.
        public var range: ClosedRange<Double> = -4...5
        /// Minibatches each row of the progress table averages over.
        public var window = 100
        public init() {}
    }

    /// What a run of D steps produced.
    public struct Run {
        public let discriminator: MultilayerPerceptron<Double>
        /// Step number and V̂ on that step's minibatch, for every step.
        public let minibatchValues: [Double]
        public let meanReal: [Double]
        public let meanGenerated: [Double]
    }

    /// Trains D for `setting.steps` steps of Algorithm 1's inner loop with G fixed.
    public static func train(_ setting: Setting, seed: UInt64) -> Run {
        let random = RandomSource(seed: seed)
        let network: MultilayerPerceptron<Double> = setting.discriminator.make(using: random)
        let step = DiscriminatorStep(discriminator: network)
        let m = setting.minibatchSize
        let real = Matrix<Double>(rows: m, columns: 1), generated = Matrix<Double>(rows: m, columns: 1)
        var values: [Double] = [], meanReal: [Double] = [], meanGenerated: [Double] = []
        for _ in 0..<setting.steps {
            setting.data.fill(real, using: random)
            setting.generator.fill(generated, using: random)
            let objective = step.step(real: real, generated: generated, learningRate: setting.learningRate, momentum: setting.momentum)
            values.append(objective.value)
            meanReal.append(objective.meanRealProbability)
            meanGenerated.append(objective.meanGeneratedProbability)
        }
        return Run(discriminator: network, minibatchValues: values, meanReal: meanReal, meanGenerated: meanGenerated)
    }

    public static func run(_ context: DemoContext) throws {
        let setting = Setting()
        context.say("p_data = \(setting.data), G fixed with p_g = \(setting.generator)")
        context.say("D: \(setting.discriminator)")
        context.say("Inner loop: \(setting.steps) ascent steps, m = \(setting.minibatchSize), learning rate \(setting.learningRate), momentum \(setting.momentum)")
        context.say()
        let run = train(setting, seed: context.seed)
        let ceiling = try ValueFunction.integral(
            data: setting.data, generator: setting.generator,
            discriminatorLogit: ValueFunction.optimalLogit(data: setting.data, generator: setting.generator)).value

        context.say("Ascending V̂ with G fixed (means over the \(setting.window) minibatches up to each step)")
        var table = TextTable("step", "V̂", "mean D(x)", "mean D(G(z))")
        for end in [1, 100, 200, 300, 500, 1000, 2000] where end <= setting.steps {
            let window = max(0, end - setting.window)..<end
            func mean(_ values: [Double]) -> Double { values[window].reduce(0, +) / Double(window.count) }
            table.add("\(end)", fixed(mean(run.minibatchValues)), fixed(mean(run.meanReal)), fixed(mean(run.meanGenerated)))
        }
        table.lines.forEach(context.say)
        let learned = try LearnedValue.integral(
            data: setting.data, generator: setting.generator,
            discriminator: run.discriminator)
        context.say("V(D, G) by quadrature = \(fixed(learned)); its maximum V(D*, G) = \(fixed(ceiling)); -log 4 = \(fixed(-log(4.0)))")
        context.say()

        let distance = DistanceToOptimum(run.discriminator, data: setting.data, generator: setting.generator, over: setting.range)
        context.say("D against D* = p_data / (p_data + p_g) (Proposition 1)")
        var comparison = TextTable("x", "p_data", "p_g", "D*(x)", "D(x)", "|D - D*|")
        let dStar = ValueFunction.optimalLogit(data: setting.data, generator: setting.generator)
        let points = [-2.0, -1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5]
        let learnedD = run.discriminator.probabilities(at: points)
        for (x, dx) in zip(points, learnedD) {
            let optimum = sigmoid(dStar(x))
            comparison.add(fixed(x, 1), fixed(setting.data.density(x)), fixed(setting.generator.density(x)),
                           fixed(optimum), fixed(dx), fixed(abs(dx - optimum)))
        }
        comparison.lines.forEach(context.say)
        context.say("max |D - D*| where (p_data + p_g)/2 >= \(DistanceToOptimum.mixtureFloor): \(fixed(distance.maximum)) at x = \(fixed(distance.worstPoint, 2)) (\(distance.pointsCompared) of \(distance.gridPoints) grid points)")
        context.say("mean |D - D*| weighted by (p_data + p_g)/2: \(fixed(distance.weightedMean))")
        context.say()

        let figure = try context.figure("discriminator-step.png")
        try DiscriminatorStepFigure.render(setting: setting, run: run, ceiling: ceiling).write(to: figure.url)
        context.say("Figure: \(figure.displayName)")
    }
}
