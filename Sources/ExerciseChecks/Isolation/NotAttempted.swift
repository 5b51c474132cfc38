import Foundation

/// Marks a stub's body as not yet written: the check reports the exercise
/// as not attempted. Every generated stub's body is this one call.
///
/// It ends the process: checks run a reader's code only in a process of
/// their own (`study exercises run-check`), which exits with
/// `CheckProcess.notAttempted` so that the `study` that started it can tell
/// an untouched stub from a wrong answer.
public func notAttempted(_ exercise: String) -> Never {
    CheckProcess.say("not attempted: the body of exercise \(exercise) is still the stub's notAttempted(\"\(exercise)\")")
    exit(CheckProcess.notAttempted)
}

/// How a check's own process tells its parent what happened.
public enum CheckProcess {
    /// The check ran to the end and every case passed.
    public static let passing: Int32 = 0
    /// The check ran to the end and a case failed.
    public static let failing: Int32 = 10
    /// The reader's function is still the stub (`notAttempted`).
    public static let notAttempted: Int32 = 11

    public static func status(of verdict: Verdict) -> Int32 {
        verdict == .passing ? passing : failing
    }

    /// Writes one line of the report at once, unbuffered, so that what was
    /// said before a trap reaches the parent.
    public static func say(_ line: String) {
        // What the reader's code printed comes first, in its order.
        fflush(nil)
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
