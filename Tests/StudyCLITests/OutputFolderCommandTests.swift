import Foundation
import StudyProcess
import Testing

/// Two processes, one folder, as a user meets them: the second writer is
/// refused in one line naming the folder and the holder (exit 75) and
/// changes nothing; a killed holder leaves the folder usable at once.
/// Also the output paths that name no folder, and a study without its
/// resource folder.
@Suite(.serialized) struct OutputFolderCommandTests {
    /// Starts a long training run into `folder` and waits until it holds the folder.
    static func holder(_ folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = StudyProcess.study
        process.arguments = ["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300",
                             "--iterations", "1000000", "--seed", "5", "--output", folder.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let checkpoint = folder.appendingPathComponent("checkpoint.safetensors")
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: checkpoint.path) { usleep(10_000) }
        return process
    }

    @Test func secondWriter_isRefusedNamingTheHolder_andAKilledHolderFreesTheFolder() throws {
        let folder = StudyProcess.temporaryFolder("two-writers")
        let first = try Self.holder(folder)
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let checkpoint = folder.appendingPathComponent("checkpoint.safetensors")
        #expect(FileManager.default.fileExists(atPath: checkpoint.path), "the first run never wrote a checkpoint")

        for arguments in [["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300", "--iterations", "5",
                           "--seed", "6", "--overwrite", "--output", folder.path],
                          ["train", "--data", StudyProcess.dataFolder.path, "--iterations", "5", "--resume", "--output", folder.path],
                          ["sample", "--checkpoint", checkpoint.path, "--count", "4", "--output", folder.path]] {
            let second = try StudyProcess.run(arguments)
            let lines = second.output.split(separator: "\n")
            #expect(second.status == 75, "\(arguments[0]): \(second.output)")
            #expect(lines.count == 1 && second.output.contains("\(folder.path) is being written by process \(first.processIdentifier) (study train"),
                    "\(second.output)")
        }
        // Reading is allowed while the run writes: a checkpoint being trained can be sampled elsewhere.
        let elsewhere = StudyProcess.temporaryFolder("sampled-elsewhere")
        let sampled = try StudyProcess.run(["sample", "--checkpoint", checkpoint.path, "--count", "4", "--output", elsewhere.path])
        #expect(sampled.status == 0, "\(sampled.output)")

        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        // The killed run's checkpoint is whole, and the folder is free: a resume to an iteration it has passed just draws the figures.
        let next = try StudyProcess.run(["train", "--data", StudyProcess.dataFolder.path, "--iterations", "1", "--resume", "--output", folder.path])
        #expect(next.status == 0 && next.output.contains("nothing to train"), "\(next.output)")
    }

    @Test func outputNamingNoFolder_isAUsageOrCreateError_notARawOne() throws {
        let empty = try StudyProcess.run(["train", "--config", "small", "--iterations", "1", "--output", ""])
        #expect(empty.status == 64 && empty.output.contains("--output is empty; give a folder name"), "\(empty.output)")
        let file = StudyProcess.temporaryFolder("file-output").appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        for chapter in ["1", "2", "4"] {
            let result = try StudyProcess.run(["chapter", chapter, "--output", file.path])
            #expect(result.status == 73 && result.output.contains("\(file.path): it is a file, not a folder"), "\(result.output)")
            #expect(!result.output.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func studyWithoutItsResourceFolder_saysWhatIsMissing() throws {
        let bare = StudyProcess.temporaryFolder("bare")
        let copy = bare.appendingPathComponent("study")
        try FileManager.default.copyItem(at: StudyProcess.study, to: copy)
        let result = try StudyProcess.run(copy, ["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300",
                                                 "--iterations", "1", "--measure", "--output", bare.appendingPathComponent("run").path])
        #expect(result.status == 66, "\(result.output)")
        #expect(result.output.contains("GANStudy_Evaluation.resources must sit beside the study executable"), "\(result.output)")
        // Negative control: the study built with its resources finds the classifier (and refuses 4×4 images for another reason).
        let built = try StudyProcess.run(["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300",
                                          "--iterations", "1", "--measure", "--output", bare.appendingPathComponent("run2").path])
        #expect(!built.output.contains("must sit beside"), "\(built.output)")
    }
}
