import Evaluation
import FileFormats
import Foundation
import GANCore
import Testing

/// The classifier's evaluation on a network built by hand, its weights file,
/// and the bundled weights.
@Suite struct FashionClassifierTests {
    /// 2 inputs → 2 ReLU → 3 classes, with
    /// ```
    /// h = ReLU(x),   logits = (h₀, h₁, ½ − h₀ − h₁)
    /// ```
    /// so class 0 wins when x₀ leads, class 1 when x₁ leads, class 2 when both are small.
    static func handBuilt() -> FashionClassifier {
        let settings = FashionClassifier.Settings(inputWidth: 2, hiddenWidths: [2], classCount: 3, batchSize: 1, epochs: 1)
        let classifier = FashionClassifier(settings: settings, initialisingWith: RandomSource(seed: 1))
        let (first, last) = (classifier.network.affineLayers[0], classifier.network.affineLayers[1])
        for (i, value) in [1, 0, 0, 1].enumerated() { first.weights.storage[i] = Float(value) }
        first.bias.fill(0)
        for (i, value) in [1, 0, -1, 0, 1, -1].enumerated() { last.weights.storage[i] = Float(value) }
        for (j, value) in [0, 0, 0.5].enumerated() { last.bias[0, j] = Float(value) }
        return classifier
    }

    static let points: [[Float]] = [[2, 0], [0, 3], [0, 0], [-1, -1], [1, 0.2]]

    @Test func predict_onAHandBuiltNetwork_givesTheLeadingClass() {
        let images = Matrix<Float>(rows: 5, columns: 2, elements: Self.points.flatMap { $0 })
        #expect(Self.handBuilt().predict(images) == [0, 1, 2, 2, 0])
    }

    @Test func accuracy_isTheFractionPredictedCorrectly() {
        let images = Matrix<Float>(rows: 5, columns: 2, elements: Self.points.flatMap { $0 })
        // The last label is wrong on purpose: 4 of 5.
        #expect(Self.handBuilt().accuracy(images: images, labels: [0, 1, 2, 2, 1]) == 0.8)
    }

    @Test func features_areTheLastHiddenLayer_acrossEvaluationBatches() {
        // More rows than one evaluation batch, so batches are stitched together.
        let n = 2 * FashionClassifier.evaluationBatchSize + 37
        let elements = (0..<(2 * n)).map { Float($0 % 7) - 3 }
        let images = Matrix<Float>(rows: n, columns: 2, elements: elements)
        let classifier = Self.handBuilt()
        let features = classifier.features(images)
        #expect(features.rows == n && features.columns == classifier.featureWidth)
        #expect(features.elements == elements.map { max($0, 0) }, "features are ReLU(x) for this network")
        let predictions = classifier.predict(images)
        #expect(predictions.count == n)
        for r in [0, 999, 1000, 2036] {
            let (a, b) = (max(elements[2 * r], 0), max(elements[2 * r + 1], 0))
            let logits = [a, b, 0.5 - a - b]
            #expect(predictions[r] == logits.indices.max { logits[$0] < logits[$1] }!, "row \(r)")
        }
    }

    @Test func classNames_areFashionMNISTsTen() {
        #expect(FashionClassifier.classNames.count == 10)
        #expect(FashionClassifier.classNames.first == "T-shirt/top" && FashionClassifier.classNames.last == "Ankle boot")
    }

    // MARK: The weights file

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("classifier-\(name)-\(UUID().uuidString).safetensors")
    }

    static func small() -> FashionClassifier {
        FashionClassifier(settings: .init(inputWidth: 6, hiddenWidths: [5, 4], classCount: 3), initialisingWith: RandomSource(seed: 3))
    }

    @Test func weightsFile_roundTripsExactly() throws {
        let url = Self.temporaryFile("round-trip")
        defer { try? FileManager.default.removeItem(at: url) }
        let classifier = Self.small()
        try classifier.write(to: url)
        let loaded = try FashionClassifier.load(from: url)
        #expect(loaded.settings == classifier.settings)
        #expect(loaded.network.parameters.elements == classifier.network.parameters.elements)
        let file = try Safetensors(contentsOf: url)
        #expect(file.tensors["classifier.4.weight"]?.shape == [3, 4], "PyTorch's [out, in], layers counted as in nn.Sequential")
    }

    func expectError(_ kind: CheckpointError.Kind, at url: URL, mentioning word: String, _ body: () throws -> Void) {
        let error = #expect(throws: CheckpointError.self) { try body() }
        #expect(error?.kind == kind, "\(String(describing: error))")
        #expect(error?.path == url.path)
        #expect(error?.problem.contains(word) == true, "“\(error?.problem ?? "")” should mention “\(word)”")
    }

    @Test func missingFile_throwsNamingIt() {
        let url = Self.temporaryFile("missing")
        expectError(.missing, at: url, mentioning: "no such file") { _ = try FashionClassifier.load(from: url) }
    }

    @Test func corruptFile_throwsNamingIt() throws {
        let url = Self.temporaryFile("corrupt")
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = Self.small().contents().encoded()
        bytes[8] = UInt8(ascii: "x")  // the header's opening brace: no longer JSON
        try Data(bytes).write(to: url)
        expectError(.corrupt, at: url, mentioning: "JSON") { _ = try FashionClassifier.load(from: url) }
    }

    @Test func wrongShape_throwsNamingTheTensor() throws {
        let url = Self.temporaryFile("shape")
        defer { try? FileManager.default.removeItem(at: url) }
        var file = Self.small().contents()
        file.tensors["classifier.2.weight"] = Tensor([Float](repeating: 0, count: 20), shape: [5, 4])
        try file.write(to: url)
        expectError(.mismatch, at: url, mentioning: "classifier.2.weight") { _ = try FashionClassifier.load(from: url) }
    }

    @Test func nonFiniteWeights_throwNamingTheTensor() throws {
        let url = Self.temporaryFile("nan")
        defer { try? FileManager.default.removeItem(at: url) }
        let classifier = Self.small()
        classifier.network.affineLayers[2].bias[0, 1] = .nan
        try classifier.write(to: url)
        expectError(.corrupt, at: url, mentioning: "classifier.4.bias") { _ = try FashionClassifier.load(from: url) }
    }

    // MARK: The bundled weights

    static var hasFashionMNIST: Bool { FileManager.default.fileExists(atPath: DataSet.fashionMNISTFolder.path) }

    @Test func bundledClassifier_loadsWithTheStandardSettings() throws {
        let classifier = try FashionClassifier.bundled()
        #expect(classifier.settings == .standard)
        #expect(classifier.featureWidth == 256)
        let recorded = try #require(classifier.recordedTestAccuracy)
        #expect(recorded >= 0.885, "recorded test accuracy \(recorded)")
        #expect(classifier.history.count == FashionClassifier.Settings.standard.epochs)
    }

    @Test(.enabled(if: hasFashionMNIST, "needs dataset-fashion-mnist"))
    func bundledClassifier_reachesAtLeast88PercentOnTheTestSet() throws {
        let data = try DataSet(split: FashionClassifier.dataSplit)
        let classifier = try FashionClassifier.bundled()
        let accuracy = classifier.accuracy(images: data.test.images.matrix(as: Float.self), labels: data.test.labels.values.map(Int.init))
        #expect(accuracy >= 0.88, "test accuracy \(accuracy)")
        // The same weights and images: only the evaluation's own rounding could differ.
        #expect(abs(accuracy - classifier.recordedTestAccuracy!) <= 0.0005, "measured \(accuracy), recorded \(classifier.recordedTestAccuracy!)")
    }
}
