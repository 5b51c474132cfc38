import ArgumentParser
import Experiments
import Foundation
import GANCore
import ImageTraining

extension Study {
    /// `study full-run`: Chapter 6's full runs, read back from their committed records.
    struct FullRun: DemoCommand {
        static let configuration = CommandConfiguration(
            commandName: "full-run",
            abstract: "Report the recorded full runs: curves over epochs, coverage, and the final measures over seeds.",
            discussion: """
                Reads every NAME.json that 'study train --measure' wrote (a record.json, renamed) in --records, \
                with NAME-evaluation.json beside it if 'study evaluate' scored the run's final checkpoint, and \
                prints Chapter 6's tables of them; writes full-run-curves.png and full-run-classes.png to --output.
                """)

        @Option(help: "The folder of committed records.")
        var records = "Chapters/records"

        @OptionGroup var options: DemoOptions

        static let evaluationSuffix = "-evaluation"

        func execute(in environment: DemoEnvironment) throws {
            let folder = URL(fileURLWithPath: records)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandFailure(description: "\(folder.path): no such folder of run records", status: ExitStatus.noInput)
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".json") && !$0.hasSuffix(Self.evaluationSuffix + ".json") }
                .map { String($0.dropLast(".json".count)) }
            guard !names.isEmpty else { throw CommandFailure(description: "\(folder.path) holds no run record (NAME.json)", status: ExitStatus.noInput) }
            let runs = try names.map { name -> FullRunReport.Run in
                let record = try RunRecordFile.read(folder.appendingPathComponent(name + ".json"))
                let evaluationURL = folder.appendingPathComponent(name + Self.evaluationSuffix + ".json")
                let evaluation = FileManager.default.fileExists(atPath: evaluationURL.path) ? try RunRecordFile.readEvaluation(evaluationURL) : nil
                if let evaluation, let last = record.epochs.last, evaluation.iteration != String(last.iteration) {
                    throw CommandFailure.data("\(evaluationURL.path) scored iteration \(evaluation.iteration), but \(name).json ends at iteration \(last.iteration): not the run's final checkpoint")
                }
                return FullRunReport.Run(name: name, record: record, evaluation: evaluation)
            }
            let report = FullRunReport(runs: runs)
            report.lines().forEach(environment.write)
            let context = environment.context(for: options)
            let curves = try context.figure("full-run-curves.png")
            try report.curvesFigure().write(to: curves.url)
            let classes = try context.figure("full-run-classes.png")
            try report.classesFigure().write(to: classes.url)
            environment.write("")
            environment.write("figures: \(curves.displayName), \(classes.displayName)")
        }
    }
}
