import ArgumentParser
import Evaluation
import FileFormats
import Foundation
import GANCore

extension Study {
    /// `study classifier`: retrains the Fashion-MNIST classifier that Chapter 6 measures samples with.
    struct Classifier: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classifier",
            abstract: "Retrain the Fashion-MNIST classifier from scratch with its fixed seed and save its weights.",
            discussion: """
                Settings: \(FashionClassifier.Settings.standard). --check compares the retrained classifier \
                with the one bundled with the package on the 10 000 test images. On the BLAS kernel that \
                trained the bundled one every prediction must agree; on another kernel, \
                \(FashionClassifier.Tolerances.otherKernel).
                """)

        @Option(help: "A folder of IDX files in MNIST's layout (Fashion-MNIST).")
        var data = DataSet.fashionMNISTFolder.path

        @Option(help: "Where to write the weights (safetensors); by default runs/classifier/\(FashionClassifier.fileName), or nowhere with --check.")
        var output: String?

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        @Flag(help: "Compare with the bundled classifier; exit non-zero if they disagree beyond the tolerances.")
        var check = false

        @Option(help: "Seed for the initial weights and the order of images (another seed than the standard one trains another classifier, which --check rejects).")
        var seed = FashionClassifier.Settings.standard.seed

        func validate() throws {
            if let output { try OutputOption.validate(output) }
        }

        func run() throws {
            // --check alone compares and keeps nothing; otherwise the weights are written.
            let url = (output ?? (check ? nil : "runs/classifier/\(FashionClassifier.fileName)")).map { URL(fileURLWithPath: $0) }
            // One writer per folder: held until the weights are written.
            let claim = try url.map { try OutputFolder.claim($0.deletingLastPathComponent()) }
            defer { claim?.release() }
            if let url, FileManager.default.fileExists(atPath: url.path) && !force { throw OutputExists(path: url.path) }
            // Load the reference first: a missing or broken one fails before an hour's training.
            let reference = check ? try FashionClassifier.bundled() : nil
            let dataSet = try DataSet(folder: URL(fileURLWithPath: data), split: FashionClassifier.dataSplit)
            var settings = FashionClassifier.Settings.standard
            settings.seed = seed
            print("classifier \(settings)")
            print("data: \(dataSet.training.count) training and \(dataSet.test.count) test images of \(data); BLAS kernel \(OpenBLAS.coreName)")

            let started = Date()
            let classifier = FashionClassifier.train(
                settings: settings, on: dataSet.training, test: dataSet.test, progress: TerminalProgress.reporter
            ) { record in
                print(String(format: "epoch %2d: learning rate %.5f, mean loss %.4f, test accuracy %.2f%% (%.0f s)",
                             record.epoch, record.learningRate, record.meanLoss, 100 * (record.testAccuracy ?? .nan),
                             Date().timeIntervalSince(started)))
            }
            if let url {
                try classifier.write(to: url)
                print("wrote \(url.path)")
            }

            if let reference {
                let comparison = classifier.compare(
                    with: reference, images: dataSet.test.images.matrix(as: Float.self), labels: dataSet.test.labels.values.map(Int.init))
                let tolerances = FashionClassifier.Tolerances.reproducing(reference)
                print("against the bundled classifier (trained on kernel \(reference.trainedOnBLASCore ?? "unknown")): \(comparison)")
                guard comparison.agrees(within: tolerances) else { throw ClassifierMismatch(comparison: comparison, tolerances: tolerances) }
                print("reproduces the bundled classifier: \(tolerances)")
            }
        }
    }
}

/// `study classifier --check` found the retrained classifier too far from the bundled one.
struct ClassifierMismatch: Error, CustomStringConvertible {
    let comparison: FashionClassifier.Comparison
    let tolerances: FashionClassifier.Tolerances
    var description: String {
        "the retrained classifier does not reproduce the bundled one: \(comparison); required: \(tolerances)"
    }
}

/// `study classifier` would replace an existing file without `--force`.
struct OutputExists: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(path) exists; pass --force to replace it" }
}
