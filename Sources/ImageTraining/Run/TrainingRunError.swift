import Foundation

/// A training run refused to start, or a run's file could not be used: one
/// line naming the file, option or value, and the kind of refusal, so that a
/// command can choose its exit status.
public struct TrainingRunError: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An option is out of range or disagrees with the run it continues.
        case invalidOptions
        /// A file reads, but what it holds does not fit the run (other data, another run's record).
        case unsuitableData
        /// A file to read is missing or cannot be read.
        case missingInput
        /// The output folder holds a run that this one would replace.
        case occupiedOutput
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func options(_ message: String) -> TrainingRunError { TrainingRunError(.invalidOptions, message) }
    static func data(_ message: String) -> TrainingRunError { TrainingRunError(.unsuitableData, message) }
}

/// Training produced a non-finite number: it stops, and the last checkpoint (from before) is kept.
public struct TrainingDiverged: Error, CustomStringConvertible {
    public let iteration: Int
    public let quantity: String
    public let value: Double
    public let checkpoint: URL
    public var learningRate: Double? = nil

    public var description: String {
        let kept = FileManager.default.fileExists(atPath: checkpoint.path)
            ? "the last good checkpoint is \(checkpoint.path)" : "no checkpoint was written to \(checkpoint.path)"
        let rate = learningRate.map { " (the learning rate started at \($0))" } ?? ""
        return "training diverged at iteration \(iteration): \(quantity) is \(value)\(rate); \(kept)"
    }
}

/// SIGINT or SIGTERM stopped the run after it saved a checkpoint; a shell
/// reports such a stop as 128 + the signal's number.
public struct TrainingInterrupted: Error, CustomStringConvertible {
    public let signal: Int32
    public var description: String { "\(signal == SIGTERM ? "terminated" : "interrupted") by signal \(signal)" }
}
