import ArgumentParser
import Foundation
import GANCore
import ImageTraining

extension Study {
    /// `study rerun`: trains a recorded run again from its record and compares the two records.
    struct Rerun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rerun",
            abstract: "Train the run a record.json describes again, measured the same way, and compare the records.",
            discussion: """
                The recipe, seed, training rows, measurement, OpenBLAS thread count and epochs come from the \
                record (--epochs re-runs only the first N, to check a long record in minutes). On the OpenBLAS \
                kernel that made it, every measure of every epoch must be equal; on another kernel or thread \
                count every product rounds differently and trains another run, which is judged as another seed \
                would be: its best Fréchet distance within a factor of 2 of the record's, and every class the \
                record ends with at 5% of the samples ending the re-run at 3% or more.
                """)

        @Option(help: "A record.json written by 'study train --measure'.")
        var record: String

        @Option(help: "A folder of IDX files in MNIST's layout (by default the record's).")
        var data: String?

        @Option(help: "Folder for the re-run (must not hold a run).")
        var output = "runs/rerun"

        @Option(help: "Re-run only the first N recorded epochs and compare those (default: all).")
        var epochs: Int?

        @Option(help: "OpenBLAS threads (default: the record's; another count rounds differently and trains another run).")
        var threads: Int?

        func validate() throws {
            try OutputOption.validate(output)
        }

        func run() throws {
            let url = URL(fileURLWithPath: record)
            let recorded = try RunRecordFile.read(url)
            guard let last = recorded.epochs.prefix(epochs ?? recorded.epochs.count).last else { throw CommandFailure.data("\(url.path) records no epoch: nothing to re-run") }
            guard let named = TrainingRecipe.named(recorded.recipe.name) else {
                throw CommandFailure.data("\(url.path) records recipe '\(recorded.recipe.name)', which this program does not have")
            }
            if let epochs, epochs < 1 { throw CommandFailure.usage("--epochs must be at least 1, got \(epochs)") }
            if let threads, !(1...Train.maximumThreads).contains(threads) {
                throw CommandFailure.usage("--threads must be in 1...\(Train.maximumThreads), got \(threads)")
            }
            guard recorded.trainingRows >= 100, last.epoch <= Train.maximumEpochs,
                  (1...Train.maximumThreads).contains(recorded.openBLASThreads) else {
                throw CommandFailure.data("\(url.path) records \(recorded.trainingRows) rows, \(last.epoch) epochs and \(recorded.openBLASThreads) threads; a run has at least 100 rows, at most \(Train.maximumEpochs) epochs and 1...\(Train.maximumThreads) threads")
            }
            var arguments = ["--config", named.name, "--seed", String(recorded.seed), "--rows", String(recorded.trainingRows),
                             "--epochs", String(last.epoch), "--threads", String(threads ?? recorded.openBLASThreads),
                             "--schedule", threads.map { _ in MatrixProducts.Schedule.threaded.rawValue } ?? recorded.schedule.rawValue, "--measure", "--data", data ?? recorded.dataFolder, "--output", output]
            if let patience = recorded.measurement.patience { arguments += ["--patience", String(patience)] }
            if recorded.recipe.updateRule != named.updateRule {
                switch recorded.recipe.updateRule {
                case .simultaneous: arguments.append("--simultaneous")
                case .algorithm1(let k): arguments += ["--k", String(k)]
                }
            }
            if recorded.recipe.generatorLoss != named.generatorLoss { arguments += ["--generator-loss", recorded.recipe.generatorLoss.rawValue] }
            if recorded.recipe.schedule.initialLearningRate != named.schedule.initialLearningRate {
                arguments += ["--learning-rate", String(recorded.recipe.schedule.initialLearningRate)]
            }
            print("re-running: study train \(arguments.joined(separator: " "))")
            try Train.parse(arguments).run()

            let rerun = try RunRecordFile.read(URL(fileURLWithPath: output).appendingPathComponent(RunRecord.fileName))
            let compared = recorded.truncated(toEpochs: rerun.epochs.count)
            guard let tolerances = recorded.tolerances() else {
                print("the record was made on OpenBLAS kernel \(recorded.openBLASCore) with \(recorded.openBLASThreads) threads (\(recorded.schedule.rawValue)), this run on \(OpenBLAS.coreName) with \(OpenBLAS.threadCount) (\(MatrixProducts.schedule.rawValue)): another rounding trains another run, judged as another seed would be (best Frechet distance within a factor of \(RunRecord.anotherRunDistanceFactor), every class the record ends with at 5% ending at 3% or more)")
                let differences = compared.differencesAsAnotherRun(rerun)
                guard differences.isEmpty else {
                    throw CommandFailure.data("the re-run does not agree with \(url.path) as another run of its recipe: " + differences.joined(separator: "; "))
                }
                print("agrees with \(url.path) as another run of its recipe; its own numbers differ, as another seed's would")
                return
            }
            let differences = compared.differences(from: rerun, within: tolerances)
            guard differences.isEmpty else {
                throw CommandFailure.data(RecordMismatch(record: url.path, tolerances: tolerances, differences: differences).description)
            }
            let part = rerun.epochs.count < recorded.epochs.count ? "the first \(rerun.epochs.count) of \(recorded.epochs.count) epochs" : "\(rerun.epochs.count) epochs"
            print("reproduces \(url.path) \(tolerances): \(part), every measure")
        }
    }
}

/// `study rerun` trained another run than the record describes.
struct RecordMismatch: Error, CustomStringConvertible {
    let record: String
    let tolerances: RunRecord.Tolerances
    let differences: [String]
    var description: String {
        "the re-run does not reproduce \(record) \(tolerances): \(differences.count) differences, the first: \(differences.prefix(3).joined(separator: "; "))"
    }
}
