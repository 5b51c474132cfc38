import DiscriminatorStep
import GANCore
import GeneratorStep

/// Trains a generator and a discriminator against each other: Algorithm 1,
/// or the simultaneous update of the authors' released code.
///
/// ```
/// for each iteration:
///     repeat k times:  z ~ p_z, x ~ p_data (m each);  θ_d ← θ_d + step(∇θ_d V̂)
///     z ~ p_z (m);     θ_g ← θ_g − step(∇θ_g L)
/// ```
/// All buffers are allocated once; a steady-state iteration allocates nothing.
/// - Paper: Algorithm 1.
public final class GANTrainer<Scalar: BLASScalar> {
    /// Which network an update changed.
    public enum UpdateKind: Sendable, Equatable { case discriminator, generator, both }

    /// One update, as reported to `onUpdate`.
    public struct Update: Sendable, Equatable {
        public let kind: UpdateKind
        /// The iteration the update belongs to (0-based).
        public let iteration: Int
        /// Counters after the update.
        public let discriminatorUpdates: Int
        public let generatorUpdates: Int
    }

    public let generator: MultilayerPerceptron<Scalar>
    public let discriminator: MultilayerPerceptron<Scalar>
    public let discriminatorStep: DiscriminatorStep<Scalar>
    public let generatorStep: GeneratorStep<Scalar>
    public let data: any TrainingData
    public let prior: any GeneratorInputSource
    public let random: RandomSource
    public var configuration: TrainingConfiguration {
        didSet { configure() }
    }

    /// Completed iterations of the outer loop.
    public private(set) var iterations = 0
    /// Discriminator and generator updates so far.
    public private(set) var discriminatorUpdates = 0
    public private(set) var generatorUpdates = 0
    /// The objective of the latest discriminator update and the loss of the latest generator update.
    public private(set) var lastDiscriminatorObjective: DiscriminatorStep<Scalar>.Objective?
    public private(set) var lastGeneratorResult: GeneratorStep<Scalar>.Result?
    /// Called after every update, in order.
    public var onUpdate: ((Update) -> Void)?

    private let real: Matrix<Scalar>
    private let noise: Matrix<Scalar>

    public init(
        generator: MultilayerPerceptron<Scalar>, discriminator: MultilayerPerceptron<Scalar>,
        data: any TrainingData, prior: any GeneratorInputSource, configuration: TrainingConfiguration, random: RandomSource
    ) {
        precondition(generator.inputWidth == prior.width, "G takes \(generator.inputWidth) inputs, the prior gives \(prior.width)")
        precondition(discriminator.inputWidth == data.width, "D takes \(discriminator.inputWidth) inputs, the data have \(data.width)")
        self.generator = generator
        self.discriminator = discriminator
        self.data = data
        self.prior = prior
        self.configuration = configuration
        self.random = random
        discriminatorStep = DiscriminatorStep(discriminator: discriminator)
        generatorStep = GeneratorStep(generator: generator, discriminator: discriminator, loss: configuration.generatorLoss)
        real = Matrix(rows: configuration.minibatchSize, columns: data.width)
        noise = Matrix(rows: configuration.minibatchSize, columns: prior.width)
        configure()
    }

    private func configure() {
        precondition(configuration.minibatchSize == real.rows, "m cannot change during training")
        generatorStep.loss = configuration.generatorLoss
        discriminatorStep.objectiveScale = configuration.updateRule == .simultaneous ? 0.5 : 1
    }

    /// One iteration of the outer loop.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func trainIteration() {
        switch configuration.updateRule {
        case .algorithm1(let k): algorithm1Iteration(k: k)
        case .simultaneous: simultaneousIteration()
        }
        iterations += 1
        if configuration.learningRateDecay != 1 {
            let decay = configuration.learningRateDecay, floor = configuration.minimumLearningRate
            configuration.discriminatorLearningRate = max(configuration.discriminatorLearningRate / decay, floor)
            configuration.generatorLearningRate = max(configuration.generatorLearningRate / decay, floor)
        }
    }

    /// Sets the counters of a run restored from a checkpoint.
    public func restoreCounters(iterations: Int, discriminatorUpdates: Int, generatorUpdates: Int) {
        precondition(iterations >= 0 && discriminatorUpdates >= 0 && generatorUpdates >= 0, "counters must be non-negative")
        self.iterations = iterations
        self.discriminatorUpdates = discriminatorUpdates
        self.generatorUpdates = generatorUpdates
    }

    public func train(iterations count: Int) {
        for _ in 0..<count { trainIteration() }
    }

    // [excerpt: algorithm-1]
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func algorithm1Iteration(k: Int) {
        for _ in 0..<k { discriminatorUpdate() }
        generatorUpdate()
    }

    /// Algorithm 1's inner step: m noise samples, m data samples, one ascent step of D.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func discriminatorUpdate() {
        let c = configuration
        prior.fill(noise, using: random)
        data.fillMinibatch(real, using: random)
        let generated = generator.forward(noise)
        lastDiscriminatorObjective = discriminatorStep.step(
            real: real, generated: generated,
            learningRate: Scalar(c.discriminatorLearningRate), momentum: Scalar(c.momentum))
        discriminatorUpdates += 1
        report(.discriminator)
    }

    /// Algorithm 1's outer step: m fresh noise samples, one descent step of G.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func generatorUpdate() {
        let c = configuration
        prior.fill(noise, using: random)
        lastGeneratorResult = generatorStep.step(
            noise: noise, learningRate: Scalar(c.generatorLearningRate), momentum: Scalar(c.momentum))
        generatorUpdates += 1
        report(.generator)
    }
    // [end: algorithm-1]

    // [excerpt: simultaneous]
    /// The authors' update: one minibatch, both gradients at the same θ, then both steps.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func simultaneousIteration() {
        let c = configuration
        prior.fill(noise, using: random)
        data.fillMinibatch(real, using: random)
        let generated = generator.forward(noise)
        lastDiscriminatorObjective = discriminatorStep.computeGradient(real: real, generated: generated)
        // D's forward pass on G(z) is still in its layers: G's gradient reuses it.
        lastGeneratorResult = generatorStep.backpropagate(
            logits: discriminatorStep.logits!, generatedRows: discriminatorStep.generatedRows)
        discriminatorStep.optimiser.step(
            discriminator, learningRate: Scalar(c.discriminatorLearningRate), momentum: Scalar(c.momentum), direction: .ascend)
        generatorStep.optimiser.step(
            generator, learningRate: Scalar(c.generatorLearningRate), momentum: Scalar(c.momentum), direction: .descend)
        discriminatorUpdates += 1
        generatorUpdates += 1
        report(.both)
    }
    // [end: simultaneous]

    /// §6's failure mode: `steps` generator updates with D frozen.
    public func trainGeneratorOnly(steps: Int) {
        for _ in 0..<steps { generatorUpdate() }
    }

    /// `steps` discriminator updates with G frozen (Algorithm 1's inner loop run long).
    public func trainDiscriminatorOnly(steps: Int) {
        for _ in 0..<steps { discriminatorUpdate() }
    }

    private func report(_ kind: UpdateKind) {
        onUpdate?(Update(kind: kind, iteration: iterations, discriminatorUpdates: discriminatorUpdates, generatorUpdates: generatorUpdates))
    }
}
