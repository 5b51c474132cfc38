import AdversarialTraining
import Foundation
import GANCore
import GeneratorStep

/// Everything that defines an image-training run: networks, schedule,
/// minibatch size, update rule and generator loss. Stored in every checkpoint.
public struct TrainingRecipe: Codable, Equatable, Sendable {
    public var name: String
    public var architecture: MNISTArchitecture
    public var schedule: TrainingSchedule
    /// m in Algorithm 1.
    public var batchSize: Int
    public var updateRule: TrainingConfiguration.UpdateRule
    public var generatorLoss: GeneratorLoss

    public init(
        name: String, architecture: MNISTArchitecture, schedule: TrainingSchedule, batchSize: Int,
        updateRule: TrainingConfiguration.UpdateRule, generatorLoss: GeneratorLoss
    ) {
        self.name = name
        self.architecture = architecture
        self.schedule = schedule
        self.batchSize = batchSize
        self.updateRule = updateRule
        self.generatorLoss = generatorLoss
    }

    /// The authors' released MNIST setup: their networks, schedule and
    /// simultaneous update with the non-saturating loss.
    public static let authors = TrainingRecipe(
        name: "authors", architecture: MNISTArchitecture(), schedule: .authorsMNIST, batchSize: 100,
        updateRule: .simultaneous, generatorLoss: .nonSaturating)

    /// The same networks and schedule trained by Algorithm 1 as the paper
    /// writes it (k = 1), with the non-saturating loss that §3 recommends.
    public static let algorithm1 = TrainingRecipe(
        name: "algorithm1", architecture: MNISTArchitecture(), schedule: .authorsMNIST, batchSize: 100,
        updateRule: .algorithm1(k: 1), generatorLoss: .nonSaturating)

    /// A small version for tests and quick looks: the same layer types,
    /// a few hundred hidden units.
    public static let small: TrainingRecipe = {
        var architecture = MNISTArchitecture()
        architecture.noiseDimension = 20
        architecture.generatorHidden = 256
        architecture.discriminatorUnits = 64
        architecture.discriminatorPieces = 3
        return TrainingRecipe(
            name: "small", architecture: architecture, schedule: .authorsMNIST, batchSize: 100,
            updateRule: .algorithm1(k: 1), generatorLoss: .nonSaturating)
    }()

    public static let named: [TrainingRecipe] = [.authors, .algorithm1, .small]

    public static func named(_ name: String) -> TrainingRecipe? {
        named.first { $0.name == name }
    }

    /// Algorithm 1's knobs at the start of the run (epoch 1, no minibatch yet).
    ///
    /// Deviation from the authors' code: the learning rate decays once per
    /// iteration, which is once per minibatch for their simultaneous update
    /// and for k = 1, and once per k minibatches for larger k.
    public var initialConfiguration: TrainingConfiguration {
        var configuration = TrainingConfiguration(
            updateRule: updateRule, minibatchSize: batchSize,
            discriminatorLearningRate: schedule.initialLearningRate, generatorLearningRate: schedule.initialLearningRate,
            momentum: schedule.momentum(epoch: 1), generatorLoss: generatorLoss)
        configuration.learningRateDecay = schedule.decayFactor
        configuration.minimumLearningRate = schedule.minimumLearningRate
        return configuration
    }

    /// The recipe as one line of JSON, for checkpoint metadata.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
