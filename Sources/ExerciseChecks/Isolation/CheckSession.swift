import Foundation

/// Checks exercises as `study check` and `study exercises` do: each in a
/// process of its own (`study exercises run-check`), with a time limit, so
/// that whatever the reader's code does, the caller carries on.
public struct CheckSession {
    /// Which implementation the child checks.
    public enum Subject: Sendable, Equatable {
        case reader
        case solution
        /// A planted mistake by name, or a behaviour (`endless-loop`, `trap`, `stub`).
        case planted(String)

        var arguments: [String] {
            switch self {
            case .reader: []
            case .solution: ["--solution"]
            case .planted(let name): ["--planted", name]
            }
        }

        var phrase: String {
            switch self {
            case .reader: "your answer"
            case .solution: "the shipped solution"
            case .planted(let name): "the planted mistake '\(name)'"
            }
        }
    }

    /// What a check came to.
    public enum Status: Sendable, Equatable {
        case notAttempted
        case passing
        /// Wrong, or it trapped, timed out or exited: `reason` says which when it is not a wrong answer.
        case failing(reason: String?)

        /// The listing's words: `not attempted`, `passing`, `failing` (with why, when it did not finish).
        public var words: String {
            switch self {
            case .notAttempted: "not attempted"
            case .passing: "passing"
            case .failing(let reason?): "failing (\(reason))"
            case .failing(nil): "failing"
            }
        }
    }

    public let executable: URL
    public let timeLimit: Double
    /// How many of a child's first lines, and of its last, a report keeps.
    static let keptLines = 200

    public init(executable: URL, timeLimit: Double) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    /// The arguments of the child that checks `exercise`.
    public static func childArguments(_ number: String, subject: Subject, seed: UInt64) -> [String] {
        ["exercises", "run-check", number, "--seed", String(seed)] + subject.arguments
    }

    /// Checks one exercise and writes its report: what is checked, the
    /// child's lines, and what happened if it did not finish.
    public func check(_ exercise: AnyExercise, subject: Subject, seed: UInt64, write: (String) -> Void) throws -> Status {
        let info = exercise.info
        write("Exercise \(info.number): \(info.title) (\(info.kind.rawValue))")
        let place = subject == .reader ? " in \(info.file)" : ""
        write("checking \(subject.phrase)\(place) at seed \(seed) (--seed \(seed) repeats these inputs)")
        // A report is tens of lines; an answer that prints without end is cut
        // in the middle, keeping the report's start and its verdict at the end.
        var head: [String] = [], tail: [String] = [], dropped = 0
        let outcome = try IsolatedCheck(executable: executable, timeLimit: timeLimit)
            .run(Self.childArguments(info.number, subject: subject, seed: seed)) { line in
                if head.count < Self.keptLines { head.append(line); return }
                tail.append(line)
                if tail.count > Self.keptLines { tail.removeFirst(); dropped += 1 }
            }
        let lines = head + (dropped > 0 ? ["(\(dropped) lines of output left out)"] : []) + tail
        switch outcome {
        case .notAttempted:
            write("not attempted: the body is still the stub's notAttempted(\"\(info.number)\"); write your answer in \(info.file)")
            return .notAttempted
        case .finished(let verdict):
            lines.forEach { write($0) }
            return verdict == .passing ? .passing : .failing(reason: nil)
        case .timedOut(let seconds):
            lines.forEach { write($0) }
            write("failing: the check did not finish within \(Self.seconds(seconds)) s and was stopped: an endless loop, or work far beyond what the inputs above need (--time-limit gives it longer)")
            return .failing(reason: "did not finish in \(Self.seconds(seconds)) s")
        case .crashed(let description, let details):
            lines.forEach { write($0) }
            write("failing: the check's process \(description)")
            details.forEach { write("  " + $0) }
            if details.isEmpty { write("  (its backtrace named no source line)") }
            return .failing(reason: "crashed")
        }
    }

    /// The status of one exercise, without its report.
    public func status(_ exercise: AnyExercise, subject: Subject = .reader, seed: UInt64) throws -> Status {
        try check(exercise, subject: subject, seed: seed) { _ in }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
