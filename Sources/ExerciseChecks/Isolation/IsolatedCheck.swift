import Foundation

/// Runs a check in a process of its own, with a time limit, so that a
/// reader's code that traps, loops forever or exits cannot take the caller
/// down. The child's report is passed on line by line as it comes.
public struct IsolatedCheck {
    /// How the child ended.
    public enum Outcome: Equatable, Sendable {
        case finished(Verdict)
        case notAttempted
        /// Still running when the time limit came; it was killed.
        case timedOut(seconds: Double)
        /// Killed by a signal (a trap is SIGILL or SIGTRAP) or exited with
        /// another status; `details` holds what it said on stderr that tells where.
        case crashed(description: String, details: [String])

        public var verdict: Verdict? {
            if case .finished(let verdict) = self { return verdict }
            return nil
        }
    }

    public let executable: URL
    public let timeLimit: Double

    public init(executable: URL, timeLimit: Double) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    /// Runs `executable arguments…`, passing each line it prints to `write`.
    public func run(_ arguments: [String], write: (String) -> Void) throws -> Outcome {
        let child = try ChildProcess(executable: executable, arguments: arguments)
        let deadline = Date().addingTimeInterval(timeLimit)
        var pending = Data(), complaints = Data()
        var open = (output: true, errors: true)
        while open.output || open.errors {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                child.kill()
                flushLines(&pending, final: true, write)
                return .timedOut(seconds: timeLimit)
            }
            let ready = child.poll(milliseconds: Int32(min(remaining, 0.25) * 1000))
            if ready.output {
                let data = child.readOutput()
                if data.isEmpty { open.output = false } else { pending.append(data); flushLines(&pending, final: false, write) }
            }
            if ready.errors {
                let data = child.readErrors()
                if data.isEmpty { open.errors = false } else if complaints.count < 1 << 20 { complaints.append(data) }
            }
            if ready.hangUp && !ready.output && !ready.errors { break }
        }
        flushLines(&pending, final: true, write)
        let ending = child.wait(until: deadline)
        switch ending {
        case .exited(CheckProcess.passing): return .finished(.passing)
        case .exited(CheckProcess.failing): return .finished(.failing)
        case .exited(CheckProcess.notAttempted): return .notAttempted
        case .exited(let status):
            return .crashed(description: "exited with status \(status)", details: CrashReport.lines(complaints))
        case .signalled(let signal):
            return .crashed(description: CrashReport.describe(signal: signal), details: CrashReport.lines(complaints))
        case .stillRunning:
            child.kill()
            return .timedOut(seconds: timeLimit)
        }
    }

    private func flushLines(_ pending: inout Data, final: Bool, _ write: (String) -> Void) {
        while let newline = pending.firstIndex(of: 0x0A) {
            write(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...newline)
        }
        if final && !pending.isEmpty {
            write(String(decoding: pending, as: UTF8.self))
            pending.removeAll()
        }
    }
}

/// What a crashed check said on stderr, cut to the lines that tell what and where.
enum CrashReport {
    static func describe(signal: Int32) -> String {
        switch signal {
        case SIGILL, SIGTRAP: "stopped by a trap (signal \(signal)): a Swift runtime error such as an index out of range, a failed precondition or fatalError"
        case SIGSEGV, SIGBUS: "crashed on a bad memory access (signal \(signal))"
        case SIGFPE: "stopped by an arithmetic trap (signal \(signal)), such as an integer division by zero"
        case SIGABRT: "aborted (signal \(signal))"
        case SIGKILL: "was killed (signal \(signal)), perhaps for using too much memory"
        default: "was killed by signal \(signal)"
        }
    }

    /// The runtime's message ("…: Fatal error: Index out of range") and
    /// where the crash happened: the backtrace's first frame with a source
    /// line, and every frame in the reader's exercises.
    static func lines(_ stderr: Data) -> [String] {
        let text = String(decoding: stderr, as: UTF8.self).components(separatedBy: "\n")
        let messages = text.filter { $0.contains("Fatal error") || $0.contains("Precondition failed") || $0.contains("Assertion failed") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let frames = text.compactMap(frame)
        let reader = frames.filter { $0.contains("Sources/Exercises/") }
        let located = (frames.first.map { [$0] } ?? []) + reader
        var seen = Set<String>()
        return Array((messages + located.map { "at " + $0 }).filter { seen.insert($0).inserted }.prefix(6))
    }

    /// "Sources/Exercises/Chapter2/X.swift:14, in maxoutBackward(…)" from a
    /// backtrace line "  3  0x… maxoutBackward(…) + 12 in study at /…/Sources/Exercises/Chapter2/X.swift:14:9".
    static func frame(_ line: String) -> String? {
        guard let at = line.range(of: " in study at ", options: .backwards) ?? line.range(of: " at /", options: .backwards),
              !line.contains("<compiler-generated>") else { return nil }
        var location = String(line[at.upperBound...])
        if let sources = location.range(of: "Sources/") { location = String(location[sources.lowerBound...]) }
        let parts = location.split(separator: ":")
        if parts.count >= 3 { location = parts.dropLast().joined(separator: ":") }
        let head = line[..<at.lowerBound].split(separator: " ", omittingEmptySubsequences: true)
        guard let address = head.firstIndex(where: { $0.hasPrefix("0x") }) else { return location }
        let function = head[(address + 1)...].prefix { $0 != "+" }.joined(separator: " ")
        return function.isEmpty ? location : "\(location), in \(function)"
    }
}
