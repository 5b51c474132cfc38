import Foundation

/// Progress of a training run: a live bar on a terminal, plain log lines
/// otherwise (so a log file or CI output stays readable).
final class TrainingProgress {
    struct Snapshot {
        var iteration: Int
        var totalIterations: Int
        var epoch: Int
        var value: Double
        var meanRealProbability: Double
        var meanGeneratedProbability: Double
    }

    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private let firstIteration: Int
    private var lastDraw = Date.distantPast
    private let write: (String) -> Void

    init(startingAt iteration: Int, write: @escaping (String) -> Void) {
        firstIteration = iteration
        self.write = write
    }

    /// Iterations per second since this run (or resume) started.
    func rate(at iteration: Int) -> Double {
        let elapsed = Date().timeIntervalSince(started)
        return elapsed > 0 ? Double(iteration - firstIteration) / elapsed : 0
    }

    func update(_ s: Snapshot) {
        guard isTerminal else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 || s.iteration == s.totalIterations else { return }
        lastDraw = now
        let rate = rate(at: s.iteration)
        let remaining = rate > 0 ? Double(s.totalIterations - s.iteration) / rate : 0
        let width = 24
        let filled = s.totalIterations > 0 ? width * s.iteration / s.totalIterations : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(
            format: "\r\u{1B}[Kepoch %d %@ %d/%d  %.1f it/s  ETA %@  V %.4f  D(x) %.3f  D(G(z)) %.3f",
            s.epoch, bar, s.iteration, s.totalIterations, rate, Self.clock(remaining) as NSString,
            s.value, s.meanRealProbability, s.meanGeneratedProbability)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// A line for the log, kept on screen (a terminal) or printed plainly.
    func log(_ line: String) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        write(line)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
