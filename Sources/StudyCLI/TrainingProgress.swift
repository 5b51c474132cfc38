import Foundation
import ImageTraining

/// Progress of a training run: a live bar on a terminal, plain log lines
/// otherwise (so a log file or CI output stays readable).
final class TrainingProgress: TrainingReporter {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast
    /// A bar is on the screen, to be cleared before the next log line.
    private var barShown = false

    func update(_ p: TrainingRun.Progress) {
        guard isTerminal else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 || p.iteration == p.totalIterations else { return }
        lastDraw = now
        let rate = p.iterationsPerSecond
        let remaining = rate > 0 ? Double(p.totalIterations - p.iteration) / rate : 0
        let width = 24
        let filled = p.totalIterations > 0 ? width * p.iteration / p.totalIterations : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(
            format: "\r\u{1B}[Kepoch %d %@ %d/%d  %.1f it/s  ETA %@  V %.4f  D(x) %.3f  D(G(z)) %.3f",
            p.epoch, bar, p.iteration, p.totalIterations, rate, Self.clock(remaining) as NSString,
            p.value, p.meanRealProbability, p.meanGeneratedProbability)
        FileHandle.standardError.write(Data(line.utf8))
        barShown = true
    }

    /// A line for the log, kept on screen (a terminal) or printed plainly.
    func log(_ line: String) {
        if barShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        barShown = false
        print(line)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
