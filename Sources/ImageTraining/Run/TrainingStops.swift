import Foundation

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
