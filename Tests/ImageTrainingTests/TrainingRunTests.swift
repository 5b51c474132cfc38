import Figures
import FileFormats
import Foundation
import GANCore
import ImageTraining
import StudyProcess
import Testing

/// `study train` as a user runs it: in fresh processes, on a small data set
/// written here, checking resume, checkpoints and failures end to end.
@Suite(.serialized) struct TrainingRunTests {
    @Test(arguments: ["small", "authors"])
    func resumedRun_matchesAnUninterruptedOneBitForBit(config: String) throws {
        let straight = StudyProcess.temporaryFolder("straight"), resumed = StudyProcess.temporaryFolder("resumed")
        // 300 rows in minibatches of 100: 3 per epoch, so 7 iterations cross two epoch boundaries.
        let a = try StudyProcess.train(straight, iterations: 7, config: config)
        #expect(a.status == 0, "\(a.output)")
        let b1 = try StudyProcess.train(resumed, iterations: 4, config: config)
        #expect(b1.status == 0, "\(b1.output)")
        let b2 = try StudyProcess.train(resumed, iterations: 7, resume: true, config: config)
        #expect(b2.status == 0 && b2.output.contains("resuming at iteration 4"), "\(b2.output)")

        let one = try Safetensors(contentsOf: straight.appendingPathComponent("checkpoint.safetensors"))
        let two = try Safetensors(contentsOf: resumed.appendingPathComponent("checkpoint.safetensors"))
        #expect(one.tensors.keys.sorted() == two.tensors.keys.sorted())
        for name in one.tensors.keys.sorted() {
            #expect(one.tensors[name] == two.tensors[name], "tensor \(name) differs after resuming")
        }
        #expect(one.metadata == two.metadata)
        #expect(try one.metadataValue("iteration") == "7")
    }

    /// The paired schedule (two single-threaded products at a time) trains
    /// the same run every time, and a run of its own: splitting a product's
    /// rows lets OpenBLAS block the halves differently from the whole, so it
    /// rounds unlike the threaded schedule, which is why a record names its schedule.
    @Test func pairedSchedule_isRepeatable_andAnotherRunThanThreaded() throws {
        let folders = (0..<3).map { StudyProcess.temporaryFolder("schedule-\($0)") }
        let common = ["train", "--config", "authors", "--data", StudyProcess.dataFolder.path, "--rows", "300", "--iterations", "3", "--seed", "5"]
        let schedules = [["--schedule", "paired"], ["--schedule", "paired"], ["--schedule", "threaded", "--threads", "1"]]
        for (folder, schedule) in zip(folders, schedules) {
            let result = try StudyProcess.run(common + schedule + ["--output", folder.path])
            #expect(result.status == 0, "\(result.output)")
        }
        let runs = try folders.map { try Safetensors(contentsOf: $0.appendingPathComponent("checkpoint.safetensors")) }
        let names = runs[0].tensors.keys.sorted()
        #expect(names.allSatisfy { runs[0].tensors[$0] == runs[1].tensors[$0] }, "two paired runs differ")
        #expect(!names.allSatisfy { runs[0].tensors[$0] == runs[2].tensors[$0] }, "paired and threaded agree bit for bit")
        let wrong = try StudyProcess.run(common + ["--schedule", "paired", "--threads", "2", "--output", folders[0].path, "--overwrite"])
        #expect(wrong.status != 0 && wrong.output.contains("--threads 2 needs --schedule threaded"), "\(wrong.output)")
    }

    @Test func resumedRun_negativeControl_aDifferentSeedDiffers() throws {
        let first = StudyProcess.temporaryFolder("seed5"), second = StudyProcess.temporaryFolder("seed6")
        _ = try StudyProcess.train(first, iterations: 2)
        _ = try StudyProcess.run(["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300", "--iterations", "2",
                          "--seed", "6", "--output", second.path])
        let one = try Safetensors(contentsOf: first.appendingPathComponent("checkpoint.safetensors"))
        let two = try Safetensors(contentsOf: second.appendingPathComponent("checkpoint.safetensors"))
        #expect(one.tensors["generator.0.weight"] != two.tensors["generator.0.weight"])
    }

    @Test func checkpoint_loadsAsPyTorchLayoutTensors() throws {
        let folder = StudyProcess.temporaryFolder("layout")
        _ = try StudyProcess.train(folder, iterations: 1)
        let file = try Safetensors(contentsOf: folder.appendingPathComponent("checkpoint.safetensors"))
        // small: G 20 → 256 → 256 → 16 pixels; D 16 → maxout 64×3 → maxout 64×3 → 1, with dropout layers at 0, 3, 6.
        #expect(try file.tensor(named: "generator.0.weight").shape == [256, 20])
        #expect(try file.tensor(named: "generator.4.bias").shape == [16])
        #expect(try file.tensor(named: "discriminator.1.weight").shape == [192, 16])
        #expect(try file.tensor(named: "discriminator.7.weight").shape == [1, 64])
        #expect(try file.tensor(named: "momentum.discriminator.7.bias").shape == [1])
    }

    @Test func sample_writesAGridAndTensors() throws {
        let run = StudyProcess.temporaryFolder("sample-run"), samples = StudyProcess.temporaryFolder("samples")
        _ = try StudyProcess.train(run, iterations: 1)
        let result = try StudyProcess.run(["sample", "--checkpoint", run.appendingPathComponent("checkpoint.safetensors").path,
                                   "--count", "12", "--seed", "3", "--output", samples.path])
        #expect(result.status == 0, "\(result.output)")
        let file = try Safetensors(contentsOf: samples.appendingPathComponent("samples.safetensors"))
        #expect(try file.tensor(named: "z").shape == [12, 20] && file.tensor(named: "x").shape == [12, 16])
        let x = try file.values(named: "x", shape: [12, 16], as: Float.self)
        #expect(x.allSatisfy { (0...1).contains($0) })
        _ = try RasterImage(contentsOf: samples.appendingPathComponent("samples.png"), format: .gray)
    }

    @Test func corruptCheckpoint_isRejectedAndLeftAlone() throws {
        let folder = StudyProcess.temporaryFolder("corrupt")
        let checkpoint = folder.appendingPathComponent("checkpoint.safetensors")
        _ = try StudyProcess.train(folder, iterations: 1)
        var bytes = try Data(contentsOf: checkpoint)
        bytes.removeLast(100)
        try bytes.write(to: checkpoint)
        let result = try StudyProcess.train(folder, iterations: 2, resume: true)
        #expect(result.status != 0)
        #expect(result.output.contains(checkpoint.path), "the message names the file: \(result.output)")
        #expect(!result.output.contains("Fatal error"), "no crash: \(result.output)")
        #expect(try Data(contentsOf: checkpoint) == bytes, "the file is left as it was")
    }

    @Test func divergingRun_stopsNamingTheStepAndKeepsTheLastGoodCheckpoint() throws {
        let folder = StudyProcess.temporaryFolder("diverge")
        let checkpoint = folder.appendingPathComponent("checkpoint.safetensors")
        _ = try StudyProcess.train(folder, iterations: 3)
        let good = try Data(contentsOf: checkpoint)
        // A fresh run in the same folder (replacing it on purpose) whose learning rate makes it blow up before its first epoch ends.
        let result = try StudyProcess.run(["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300", "--iterations", "50",
                                   "--learning-rate", "1e30", "--overwrite", "--output", folder.path])
        #expect(result.status != 0)
        #expect(result.output.contains("training diverged at iteration"), "\(result.output)")
        #expect(try Data(contentsOf: checkpoint) == good, "the last good checkpoint is kept")
    }

    /// Ctrl-C (SIGINT, status 130) and a scheduler's SIGTERM (143) save a
    /// checkpoint that resumes, and the resumed run ends bit for bit where a
    /// run never interrupted ends.
    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedRun_savesACheckpointThatResumesBitForBit(signal: Int32) throws {
        let folder = StudyProcess.temporaryFolder("interrupt-\(signal)")
        let process = Process()
        process.executableURL = StudyProcess.study
        process.arguments = ["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300",
                             "--iterations", "1000000", "--output", folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Wait until training is under way (the first epoch's checkpoint exists), then send the signal.
        let checkpoint = folder.appendingPathComponent("checkpoint.safetensors")
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: checkpoint.path) { usleep(50_000) }
        kill(process.processIdentifier, signal)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == (signal == SIGINT ? 130 : 143), "\(output)")
        #expect(output.contains(signal == SIGINT ? "interrupted at iteration" : "terminated at iteration"), "\(output)")
        let saved = try Safetensors(contentsOf: checkpoint)
        let iteration = try #require(Int(try saved.metadataValue("iteration")))
        #expect(iteration >= 3)
        let common = ["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300", "--iterations", String(iteration + 2)]
        let resumed = try StudyProcess.run(common + ["--resume", "--output", folder.path])
        #expect(resumed.status == 0 && resumed.output.contains("resuming at iteration \(iteration)"), "\(resumed.output)")

        let straight = StudyProcess.temporaryFolder("uninterrupted-\(signal)")
        let uninterrupted = try StudyProcess.run(common + ["--output", straight.path])
        #expect(uninterrupted.status == 0, "\(uninterrupted.output)")
        let one = try Safetensors(contentsOf: checkpoint)
        let two = try Safetensors(contentsOf: straight.appendingPathComponent("checkpoint.safetensors"))
        #expect(one.tensors.keys.sorted() == two.tensors.keys.sorted())
        let differing = one.tensors.keys.sorted().filter { one.tensors[$0] != two.tensors[$0] }
        #expect(differing.isEmpty, "tensors that differ after resuming: \(differing)")
        #expect(one.metadata == two.metadata)
    }

    @Test func missingData_givesOneClearError() throws {
        let result = try StudyProcess.run(["train", "--data", "/nonexistent/folder", "--iterations", "1", "--output", StudyProcess.temporaryFolder("missing").path])
        #expect(result.status != 0)
        #expect(result.output.contains("/nonexistent/folder"), "\(result.output)")
    }

    @Test func unwritableOutput_givesOneClearError() throws {
        let file = StudyProcess.temporaryFolder("blocker").appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let result = try StudyProcess.train(file.appendingPathComponent("inside"), iterations: 1)
        #expect(result.status != 0)
        #expect(result.output.contains("cannot write to output folder"), "\(result.output)")
    }

    @Test func updateRuleAndLoss_canBeChosen() throws {
        let folder = StudyProcess.temporaryFolder("rule")
        let result = try StudyProcess.run(["train", "--config", "small", "--data", StudyProcess.dataFolder.path, "--rows", "300", "--iterations", "2",
                                   "--k", "2", "--generator-loss", "saturating", "--output", folder.path])
        #expect(result.status == 0 && result.output.contains("Algorithm 1, k = 2"), "\(result.output)")
        let file = try Safetensors(contentsOf: folder.appendingPathComponent("checkpoint.safetensors"))
        let recipe = try TrainingCheckpoint.recipe(of: file)
        #expect(recipe.updateRule == .algorithm1(k: 2) && recipe.generatorLoss == .saturating)
        let bad = try StudyProcess.run(["train", "--generator-loss", "bogus", "--iterations", "1"])
        #expect(bad.status == 64 && bad.output.contains("--generator-loss must be one of"), "\(bad.output)")
    }

    @Test func unknownConfiguration_isAUsageError() throws {
        let result = try StudyProcess.run(["train", "--config", "nonesuch", "--iterations", "1"])
        #expect(result.status == 64, "\(result.output)")
        #expect(result.output.contains("authors, algorithm1, small"))
    }
}
