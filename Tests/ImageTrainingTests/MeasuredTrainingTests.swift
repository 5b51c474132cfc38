import FileFormats
import Foundation
import GANCore
import ImageTraining
import StudyProcess
import Testing

/// `study train --measure` as a user runs it: the record it writes, the
/// patience rule that stops it, and resuming the record with the run.
@Suite struct MeasuredTrainingTests {
    static func train(_ output: URL, epochs: Int, extra: [String] = []) throws -> (status: Int32, output: String) {
        try StudyProcess.run(["train", "--config", "short", "--rows", "300", "--epochs", String(epochs), "--seed", "2",
                                  "--measure", "--output", output.path] + extra)
    }

    static func record(in folder: URL) throws -> RunRecord {
        try RunRecord.decode(Data(contentsOf: folder.appendingPathComponent(RunRecord.fileName)))
    }

    @Test func measuredRun_recordsEveryEpochAndResumesItsRecord() throws {
        let folder = StudyProcess.temporaryFolder("measured")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.train(folder, epochs: 2)
        #expect(first.status == 0, "\(first.output)")
        #expect(try Self.record(in: folder).epochs.map(\.epoch) == [1, 2])
        let resumed = try Self.train(folder, epochs: 4, extra: ["--resume"])
        #expect(resumed.status == 0, "\(resumed.output)")
        let record = try Self.record(in: folder)
        #expect(record.epochs.map(\.epoch) == [1, 2, 3, 4] && record.seed == 2 && record.trainingRows == 300)
        #expect(record.epochs.map(\.trainingSeconds) == record.epochs.map(\.trainingSeconds).sorted(), "training time adds up")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("measures.png").path))
    }

    @Test func patience_stopsTheRunAndSaysWhy() throws {
        let folder = StudyProcess.temporaryFolder("patience")
        defer { try? FileManager.default.removeItem(at: folder) }
        // 300 rows make 6 iterations an epoch. D starts with weights of ±0.005 and
        // stays near ½ for the first couple of hundred iterations (Chapter 6's short
        // run), so G's samples, and their Fréchet distance, change only in the last
        // digits: after the first epoch none improves by RunRecord.minimumImprovement.
        let run = try Self.train(folder, epochs: 12, extra: ["--patience", "2"])
        #expect(run.status == 0, "\(run.output)")
        let record = try Self.record(in: folder)
        #expect(record.hasStalled && record.stopReason?.contains("has not improved for 2 epochs") == true)
        #expect(record.epochs.count == 3 && record.best!.epoch == 1)
    }

    @Test func patienceWithoutMeasure_isAUsageError() throws {
        let run = try StudyProcess.run(["train", "--config", "short", "--patience", "3", "--output", "/nonexistent/never"])
        #expect(run.status == 64 && run.output.contains("--patience needs --measure"), "\(run.output)")
    }

    @Test func measuring_doesNotChangeTheRun() throws {
        // The measures run G and D forward between iterations, with dropout off:
        // no random number is drawn, so the weights must come out bit for bit the same.
        let measured = StudyProcess.temporaryFolder("measured-same"), plain = StudyProcess.temporaryFolder("plain-same")
        defer { for f in [measured, plain] { try? FileManager.default.removeItem(at: f) } }
        #expect(try Self.train(measured, epochs: 3).status == 0)
        let run = try StudyProcess.run(["train", "--config", "short", "--rows", "300", "--epochs", "3", "--seed", "2", "--output", plain.path])
        #expect(run.status == 0, "\(run.output)")
        let a = try Safetensors(contentsOf: measured.appendingPathComponent("checkpoint.safetensors"))
        let b = try Safetensors(contentsOf: plain.appendingPathComponent("checkpoint.safetensors"))
        for name in ["generator.4.weight", "discriminator.1.weight", "state.random"] {
            #expect(try a.tensor(named: name).bytes == b.tensor(named: name).bytes, "\(name)")
        }
        let byClass = try Self.record(in: measured).epochs.last!.realProbabilityByClass!
        #expect(byClass.count == 10 && byClass.allSatisfy { (0...1).contains($0) })
    }

    @Test func rerun_reproducesARecordExactly_andNamesAChangedNumber() throws {
        let folder = StudyProcess.temporaryFolder("rerun")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("original")
        #expect(try Self.train(original, epochs: 2).status == 0)
        let recordURL = original.appendingPathComponent(RunRecord.fileName)
        let same = try StudyProcess.run(["rerun", "--record", recordURL.path, "--output", folder.appendingPathComponent("again").path])
        #expect(same.status == 0 && same.output.contains("reproduces"), "\(same.output)")

        // Negative control: the committed record says another Fréchet distance for epoch 2.
        var text = try String(contentsOf: recordURL, encoding: .utf8)
        let record = try Self.record(in: original)
        let printed = try #require(text.range(of: "\"frechetDistance\" : \(record.epochs[1].frechetDistance)"))
        text.replaceSubrange(printed, with: "\"frechetDistance\" : \(record.epochs[1].frechetDistance + 0.01)")
        try text.write(to: recordURL, atomically: true, encoding: .utf8)
        let changed = try StudyProcess.run(["rerun", "--record", recordURL.path, "--output", folder.appendingPathComponent("third").path])
        #expect(changed.status != 0 && changed.output.contains("epoch 2: Frechet distance"), "\(changed.output)")
    }

    @Test func rerun_ofTheFirstEpochs_comparesThose_onTheRecordsThreadCount() throws {
        let folder = StudyProcess.temporaryFolder("rerun-prefix")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("original")
        #expect(try Self.train(original, epochs: 3, extra: ["--threads", "1"]).status == 0)
        let recordURL = original.appendingPathComponent(RunRecord.fileName)
        let record = try Self.record(in: original)
        #expect(record.openBLASThreads == 1)
        let data = try DataSet(folder: DataSet.fashionMNISTFolder)
        #expect(record.trainingImagesSHA256 == (try SHA256.hex(ofFile: data.trainingImagesURL)), "the record names its data")
        // Epoch 3 changed: a re-run of the first 2 epochs does not see it, a full one does.
        var text = try String(contentsOf: recordURL, encoding: .utf8)
        let printed = try #require(text.range(of: "\"frechetDistance\" : \(record.epochs[2].frechetDistance)"))
        text.replaceSubrange(printed, with: "\"frechetDistance\" : \(record.epochs[2].frechetDistance + 0.01)")
        try text.write(to: recordURL, atomically: true, encoding: .utf8)
        let prefix = try StudyProcess.run(["rerun", "--record", recordURL.path, "--epochs", "2", "--output", folder.appendingPathComponent("two").path])
        #expect(prefix.status == 0 && prefix.output.contains("reproduces") && prefix.output.contains("the first 2 of 3 epochs")
                && prefix.output.contains("--threads 1"), "\(prefix.output)")
        let full = try StudyProcess.run(["rerun", "--record", recordURL.path, "--output", folder.appendingPathComponent("all").path])
        #expect(full.status == 65 && full.output.contains("epoch 3: Frechet distance"), "\(full.output)")
        // Another thread count is another rounding: judged as another run, not digit by digit.
        let other = try StudyProcess.run(["rerun", "--record", recordURL.path, "--epochs", "1", "--threads", "2",
                                              "--output", folder.appendingPathComponent("other").path])
        #expect([0, 65].contains(other.status) && other.output.contains("judged as another seed would be")
                && other.output.contains("--threads 2"), "\(other.output)")
    }

    @Test func rerun_ofARecordThatParsesButCannotBeARun_namesTheField() throws {
        let folder = StudyProcess.temporaryFolder("rerun-content")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("original")
        #expect(try Self.train(original, epochs: 1).status == 0)
        let recordURL = original.appendingPathComponent(RunRecord.fileName)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: recordURL)) as! [String: Any]
        let edits: [(String, ([String: Any]) -> [String: Any], String)] = [
            ("eleven", { var r = $0; var e = (r["epochs"] as! [[String: Any]]); e[0]["classFractions"] = [Double](repeating: 1.0 / 11, count: 11); r["epochs"] = e; return r }, "classFractions has 11 shares"),
            ("backwards", { var r = $0; var e = (r["epochs"] as! [[String: Any]]); e.append(e[0]); r["epochs"] = e; return r }, "does not follow epoch 1"),
            ("precision", { var r = $0; var e = (r["epochs"] as! [[String: Any]]); e[0]["precision"] = 2.5; r["epochs"] = e; return r }, "must lie in [0, 1]"),
            ("threads", { var r = $0; r["openBLASThreads"] = 0; return r }, "openBLASThreads is 0"),
        ]
        for (name, edit, expected) in edits {
            let url = folder.appendingPathComponent("\(name).json")
            try JSONSerialization.data(withJSONObject: edit(json)).write(to: url)
            let result = try StudyProcess.run(["rerun", "--record", url.path, "--output", folder.appendingPathComponent(name).path])
            #expect(result.status == 65 && result.output.contains(url.path) && result.output.contains(expected), "\(name): \(result.output)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name): nothing trained")
        }
        // Negative control: the unedited record, rewritten by the same serialiser, is accepted.
        let url = folder.appendingPathComponent("same.json")
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        let same = try StudyProcess.run(["rerun", "--record", url.path, "--output", folder.appendingPathComponent("same").path])
        #expect(same.status == 0 && same.output.contains("reproduces"), "\(same.output)")
    }

    @Test func rerun_ofAMissingOrBrokenRecord_saysWhichAndExitsWithItsStatus() throws {
        let folder = StudyProcess.temporaryFolder("rerun-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("none.json"), broken = folder.appendingPathComponent("broken.json")
        try Data("{\"format\": 1".utf8).write(to: broken)
        let a = try StudyProcess.run(["rerun", "--record", missing.path, "--output", folder.appendingPathComponent("a").path])
        #expect(a.status == 66 && a.output.contains(missing.path) && a.output.contains("no such file"), "\(a.output)")
        let b = try StudyProcess.run(["rerun", "--record", broken.path, "--output", folder.appendingPathComponent("b").path])
        #expect(b.status == 65 && b.output.contains(broken.path) && b.output.contains("is not a run record"), "\(b.output)")
        #expect(!b.output.contains("Usage:"), "a bad file is not a usage error")
    }
}
