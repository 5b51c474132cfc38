import AdversarialTraining
import Foundation
import GANCore
import GeneratorStep

/// Trains a recipe's networks on images with Chapter 4's `GANTrainer`,
/// adding what a long run needs: epochs over a shuffled data set, the
/// authors' momentum ramp, a history of the curves, and a state that a
/// checkpoint can save and restore exactly.
///
/// All randomness — initial weights, data order, noise, dropout masks —
/// comes from one `RandomSource`, so a checkpoint that saves its state
/// resumes the run bit for bit.
public final class ImageTrainer {
    /// What one iteration measured, on its last D minibatch.
    public struct Statistics: Sendable {
        /// V̂ of Eq. (1) on the minibatch (before the update).
        public let value: Double
        public let meanRealProbability: Double
        public let meanGeneratedProbability: Double
    }

    /// Averages of the iterations' statistics over each `historyInterval` iterations.
    public struct HistoryPoint: Sendable, Equatable {
        public let iteration: Int
        public let value: Double
        public let meanRealProbability: Double
        public let meanGeneratedProbability: Double
    }

    public let recipe: TrainingRecipe
    public let random: RandomSource
    public let sampler: MinibatchSampler
    public let trainer: GANTrainer<Float>

    public static let historyInterval = 50
    public private(set) var history: [HistoryPoint] = []
    /// Sums over the current, unfinished interval: V̂, D(x), D(G(z)).
    public private(set) var historyWindow: [Double] = [0, 0, 0]

    /// - Parameters:
    ///   - data: the training images, one per row, in [0, 1].
    ///   - seed: seeds every random draw of the run.
    public convenience init(recipe: TrainingRecipe, data: Matrix<Float>, seed: UInt64) {
        let architecture = recipe.architecture
        precondition(data.columns == architecture.pixels, "images have \(data.columns) pixels, the networks expect \(architecture.pixels)")
        self.init(recipe: recipe, data: data, seed: seed, prior: architecture.noisePrior) { random in
            (architecture.generator(Float.self, pixelMeans: Self.columnMeans(data), using: random),
             architecture.discriminator(Float.self, using: random))
        }
    }

    /// A run of networks other than the recipe's own (Chapter 7's conditional
    /// pair), built by `networks` from the run's random source before the
    /// sampler draws its first order; the recipe gives the schedule, m, the
    /// update rule and the loss.
    public init(
        recipe: TrainingRecipe, data: Matrix<Float>, seed: UInt64, prior: any GeneratorInputSource,
        networks: (RandomSource) -> (generator: MultilayerPerceptron<Float>, discriminator: MultilayerPerceptron<Float>)
    ) {
        self.recipe = recipe
        random = RandomSource(seed: seed)
        let (generator, discriminator) = networks(random)
        sampler = MinibatchSampler(data: data, batchSize: recipe.batchSize, random: random)
        trainer = GANTrainer(
            generator: generator, discriminator: discriminator, data: sampler, prior: prior,
            configuration: recipe.initialConfiguration, random: random)
    }

    public var generator: MultilayerPerceptron<Float> { trainer.generator }
    public var discriminator: MultilayerPerceptron<Float> { trainer.discriminator }
    /// Outer iterations done (generator updates).
    public var iteration: Int { trainer.iterations }

    /// One iteration of the recipe's update rule, with the momentum of the current epoch.
    @discardableResult
    public func trainIteration() -> Statistics {
        trainer.configuration.momentum = recipe.schedule.momentum(epoch: sampler.epoch)
        trainer.trainIteration()
        let objective = trainer.lastDiscriminatorObjective!
        let statistics = Statistics(
            value: objective.value / Double(trainer.discriminatorStep.objectiveScale),
            meanRealProbability: objective.meanRealProbability,
            meanGeneratedProbability: objective.meanGeneratedProbability)
        record(statistics)
        return statistics
    }

    private func record(_ s: Statistics) {
        historyWindow[0] += s.value
        historyWindow[1] += s.meanRealProbability
        historyWindow[2] += s.meanGeneratedProbability
        if iteration % Self.historyInterval == 0 {
            let n = Double(Self.historyInterval)
            history.append(HistoryPoint(
                iteration: iteration, value: historyWindow[0] / n,
                meanRealProbability: historyWindow[1] / n, meanGeneratedProbability: historyWindow[2] / n))
            historyWindow = [0, 0, 0]
        }
    }

    /// Restores the counters, learning rates and history (from a checkpoint);
    /// parameters, velocities and random state are restored by the caller.
    func restore(iterations: Int, discriminatorUpdates: Int, generatorUpdates: Int,
                 learningRates: (discriminator: Double, generator: Double), history: [HistoryPoint], window: [Double]) {
        trainer.restoreCounters(iterations: iterations, discriminatorUpdates: discriminatorUpdates, generatorUpdates: generatorUpdates)
        trainer.configuration.discriminatorLearningRate = learningRates.discriminator
        trainer.configuration.generatorLearningRate = learningRates.generator
        self.history = history
        historyWindow = window
    }

    /// Whether every parameter of both networks is finite.
    public var parametersAreFinite: Bool {
        for network in [generator, discriminator] {
            let p = network.parameters.base
            for i in 0..<network.parameterCount where !p[i].isFinite { return false }
        }
        return true
    }

    /// Each pixel's mean over the training images.
    public static func columnMeans(_ data: Matrix<Float>) -> [Double] {
        var sums = [Double](repeating: 0, count: data.columns)
        for r in 0..<data.rows {
            let row = data.base + r * data.columns
            for c in 0..<data.columns { sums[c] += Double(row[c]) }
        }
        return sums.map { $0 / Double(max(data.rows, 1)) }
    }
}
