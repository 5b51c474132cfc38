import DiscriminatorStep
import GANCore
import GeneratorStep

/// What a 1-D run looks like at one moment: the numbers Chapter 4 prints and plots.
public struct TrainingRecord: Sendable {
    public let iteration: Int
    /// JSD(p_data ‖ p̂_g), nats (`JensenShannonEstimate`).
    public let divergence: Double
    public let generatedMean: Double
    public let generatedStandardDeviation: Double
    /// E_{p_data}[D(x)], by a midpoint sum over a fine grid.
    public let meanRealProbability: Double
    /// The mean of D(G(z)) over z at the prior's quantiles.
    public let meanGeneratedProbability: Double

    public init(_ world: OneDimensionalGAN, _ trainer: GANTrainer<Double>) throws {
        let samples = world.generatedSamples(trainer)
        let n = Double(samples.count)
        iteration = trainer.iterations
        divergence = try JensenShannonEstimate.divergence(data: world.data, samples: samples)
        let mean = samples.reduce(0, +) / n
        generatedMean = mean
        generatedStandardDeviation = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        // Midpoint rule, h = support/4000: error far below the printed digits.
        let support = world.data.support, count = 4000
        let h = (support.upperBound - support.lowerBound) / Double(count)
        let xs = (0..<count).map { support.lowerBound + (Double($0) + 0.5) * h }
        meanRealProbability = zip(xs, trainer.discriminator.probabilities(at: xs)).reduce(0) { $0 + world.data.density($1.0) * $1.1 } * h
        meanGeneratedProbability = trainer.discriminator.probabilities(at: samples).reduce(0, +) / n
    }
}
