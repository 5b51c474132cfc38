import ArgumentParser
import Experiments
import FileFormats
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

        func execute(in environment: DemoEnvironment) throws {
            let report = try FullRunReport(recordsIn: URL(fileURLWithPath: records))
            let claim = try environment.claimOutput(options)
            defer { claim.release() }
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
