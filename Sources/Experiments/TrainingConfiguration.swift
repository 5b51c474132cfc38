import Foundation
import GANCore
import GeneratorStep

/// Everything that defines an image-training run: networks, schedule,
/// minibatch size and update rule. Stored in every checkpoint.
public struct TrainingConfiguration: Codable, Equatable, Sendable {
    /// How D and G take turns.
    public enum UpdateRule: Codable, Equatable, Sendable, CustomStringConvertible {
        /// Algorithm 1: k ascent steps of D, each on a fresh minibatch, then one step of G.
        case alternating(discriminatorSteps: Int)
        /// The authors' released code: D's and G's gradients from the same
        /// minibatch and the same parameters, applied together.
        case simultaneous

        public var description: String {
            switch self {
            case .alternating(let k): "Algorithm 1 (k = \(k))"
            case .simultaneous: "simultaneous (authors' code)"
            }
        }
    }

    public var name: String
    public var architecture: MNISTArchitecture
    public var schedule: TrainingSchedule
    /// m in Algorithm 1.
    public var batchSize: Int
    public var updateRule: UpdateRule
    public var generatorLoss: GeneratorLoss

    public init(
        name: String, architecture: MNISTArchitecture, schedule: TrainingSchedule, batchSize: Int,
        updateRule: UpdateRule, generatorLoss: GeneratorLoss
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
    public static let authors = TrainingConfiguration(
        name: "authors", architecture: MNISTArchitecture(), schedule: .authorsMNIST, batchSize: 100,
        updateRule: .simultaneous, generatorLoss: .nonSaturating)

    /// The same networks and schedule trained by Algorithm 1 as the paper
    /// writes it (k = 1), with the non-saturating loss that §3 recommends.
    public static let algorithm1 = TrainingConfiguration(
        name: "algorithm1", architecture: MNISTArchitecture(), schedule: .authorsMNIST, batchSize: 100,
        updateRule: .alternating(discriminatorSteps: 1), generatorLoss: .nonSaturating)

    /// A small version for tests and quick looks: the same layer types,
    /// a few hundred hidden units.
    public static let small: TrainingConfiguration = {
        var architecture = MNISTArchitecture()
        architecture.noiseDimension = 20
        architecture.generatorHidden = 256
        architecture.discriminatorUnits = 64
        architecture.discriminatorPieces = 3
        return TrainingConfiguration(
            name: "small", architecture: architecture, schedule: .authorsMNIST, batchSize: 100,
            updateRule: .alternating(discriminatorSteps: 1), generatorLoss: .nonSaturating)
    }()

    public static let named: [TrainingConfiguration] = [.authors, .algorithm1, .small]

    public static func named(_ name: String) -> TrainingConfiguration? {
        named.first { $0.name == name }
    }

    enum CodingKeys: String, CodingKey {
        case name, architecture, schedule, batchSize, updateRule, generatorLoss
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        architecture = try c.decode(MNISTArchitecture.self, forKey: .architecture)
        schedule = try c.decode(TrainingSchedule.self, forKey: .schedule)
        batchSize = try c.decode(Int.self, forKey: .batchSize)
        updateRule = try c.decode(UpdateRule.self, forKey: .updateRule)
        let loss = try c.decode(String.self, forKey: .generatorLoss)
        guard let generatorLoss = GeneratorLoss(rawValue: loss) else {
            throw DecodingError.dataCorruptedError(forKey: .generatorLoss, in: c, debugDescription: "unknown generator loss '\(loss)'")
        }
        self.generatorLoss = generatorLoss
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(architecture, forKey: .architecture)
        try c.encode(schedule, forKey: .schedule)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(updateRule, forKey: .updateRule)
        try c.encode(generatorLoss.rawValue, forKey: .generatorLoss)
    }

    /// The configuration as one line of JSON, for checkpoint metadata.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }
}
