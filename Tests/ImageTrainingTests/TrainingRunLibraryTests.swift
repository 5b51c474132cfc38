import FileFormats
import Foundation
import ImageTraining
import StudyProcess
import Testing

/// `TrainingRun` called from Swift, as any program can call it: the run
/// `study train` makes with the same options, and the same refusals.
@Suite(.serialized) struct TrainingRunLibraryTests {
    /// Keeps what a run reports.
    final class Recorder: TrainingReporter {
        var lines: [String] = []
        var progress: [TrainingRun.Progress] = []
        func log(_ line: String) { lines.append(line) }
        func update(_ progress: TrainingRun.Progress) { self.progress.append(progress) }
    }

    /// `StudyProcess.train(folder, iterations:)`'s options.
    static func options(_ folder: URL, iterations: Int) -> TrainingRun.Options {
        var options = TrainingRun.Options(output: folder)
        options.recipeName = "small"
        options.dataFolder = StudyProcess.dataFolder.path
        options.rows = 300
        options.iterations = iterations
        options.seed = 5
        return options
    }

    @Test func libraryRun_writesTheCheckpointStudyTrainWrites_andReportsEveryIteration() throws {
        let library = StudyProcess.temporaryFolder("library"), command = StudyProcess.temporaryFolder("command")
        let recorder = Recorder()
        try TrainingRun(Self.options(library, iterations: 4), reporter: recorder).run()
        let trained = try StudyProcess.train(command, iterations: 4)
        #expect(trained.status == 0, "\(trained.output)")
        let name = TrainingCheckpoint.fileName
        let a = try Data(contentsOf: library.appendingPathComponent(name)), b = try Data(contentsOf: command.appendingPathComponent(name))
        #expect(a == b, "the library's checkpoint differs from study train's")
        #expect(recorder.progress.map(\.iteration) == [1, 2, 3, 4])
        #expect(recorder.progress.allSatisfy { $0.totalIterations == 4 })
        #expect(recorder.lines.last == "checkpoint: \(library.appendingPathComponent(name).path)")
        // What study train printed is the library's log, line for line (its output holds nothing else when not on a terminal).
        let printed = trained.output.split(separator: "\n").map(String.init)
        #expect(printed.count == recorder.lines.count)
        #expect(zip(printed, recorder.lines).allSatisfy { $0.hasPrefix("epoch") || $0.replacingOccurrences(of: command.path, with: library.path) == $1 })
    }

    @Test func libraryRun_negativeControl_anotherSeedWritesAnotherCheckpoint() throws {
        let a = StudyProcess.temporaryFolder("library-seed5"), b = StudyProcess.temporaryFolder("library-seed6")
        try TrainingRun(Self.options(a, iterations: 2), reporter: Recorder()).run()
        var other = Self.options(b, iterations: 2)
        other.seed = 6
        try TrainingRun(other, reporter: Recorder()).run()
        let name = TrainingCheckpoint.fileName
        #expect(try Data(contentsOf: a.appendingPathComponent(name)) != Data(contentsOf: b.appendingPathComponent(name)))
    }

    @Test func libraryRun_refusesToReplaceARun_andToResumeWithAnotherSeed() throws {
        let folder = StudyProcess.temporaryFolder("library-refusals")
        try TrainingRun(Self.options(folder, iterations: 2), reporter: Recorder()).run()
        let before = try Data(contentsOf: folder.appendingPathComponent(TrainingCheckpoint.fileName))

        let again = #expect(throws: Refusal.self) { try TrainingRun(Self.options(folder, iterations: 3), reporter: Recorder()).run() }
        #expect(again?.kind == .occupiedOutput)
        var resume = Self.options(folder, iterations: 3)
        resume.resume = true
        resume.seed = 6
        let disagreeing = #expect(throws: Refusal.self) { try TrainingRun(resume, reporter: Recorder()).run() }
        #expect(disagreeing?.kind == .invalidOptions)
        #expect(disagreeing?.description.contains("--seed 6 (the checkpoint's is 5)") == true)
        #expect(try Data(contentsOf: folder.appendingPathComponent(TrainingCheckpoint.fileName)) == before, "a refusal changed the run")

        resume.seed = nil
        try TrainingRun(resume, reporter: Recorder()).run()
        #expect(try Data(contentsOf: folder.appendingPathComponent(TrainingCheckpoint.fileName)) != before, "the resumed run did not continue")
    }
}
