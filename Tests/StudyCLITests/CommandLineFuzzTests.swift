import Foundation
import StudyProcess
import Testing

/// The bounded share of `tools/fuzz-cli`: `study` run as a process on bad
/// input of every class the harness knows (checkpoint semantics, data,
/// images, the command line, outputs, signals, kills, resume mismatches).
/// It fails on any crash, hang, lost file or unclear message; the
/// self-test first shows that the harness flags known-bad outcomes.
@Suite(.serialized) struct CommandLineFuzzTests {
    static let harness = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tools/fuzz-cli")

    static func runHarness(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try StudyProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                 ["python3", harness.path, "--study", StudyProcess.study.path] + arguments)
    }

    @Test func harness_flagsKnownBadOutcomes() throws {
        let result = try Self.runHarness(["--self-test"])
        #expect(result.status == 0 && result.output.contains("every known-bad outcome is flagged"), "\(result.output)")
    }

    /// 150 cases, seed 11: about a minute on 2 cores. `tools/fuzz-cli` runs 1 200 or more.
    @Test func boundedRun_findsNoCrashHangLostFileOrUnclearMessage() throws {
        let result = try Self.runHarness(["--cases", "150", "--seed", "11"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("0 crashes, 0 hangs, 0 lost files, 0 unclear"), "\(result.output)")
    }
}
