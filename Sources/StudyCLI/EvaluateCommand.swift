import ArgumentParser
import Experiments
import Foundation
import GANCore

extension Study {
    /// `study evaluate`: §5's evaluation of a trained generator.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Table 1's Parzen-window log-likelihood for a checkpoint's generator, with reference rows, and Figures 2 and 3.",
            discussion: "σ is chosen among 10 values log-spaced on [0.1, 1] by mean log-likelihood on the first --validation rows of the validation split; the test set is scored at that σ.")

        @Option(help: "A checkpoint written by 'study train'.")
        var checkpoint: String

        @Option(help: "A folder of IDX files in MNIST's layout.")
        var data = DataSet.fashionMNISTFolder.path

        @Option(help: "Generator samples (and real training images) per Parzen window.")
        var samples = 10_000

        @Option(help: "Validation images for choosing σ.")
        var validation = 1_000

        @Option(help: "Test images scored.")
        var test = 10_000

        @Option(help: "Seed for the samples and the noise reference.")
        var seed: UInt64 = 1

        @Option(help: "Folder for figure-2.png and figure-3.png.")
        var output = "runs/evaluate"

        func validate() throws {
            guard (1...50_000).contains(samples) else { throw ValidationError("--samples must be in 1...50000, got \(samples)") }
            guard (1...10_000).contains(validation) else { throw ValidationError("--validation must be in 1...10000, got \(validation)") }
            guard (1...10_000).contains(test) else { throw ValidationError("--test must be in 1...10000, got \(test)") }
        }

        func run() throws {
            let file = try Safetensors(contentsOf: URL(fileURLWithPath: checkpoint))
            let (generator, recipe) = try TrainingCheckpoint.generator(from: file)
            let dataSet = try DataSet(folder: URL(fileURLWithPath: data))
            let a = recipe.architecture
            guard a.pixels == dataSet.training.images.pixelsPerImage else {
                throw ValidationError("\(checkpoint) was trained on images of \(a.pixels) pixels, but \(data) holds images of \(dataSet.training.images.pixelsPerImage)")
            }
            guard test <= dataSet.test.count else { throw ValidationError("--test \(test) exceeds the \(dataSet.test.count) test images of \(data)") }
            let folder = URL(fileURLWithPath: output)
            try OutputFolder.prepare(folder)
            let started = Date()
            let progress = TerminalProgress.reporter
            let context = DemoContext(seed: seed, outputDirectory: folder, outputDisplayName: folder.path, progress: progress) { print($0) }

            let iteration = (try? file.metadataValue("iteration")) ?? "?"
            print("generator of \(checkpoint) (recipe \(recipe.name), iteration \(iteration))")
            let training = dataSet.training.images.matrix(as: Float.self)
            try ExperimentsDemo.figures(context, generator: generator, architecture: a, training: training,
                                        side: dataSet.training.images.rows, names: ("figure-2.png", "figure-3.png"), rows: 8, perRow: 8)
            print()
            let rows = ExperimentsDemo.parzenTable(
                generator: generator, architecture: a, data: dataSet, samples: samples,
                validationRows: validation, testRows: test, seed: seed) { progress.report($0, $1, $2) }
            print("Parzen windows of \(samples) centres; σ from \(ParzenWindow.logSpacedWidths().count) values on [0.1, 1] by \(validation) validation images; \(test) test images")
            ParzenEvaluation.table(rows).forEach { print($0) }
            for row in rows {
                print("  \(row.name): validation log-likelihood by σ: " + row.validationScores.map { fixed($0, 1) }.joined(separator: " "))
            }
            print()
            ParzenEvaluation.paperTable().forEach { print($0) }
            print(String(format: "evaluated in %.1f s", Date().timeIntervalSince(started)))
        }
    }
}
