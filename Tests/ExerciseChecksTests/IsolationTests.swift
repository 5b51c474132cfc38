import ExerciseChecks
import Foundation
import StudyProcess
import Testing

/// A reader's code runs in a child process: the untouched stub, an endless
/// loop, a trap and a wrong answer each get one report and exit 1, and
/// `study` itself never crashes or hangs. These run the behaviours that stand
/// in for a reader's body (`--planted`), never the reader's own code.
@Suite struct IsolationTests {
    @Test(arguments: Catalogue.all.map(\.info.number))
    func untouchedStub_isReportedNotAttempted(_ number: String) throws {
        let result = try StudyProcess.run(CheckSession.childArguments(number, subject: .planted("stub"), seed: 1))
        #expect(result.status == CheckProcess.notAttempted, "\(number): \(result.output)")
        #expect(result.output.contains("not attempted"))
    }

    @Test func untouchedStub_throughStudyCheck_saysNotAttemptedAndExitsOne() throws {
        let result = try StudyProcess.run(["check", "3.1", "--planted", "stub", "--seed", "1"])
        #expect(result.status == 1)
        #expect(result.output.contains("not attempted: the body is still the stub's notAttempted(\"3.1\")"), "\(result.output)")
    }

    @Test func endlessLoop_isStoppedAtTheTimeLimitAndReportedAsFailing() throws {
        let start = Date()
        let result = try StudyProcess.run(["check", "2.2", "--planted", "endless-loop", "--seed", "1", "--time-limit", "1"])
        #expect(result.status == 1)
        #expect(result.output.contains("failing: the check did not finish within 1 s and was stopped"), "\(result.output)")
        #expect(Date().timeIntervalSince(start) < 30, "study waited far beyond its time limit")
    }

    @Test func trap_isReportedWithWhereItHappened() throws {
        let result = try StudyProcess.run(["check", "2.2", "--planted", "trap", "--seed", "1"])
        #expect(result.status == 1)
        #expect(result.output.contains("failing: the check's process stopped by a trap"), "\(result.output)")
        #expect(result.output.contains("at Sources/ExerciseChecks/"), "the backtrace's file and line are missing:\n\(result.output)")
    }

    @Test func wrongAnswer_getsItsDiagnosisAndExitsOne() throws {
        let result = try StudyProcess.run(["check", "2.3", "--planted", "mask-forgotten", "--seed", "1"])
        #expect(result.status == 1)
        #expect(result.output.contains("hint: the dropout mask is forgotten"), "\(result.output)")
    }

    @Test func everySolution_passesThroughTheChildProcessesAndExitsZero() throws {
        let result = try StudyProcess.run(["check", "--solution", "--seed", "5"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("\(Catalogue.all.count) passing, 0 failing, 0 not attempted of \(Catalogue.all.count)\n"), "\(result.output.suffix(300))")
    }

    @Test func unknownExercise_exitsWithUsageAndListsTheValidOnes() throws {
        let result = try StudyProcess.run(["check", "9.9"])
        #expect(result.status == 64)
        #expect(result.output.contains("no exercise '9.9'; the exercises are 1: 1.1 1.2"), "\(result.output)")
        let reset = try StudyProcess.run(["exercises", "reset", "0.1"])
        #expect(reset.status == 64)
        let planted = try StudyProcess.run(["check", "2.2", "--planted", "nothing-like-it"])
        #expect(planted.status == 64)
        #expect(planted.output.contains("every-piece"), "\(planted.output)")
    }

    /// The list's statuses are the reader's; only their form is checked.
    @Test func list_hasOneRowPerExerciseWithAStatus() throws {
        let result = try StudyProcess.run(["exercises", "--time-limit", "2"])
        #expect(result.status == 0, "\(result.output)")
        let rows = result.output.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains("Sources/Exercises/") }
        #expect(rows.count == Catalogue.all.count)
        for row in rows {
            #expect(["not attempted", "passing", "failing"].contains { row.contains($0) }, "\(row)")
        }
    }
}
