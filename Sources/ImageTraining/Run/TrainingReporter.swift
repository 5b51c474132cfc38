import Foundation

/// Where a training run's words go: the lines of its log, and where it
/// stands after every iteration (a terminal draws a progress bar from it).
public protocol TrainingReporter: AnyObject {
    /// One line of the run's log.
    func log(_ line: String)
    /// After every iteration.
    func update(_ progress: TrainingRun.Progress)
}

extension TrainingRun {
    /// Where a run stands after an iteration.
    public struct Progress: Sendable {
        public var iteration: Int
        public var totalIterations: Int
        public var epoch: Int
        /// Iterations per second since this run (or its resumption) started.
        public var iterationsPerSecond: Double
        public var value: Double
        public var meanRealProbability: Double
        public var meanGeneratedProbability: Double
    }
}

/// Log lines on standard output, no progress display.
public final class PrintedTrainingLog: TrainingReporter {
    public init() {}
    public func log(_ line: String) { print(line) }
    public func update(_ progress: TrainingRun.Progress) {}
}
