import Evaluation
import Figures
import FileFormats
import Foundation
import GANCore

/// A training run that measures its samples after every epoch and keeps a
/// `RunRecord` of it: the fixed z and training images of a `TrainingProbe`,
/// with precision and recall, and the run's curves at the epoch's end.
public final class MeasuredRun {
    public private(set) var record: RunRecord
    public let probe: TrainingProbe
    /// Real images held out from training, and their classes, for D's view of each class.
    let validation: (images: Matrix<Float>, labels: [Int])?

    /// - Parameters:
    ///   - record: a new record, or the one a resumed run left (its measurement settings are kept).
    ///   - validation: labelled real images D is asked about after every epoch.
    public init(trainer: ImageTrainer, training: Matrix<Float>, classifier: FashionClassifier, record: RunRecord,
                validation: (images: Matrix<Float>, labels: [Int])? = nil) {
        precondition(record.measurement.samples <= training.rows,
                     "the record measures \(record.measurement.samples) samples against as many of \(training.rows) training images")
        self.record = record
        self.validation = validation
        probe = TrainingProbe(trainer: trainer, training: training, classifier: classifier,
                              samples: record.measurement.samples, seed: record.measurement.noiseSeed)
    }

    /// Measures the samples at the end of an epoch and records it.
    @discardableResult
    public func epochEnded(_ epoch: Int, trainingSeconds: Double) throws -> RunRecord.Epoch {
        let point = try probe.measure(precisionAndRecall: true)
        let recent = probe.trainer.history.last
        let entry = RunRecord.Epoch(
            epoch: epoch, iteration: point.iteration, trainingSeconds: trainingSeconds,
            value: recent?.value ?? .nan, meanRealProbability: recent?.meanRealProbability ?? .nan,
            meanGeneratedProbability: recent?.meanGeneratedProbability ?? .nan,
            frechetDistance: point.frechetDistance, classFractions: point.classFractions,
            precision: point.precision!, recall: point.recall!,
            realProbabilityByClass: validation.map { realProbabilityByClass($0.images, $0.labels) })
        record.append(entry)
        return entry
    }

    /// Mean σ(D's logit) of `images` per class, with dropout off. Dropout
    /// draws no random numbers when off, so the run continues exactly as unmeasured.
    func realProbabilityByClass(_ images: Matrix<Float>, _ labels: [Int]) -> [Double] {
        let discriminator = probe.trainer.discriminator
        discriminator.isTraining = false
        defer { discriminator.isTraining = true }
        var sums = [Double](repeating: 0, count: FashionClassifier.classNames.count), counts = sums
        var start = 0
        while start < images.rows {
            let rows = min(500, images.rows - start)
            let logits = discriminator.forward(SampleQuality.rows(start..<(start + rows), of: images))
            for r in 0..<rows {
                sums[labels[start + r]] += Double(sigmoid(logits[r, 0]))
                counts[labels[start + r]] += 1
            }
            start += rows
        }
        return zip(sums, counts).map { $1 > 0 ? $0 / $1 : .nan }
    }

    public func stop(because reason: String) { record.stopReason = reason }

    /// Writes `record.json` into `folder`, atomically.
    public func write(to folder: URL) throws {
        let bytes = Array(try record.json())
        try AtomicFile.write(to: folder.appendingPathComponent(RunRecord.fileName)) { out throws(FileWriteError) in try out.write(bytes) }
    }

    /// The record's curves over epochs: V, D's outputs, the Fréchet distance, classes, precision and recall.
    public static func figure(_ record: RunRecord, title: String) -> RasterImage {
        let e = record.epochs
        return QualityFigures.curves(xLabel: "epoch", x: e.map { Double($0.epoch) }, [
            .init(title: "V(D, G) on minibatches", yLabel: "mean of V", values: e.map(\.value), reference: (-log(4.0), "−log 4")),
            .init(title: "D(x), real", yLabel: "mean D", values: e.map(\.meanRealProbability), reference: (0.5, "½")),
            .init(title: "D(G(z)), generated", yLabel: "mean D", values: e.map(\.meanGeneratedProbability), reference: (0.5, "½")),
            .init(title: "Fréchet distance to training images", yLabel: "d² (classifier features)", values: e.map(\.frechetDistance)),
            .init(title: "classes at 3% or more", yLabel: "classes", values: e.map { Double($0.classesCovered) }, reference: (10, "all")),
            .init(title: "precision and recall (k = 3)", yLabel: "share", values: e.map(\.precision),
                  second: (("precision", "recall"), e.map(\.recall))),
        ], title: title)
    }
}
