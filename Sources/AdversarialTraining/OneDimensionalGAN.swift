import DiscriminatorStep
import GANCore
import GeneratorStep

/// Figure 1's world: a Gaussian p_data on the line, uniform z, and the
/// small 1-D generator and maxout discriminator of Chapters 3–4.
public struct OneDimensionalGAN: Sendable {
    public var data: Gaussian
    public var prior: NoisePrior
    public var generator: GeneratorNetwork
    public var discriminator: MaxoutDiscriminator
    public var configuration: TrainingConfiguration
    /// The stretch of the line the figures show.
    public var range: ClosedRange<Double>

    public init(data: Gaussian, prior: NoisePrior, generator: GeneratorNetwork, discriminator: MaxoutDiscriminator,
                configuration: TrainingConfiguration, range: ClosedRange<Double>) {
        self.data = data
        self.prior = prior
        self.generator = generator
        self.discriminator = discriminator
        self.configuration = configuration
        self.range = range
    }

    /// The setting of Chapter 4's Figure 1: p_data = N(2, 0.5²), z ~ U[−1, 1],
    /// G: 16 ReLU units, D: two maxout layers of 8 × 4; Algorithm 1 with k = 1,
    /// m = 32, momentum 0.5, learning rates 0.05 (D) and 0.01 (G), both
    /// divided by 1.0005 after every iteration, the non-saturating loss.
    ///
    /// Deviation from the paper: two maxout layers, where Chapter 2's D has
    /// one. A one-layer maxout logit bends only where its pieces cross; once
    /// those kinks drift out of the data, D is linear there and cannot see a
    /// p_g of the right mean but the wrong width (D* is then a bump).
    public static let figure1 = OneDimensionalGAN(
        data: Gaussian(mean: 2, standardDeviation: 0.5),
        prior: NoisePrior(width: 1, uniformOn: -1, 1),
        generator: .oneDimensional,
        discriminator: MaxoutDiscriminator(
            inputWidth: 1, hidden: [.init(units: 8, pieces: 4), .init(units: 8, pieces: 4)], weightRange: 0.1),
        configuration: {
            var c = TrainingConfiguration(
                updateRule: .algorithm1(k: 1), minibatchSize: 32, discriminatorLearningRate: 0.05,
                generatorLearningRate: 0.01, momentum: 0.5, generatorLoss: .nonSaturating)
            c.learningRateDecay = 1.0005
            return c
        }(),
        range: -1.5...4.5)

    /// How many iterations Chapter 4 trains for.
    public static let iterations = 3000
    /// Samples of G(z) behind each estimate of p_g and of the JSD.
    public static let divergenceSamples = 2000

    /// Fresh networks, drawn from `seed`, and a trainer for them. The same
    /// seed gives the same run, bit for bit, on the same machine and thread count.
    public func makeTrainer(seed: UInt64) -> GANTrainer<Double> {
        let random = RandomSource(seed: seed)
        let g: MultilayerPerceptron<Double> = generator.make(using: random)
        let d: MultilayerPerceptron<Double> = discriminator.make(using: random)
        return GANTrainer(generator: g, discriminator: d, data: DensitySamples(data), prior: prior,
                          configuration: configuration, random: random)
    }

    /// n samples of G(z), from z evenly spread over the prior (the quantiles
    /// (i + ½)/n), so the estimate of p_g carries no sampling noise of its own.
    public func generatedSamples(_ trainer: GANTrainer<Double>, count: Int = OneDimensionalGAN.divergenceSamples) -> [Double] {
        let zs = (0..<count).map { prior.lower + (prior.upper - prior.lower) * (Double($0) + 0.5) / Double(count) }
        return trainer.generator.outputs(at: zs)
    }

    /// JSD(p_data ‖ p̂_g) with p̂_g the kernel estimate from `generatedSamples`.
    public func divergence(_ trainer: GANTrainer<Double>, count: Int = OneDimensionalGAN.divergenceSamples) throws -> Double {
        try JensenShannonEstimate.divergence(data: data, samples: generatedSamples(trainer, count: count))
    }
}
