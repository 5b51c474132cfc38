import FileFormats
import Foundation
import GANCore

/// The classifier's weights as a safetensors file, loadable by PyTorch.
///
/// Tensors (Float32), layer i counting every layer as `nn.Sequential` does:
/// ```
/// classifier.{i}.weight   [out, in]   affine layers 0, 2, 4
/// classifier.{i}.bias     [out]
/// ```
/// so they load into `nn.Sequential(Linear(784, 256), ReLU(), Linear(256, 256),
/// ReLU(), Linear(256, 10))` as they are (see `NetworkTensors`). Metadata:
/// `format`, `settings` (JSON), `seed`, `test_accuracy` (after the last
/// epoch), `history` (JSON, per epoch) and the BLAS kernel that trained it
/// (`blas_core`): the same code and seed give these exact bytes only on that
/// kernel.
extension FashionClassifier {
    public static let format = "gan-study-classifier-1"
    public static let fileName = "classifier.safetensors"
    static let prefix = "classifier"

    /// The folder SwiftPM copies the Evaluation module's resources to, beside
    /// the executable: `<package>_<target>.resources`.
    static let resourceFolderName = "GANStudy_Evaluation.resources"

    /// The file shipped with the package: a SwiftPM resource of the
    /// Evaluation module, written by `tools/retrain-classifier`, looked up
    /// beside the running executable (as it is linked, then as it resolves).
    /// Not through `Bundle.module`, which traps when the folder is missing
    /// (an executable copied without it): here a missing file is an error
    /// that names where it was looked for.
    public static var bundledURL: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        let folders = [Bundle.main.bundleURL, executable.deletingLastPathComponent(),
                       URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        let candidates = folders.map { $0.appendingPathComponent(resourceFolderName).appendingPathComponent(fileName) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }

    /// The classifier shipped with the package.
    ///
    /// Throws a `CheckpointError` naming the file when it is missing,
    /// corrupt, of another architecture or holds non-finite weights.
    public static func bundled() throws(CheckpointError) -> FashionClassifier {
        let url = bundledURL
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CheckpointError(
                path: url.path, kind: .missing,
                problem: "the bundled classifier is missing: \(resourceFolderName) must sit beside the study executable (copy it along, or build again)")
        }
        return try load(from: url)
    }

    /// Reads a classifier written by `write(to:)`.
    public static func load(from url: URL) throws(CheckpointError) -> FashionClassifier {
        try load(try Safetensors(contentsOf: url))
    }

    /// The classifier in `file`, after checking its format, its settings,
    /// every tensor's name, dtype and shape, and that every weight is finite.
    public static func load(_ file: Safetensors) throws(CheckpointError) -> FashionClassifier {
        func mismatch(_ problem: String) -> CheckpointError { CheckpointError(path: file.path, kind: .mismatch, problem: problem) }
        let found = try file.metadataValue("format")
        guard found == format else { throw mismatch("is a '\(found)' file, not a '\(format)' classifier") }
        let json = try file.metadataValue("settings")
        guard let settings = try? JSONDecoder().decode(Settings.self, from: Data(json.utf8)),
              settings.inputWidth > 0, settings.classCount > 1, settings.hiddenWidths.allSatisfy({ $0 > 0 }) else {
            throw mismatch("its settings metadata is not a classifier's settings")
        }
        let classifier = FashionClassifier(settings: settings, network: network(settings))
        try NetworkTensors.load(file, into: classifier.network.parameters, of: classifier.network, prefix: prefix)
        for (index, layer, _) in NetworkTensors.affineLayers(classifier.network) {
            for (part, values) in [("weight", layer.weights!), ("bias", layer.bias!)] where !values.storage.allSatisfy(\.isFinite) {
                throw CheckpointError(path: file.path, kind: .corrupt, problem: "tensor '\(prefix).\(index).\(part)' holds non-finite values")
            }
        }
        if let history = file.metadata["history"] {
            guard let records = try? JSONDecoder().decode([EpochRecord].self, from: Data(history.utf8)) else {
                throw mismatch("its history metadata is not a list of epochs")
            }
            classifier.history = records
        }
        classifier.trainedOnBLASCore = file.metadata["blas_core"]
        return classifier
    }

    /// The weights and what produced them, as a safetensors file's contents.
    public func contents() -> Safetensors {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var metadata = [
            "format": Self.format,
            "settings": settings.json(),
            "seed": String(settings.seed),
            "history": String(decoding: try! encoder.encode(history), as: UTF8.self),
        ]
        if let core = trainedOnBLASCore { metadata["blas_core"] = core }
        if let accuracy = recordedTestAccuracy { metadata["test_accuracy"] = String(accuracy) }
        return Safetensors(tensors: NetworkTensors.tensors(of: network, values: network.parameters, prefix: Self.prefix), metadata: metadata)
    }

    /// Writes the weights atomically: a failure leaves any earlier file intact.
    public func write(to url: URL) throws(CheckpointError) {
        try contents().write(to: url)
    }
}
