import Foundation
import StudyProcess
import Testing

/// `study openings` (Chapter 7 over seeds) as a user runs it: bad arguments
/// get one clear message and a usage status; a short run prints its table.
@Suite struct OpeningsCommandTests {
    @Test(arguments: [
        (["--seeds", "1,x"], "--seeds must be comma-separated whole numbers such as 1,2,3, got '1,x'"),
        (["--seeds", ""], "--seeds must be comma-separated whole numbers"),
        (["--seeds", "2,2"], "--seeds lists a seed twice: '2,2'"),
        (["--iterations", "0"], "--iterations must be between 1 and 1000000, got 0"),
    ])
    func badArguments_areRefusedWithTheValueNamed(arguments: [String], message: String) throws {
        let result = try StudyProcess.run(["openings"] + arguments)
        #expect(result.status == 64, "\(result.output)")
        #expect(result.output.contains(message), "\(result.output)")
    }

    @Test func shortRun_printsEverySeedAndTheTableOverSeeds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("openings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try StudyProcess.run(["openings", "--seeds", "4,5", "--iterations", "50", "--output", folder.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("## seed 4") && result.output.contains("## seed 5"))
        #expect(result.output.contains("Over seeds (50 iterations per GAN)") && result.output.contains("  mean "), "\(result.output)")
        for seed in [4, 5] {
            let figure = folder.appendingPathComponent("seed-\(seed)/chapter7-conditional-samples.png")
            #expect(FileManager.default.fileExists(atPath: figure.path))
        }

        // A second run into the folder does not replace the finished seeds by accident.
        let again = try StudyProcess.run(["openings", "--seeds", "4,5", "--iterations", "50", "--output", folder.path])
        #expect(again.status == 73 && again.output.contains("seed-4 holds seed 4 finished by an earlier run; pass --resume"), "\(again.output)")

        // A run stopped after seed 4 (seed 5's record gone) resumes: seed 4 is read back, seed 5 trained again,
        // and every line and the table over seeds are what the uninterrupted run printed.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("seed-5/finished-seed.json"))
        let resumed = try StudyProcess.run(["openings", "--seeds", "4,5", "--iterations", "50", "--output", folder.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.output)")
        let readBack = "(finished by an earlier run, read back from \(folder.path)/seed-4/finished-seed.json)"
        #expect(resumed.output.components(separatedBy: "\n").filter { $0 == readBack }.count == 1, "\(resumed.output)")
        #expect(resumed.output.replacingOccurrences(of: readBack + "\n", with: "") == result.output)
        // Negative control: resuming with other iterations is refused, not mixed into the table.
        let other = try StudyProcess.run(["openings", "--seeds", "4,5", "--iterations", "60", "--output", folder.path, "--resume"])
        #expect(other.status == 64 && other.output.contains("trained for 50 iterations, not 60"), "\(other.output)")
    }
}
