import Experiments
import Foundation
import GANCore
import ImageTraining
import StudyProcess
import Testing

/// `study full-run` and the report behind it: what it reads off a record,
/// and how it refuses records and evaluations that do not belong together.
@Suite struct FullRunReportTests {
    /// A record whose class 9 reaches 5% at epoch 3, class 8 dips below it at
    /// epoch 4 and recovers, and class 7 never reaches it.
    static func record(seed: UInt64) -> RunRecord {
        var record = RunRecord(recipe: .small, seed: seed, dataFolder: "d", trainingRows: 300,
                               measurement: .init(samples: 100, noiseSeed: 2, patience: nil))
        let shares: [[Double]] = [
            [0.2, 0.2, 0.2, 0.2, 0.1, 0.05, 0.03, 0.0, 0.2, 0.02],
            [0.2, 0.2, 0.2, 0.1, 0.1, 0.05, 0.03, 0.0, 0.1, 0.02],
            [0.2, 0.2, 0.1, 0.1, 0.1, 0.05, 0.03, 0.02, 0.1, 0.1],
            [0.2, 0.2, 0.1, 0.1, 0.1, 0.07, 0.06, 0.04, 0.03, 0.1],
            [0.2, 0.2, 0.1, 0.1, 0.1, 0.05, 0.01, 0.04, 0.1, 0.1],
        ]
        for (i, fractions) in shares.enumerated() {
            record.append(RunRecord.Epoch(
                epoch: i + 1, iteration: 10 * (i + 1), trainingSeconds: 60 * Double(i + 1), value: -1, meanRealProbability: 0.6,
                meanGeneratedProbability: 0.4, frechetDistance: 10 - Double(i), classFractions: fractions, precision: 0.5, recall: 0.25))
        }
        return record
    }

    static func row(_ lines: [String], startingWith name: String, after heading: String) -> [String]? {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return nil }
        return lines[start...].first { $0.hasPrefix(name + " ") }.map { $0.split(separator: " ").map(String.init) }
    }

    @Test func appearance_namesTheFirstEpochAtFivePercentAndTheEpochFromWhichItStays() throws {
        let lines = FullRunReport(runs: [.init(name: "a", record: Self.record(seed: 4), evaluation: nil)]).lines()
        let heading = "The epoch at which each class first reached 5%"
        // Ankle boot: 2%, 2%, then 10%: first 3, for good from 3.
        #expect(Self.row(lines, startingWith: "Ankle", after: heading) == ["Ankle", "boot", "3", "3"])
        // Bag: 20%, 10%, 10%, 3%, 10%: first 1, for good only from 5.
        #expect(Self.row(lines, startingWith: "Bag", after: heading) == ["Bag", "1", "5"])
        // Sneaker never reaches 5%; Shirt reaches it at 4 and falls back.
        #expect(Self.row(lines, startingWith: "Sneaker", after: heading) == ["Sneaker", "never", "not", "at", "the", "end"])
        #expect(Self.row(lines, startingWith: "Shirt", after: heading) == ["Shirt", "4", "not", "at", "the", "end"])
        // The summary: best distance at the last epoch, 5 minutes of training, stopped by --epochs.
        let summary = try #require(Self.row(lines, startingWith: "a", after: "Full runs"))
        #expect(summary == ["a", "small", "4", "300", OpenBLAS.coreName, String(OpenBLAS.threadCount), "5", "6.00", "5", "5.0"])
        #expect(lines.contains("  a stopped: by --epochs, before its patience ran out"))
    }

    @Test func runs_areReportedInSeedOrder_withTheirCurvesAndClassFigures() throws {
        let report = FullRunReport(runs: [.init(name: "b", record: Self.record(seed: 7), evaluation: nil),
                                          .init(name: "a", record: Self.record(seed: 2), evaluation: nil)])
        #expect(report.runs.map(\.name) == ["a", "b"])
        let curves = report.curvesFigure(), classes = report.classesFigure()
        #expect(curves.width >= 1400 && curves.height >= 1600, "eight panels large enough to read")
        #expect(classes.width >= 2500 && classes.height >= 700, "ten panels, one per class")
    }

    /// Trains two tiny measured runs, evaluates their final checkpoints and reports them.
    @Test func fullRun_reportsEvaluatedRuns_andRefusesAnEvaluationOfAnotherCheckpoint() throws {
        let folder = StudyProcess.temporaryFolder("full-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("records")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        for seed in ["2", "3"] {
            let run = folder.appendingPathComponent("run\(seed)"), evaluation = folder.appendingPathComponent("evaluation\(seed)")
            let trained = try StudyProcess.run(["train", "--config", "short", "--rows", "300", "--epochs", "2", "--seed", seed,
                                                    "--measure", "--output", run.path])
            #expect(trained.status == 0, "\(trained.output)")
            let evaluated = try StudyProcess.run([
                "evaluate", "--checkpoint", run.appendingPathComponent("checkpoint.safetensors").path, "--output", evaluation.path,
                "--samples", "200", "--nearest-neighbour-queries", "20", "--parzen-samples", "100", "--validation", "50",
                "--test", "100", "--k-means-centroids", "10", "--k-means-training-images", "200"])
            #expect(evaluated.status == 0, "\(evaluated.output)")
            try FileManager.default.copyItem(at: run.appendingPathComponent("record.json"), to: records.appendingPathComponent("short-seed\(seed).json"))
            try FileManager.default.copyItem(at: evaluation.appendingPathComponent("evaluation.json"),
                                             to: records.appendingPathComponent("short-seed\(seed)-evaluation.json"))
        }
        let figures = folder.appendingPathComponent("figures")
        let reported = try StudyProcess.run(["full-run", "--records", records.path, "--output", figures.path])
        #expect(reported.status == 0, "\(reported.output)")
        #expect(reported.output.contains("Final checkpoints, 200 samples each"), "\(reported.output)")
        #expect(reported.output.contains(" of 2 seeds"), "\(reported.output)")
        #expect(reported.output.contains("Reference rows (the same in every evaluation):"), "\(reported.output)")
        for name in ["full-run-curves.png", "full-run-classes.png"] {
            #expect(FileManager.default.fileExists(atPath: figures.appendingPathComponent(name).path), "\(name)")
        }
        // The mean and sd columns of the Fréchet distance are those of the two seeds.
        let evaluations = try ["2", "3"].map {
            try GeneratorEvaluation.decode(Data(contentsOf: records.appendingPathComponent("short-seed\($0)-evaluation.json")))
        }
        let distances = evaluations.map(\.quality.frechetDistance)
        let mean = (distances[0] + distances[1]) / 2, sd = abs(distances[0] - distances[1]) / 2.squareRoot()
        let row = try #require(reported.output.components(separatedBy: "\n").first { $0.hasPrefix("Frechet distance ") })
        #expect(row.split(separator: " ").map(String.init).suffix(5) == [fixed(distances[0], 2), fixed(distances[1], 2), fixed(mean, 2), fixed(sd, 2),
                                                                        fixed(evaluations[0].quality.frechetFloor, 2)], "\(row)")

        // Negative control: seed 3's evaluation replaced by one of an earlier checkpoint of its run.
        let early = folder.appendingPathComponent("early")
        #expect(try StudyProcess.run(["train", "--config", "short", "--rows", "300", "--epochs", "1", "--seed", "3",
                                          "--output", early.path]).status == 0)
        let earlyEvaluation = folder.appendingPathComponent("early-evaluation")
        #expect(try StudyProcess.run([
            "evaluate", "--checkpoint", early.appendingPathComponent("checkpoint.safetensors").path, "--output", earlyEvaluation.path,
            "--samples", "200", "--nearest-neighbour-queries", "20", "--parzen-samples", "100", "--validation", "50",
            "--test", "100", "--k-means-centroids", "10", "--k-means-training-images", "200"]).status == 0)
        let replaced = records.appendingPathComponent("short-seed3-evaluation.json")
        try FileManager.default.removeItem(at: replaced)
        try FileManager.default.copyItem(at: earlyEvaluation.appendingPathComponent("evaluation.json"), to: replaced)
        let refused = try StudyProcess.run(["full-run", "--records", records.path, "--output", figures.path])
        #expect(refused.status == 65 && refused.output.contains(replaced.path) && refused.output.contains("not the run's final checkpoint"),
                "\(refused.output)")
    }

    @Test func fullRun_ofAFolderWithoutRecords_saysSoAndExits66() throws {
        let folder = StudyProcess.temporaryFolder("full-run-empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try StudyProcess.run(["full-run", "--records", folder.path])
        #expect(empty.status == 66 && empty.output.contains("holds no run record"), "\(empty.output)")
        let missing = try StudyProcess.run(["full-run", "--records", folder.appendingPathComponent("none").path])
        #expect(missing.status == 66 && missing.output.contains("no such folder"), "\(missing.output)")
    }
}
