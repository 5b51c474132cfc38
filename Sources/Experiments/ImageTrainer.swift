import DiscriminatorStep
import Foundation
import GANCore
import GeneratorStep

/// Trains a configuration's networks on images, one iteration of the outer
/// loop of Algorithm 1 (or of the authors' simultaneous update) at a time.
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

    public let configuration: TrainingConfiguration
    public let random: RandomSource
    public let generator: MultilayerPerceptron<Float>
    public let discriminator: MultilayerPerceptron<Float>
    public let discriminatorStep: DiscriminatorStep<Float>
    public let generatorStep: GeneratorStep<Float>
    public let sampler: MinibatchSampler
    /// Outer iterations done (generator updates).
    public private(set) var iteration = 0
    /// Real minibatches used: the learning rate decays once per minibatch.
    public private(set) var minibatches = 0

    /// Averages of the iterations' statistics over each `historyInterval` iterations.
    public struct HistoryPoint: Sendable, Equatable {
        public let iteration: Int
        public let value: Double
        public let meanRealProbability: Double
        public let meanGeneratedProbability: Double
    }
    public static let historyInterval = 50
    public private(set) var history: [HistoryPoint] = []
    /// Sums over the current, unfinished interval: V̂, D(x), D(G(z)).
    public private(set) var historyWindow: [Double] = [0, 0, 0]

    private let real: Matrix<Float>
    private let noise: Matrix<Float>

    /// - Parameters:
    ///   - data: the training images, one per row, in [0, 1].
    ///   - seed: seeds every random draw of the run.
    public init(configuration: TrainingConfiguration, data: Matrix<Float>, seed: UInt64) {
        let architecture = configuration.architecture
        precondition(data.columns == architecture.pixels, "images have \(data.columns) pixels, the networks expect \(architecture.pixels)")
        self.configuration = configuration
        random = RandomSource(seed: seed)
        generator = architecture.generator(Float.self, pixelMeans: Self.columnMeans(data), using: random)
        discriminator = architecture.discriminator(Float.self, using: random)
        discriminatorStep = DiscriminatorStep(discriminator: discriminator)
        generatorStep = GeneratorStep(generator: generator, discriminator: discriminator, loss: configuration.generatorLoss)
        sampler = MinibatchSampler(data: data, batchSize: configuration.batchSize, random: random)
        real = Matrix(rows: configuration.batchSize, columns: architecture.pixels)
        noise = Matrix(rows: configuration.batchSize, columns: architecture.noiseDimension)
        if case .simultaneous = configuration.updateRule {
            // Deviation from the paper: the authors' code minimises half the
            // sum of D's two cross-entropies, i.e. ascends V̂/2 (Chapter 1).
            discriminatorStep.objectiveScale = 0.5
        }
    }

    /// Real minibatches each iteration uses: k for Algorithm 1, 1 for the simultaneous update.
    public var minibatchesPerIteration: Int {
        if case .alternating(let k) = configuration.updateRule { return k }
        return 1
    }

    public var learningRate: Float { Float(configuration.schedule.learningRate(afterMinibatches: minibatches)) }
    public var momentum: Float { Float(configuration.schedule.momentum(epoch: sampler.epoch)) }

    /// z ~ U[−√3, √3]^noiseDimension, one row per sample.
    public func drawNoise(into z: Matrix<Float>) {
        let range = configuration.architecture.noiseRange
        random.fillUniform(z, range.lowerBound, range.upperBound)
    }

    /// One iteration of the configured update rule.
    @discardableResult
    public func trainIteration() -> Statistics {
        let statistics: DiscriminatorStep<Float>.Objective
        switch configuration.updateRule {
        case .alternating(let k):
            var last: DiscriminatorStep<Float>.Objective?
            for _ in 0..<k {
                let (rate, mu) = (learningRate, momentum)
                sampler.next(into: real)
                drawNoise(into: noise)
                let generated = generator.forward(noise)
                last = discriminatorStep.step(real: real, generated: generated, learningRate: rate, momentum: mu)
                minibatches += 1
            }
            statistics = last!
            drawNoise(into: noise)
            generatorStep.step(noise: noise, learningRate: learningRate, momentum: momentum)
        case .simultaneous:
            let (rate, mu) = (learningRate, momentum)
            sampler.next(into: real)
            drawNoise(into: noise)
            let generated = generator.forward(noise)
            statistics = discriminatorStep.computeGradient(real: real, generated: generated)
            // G's gradient at the same θ_d, before either network moves.
            generatorStep.computeGradient(noise: noise)
            discriminatorStep.optimiser.step(discriminator, learningRate: rate, momentum: mu, direction: .ascend)
            generatorStep.optimiser.step(generator, learningRate: rate, momentum: mu, direction: .descend)
            minibatches += 1
        }
        iteration += 1
        let result = Statistics(
            value: statistics.value / Double(discriminatorStep.objectiveScale),
            meanRealProbability: statistics.meanRealProbability,
            meanGeneratedProbability: statistics.meanGeneratedProbability)
        record(result)
        return result
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

    /// Restores the recorded history (from a checkpoint).
    func restoreHistory(_ points: [HistoryPoint], window: [Double]) {
        history = points
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

    /// Restores counters from a checkpoint (parameters and random state are restored by the caller).
    func restoreCounters(iteration: Int, minibatches: Int) {
        self.iteration = iteration
        self.minibatches = minibatches
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
