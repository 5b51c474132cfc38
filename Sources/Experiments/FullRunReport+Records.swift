import FileFormats
import Foundation
import ImageTraining

extension FullRunReport {
    /// `NAME-evaluation.json` beside `NAME.json` holds the evaluation of that run's final checkpoint.
    public static let evaluationSuffix = "-evaluation"

    /// The report of every run recorded in `folder`: each `NAME.json` that
    /// `study train --measure` wrote, with `NAME-evaluation.json` beside it if
    /// `study evaluate` scored the run's final checkpoint. Refuses a missing
    /// or empty folder, a record or an evaluation that cannot be used, and an
    /// evaluation of another checkpoint than the run's last.
    public init(recordsIn folder: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Refusal(.missingInput, "\(folder.path): no such folder of run records")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(Self.evaluationSuffix + ".json") }
            .map { String($0.dropLast(".json".count)) }
        guard !names.isEmpty else { throw Refusal(.missingInput, "\(folder.path) holds no run record (NAME.json)") }
        let runs = try names.map { name -> Run in
            let record = try RunRecordFile.read(folder.appendingPathComponent(name + ".json"))
            let evaluationURL = folder.appendingPathComponent(name + Self.evaluationSuffix + ".json")
            let evaluation = FileManager.default.fileExists(atPath: evaluationURL.path) ? try RunRecordFile.readEvaluation(evaluationURL) : nil
            if let evaluation, let last = record.epochs.last, evaluation.iteration != String(last.iteration) {
                throw Refusal.data("\(evaluationURL.path) scored iteration \(evaluation.iteration), but \(name).json ends at iteration \(last.iteration): not the run's final checkpoint")
            }
            return Run(name: name, record: record, evaluation: evaluation)
        }
        self.init(runs: runs)
    }
}
