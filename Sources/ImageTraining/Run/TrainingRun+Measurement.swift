import Evaluation
import FileFormats
import Foundation
import GANCore

extension TrainingRun {
    /// The per-epoch measurement: a new record, or the one a resumed run left beside its checkpoint.
    func measuredRun(_ trainer: ImageTrainer, data: TrainingImages, seed: UInt64, resuming: Bool) throws -> MeasuredRun {
        let images = data.images
        let classifier = try FashionClassifier.bundled()
        guard classifier.settings.inputWidth == images.columns else {
            throw Refusal.options("--measure uses the bundled classifier, which reads images of \(classifier.settings.inputWidth) pixels; \(data.dataSet.folder.path) holds images of \(images.columns)")
        }
        let url = outputFolder.appendingPathComponent(RunRecord.fileName)
        let record: RunRecord
        if resuming, FileManager.default.fileExists(atPath: url.path) {
            record = try RunRecordFile.read(url)
            guard record.recipe == trainer.recipe, record.seed == seed, record.trainingRows == images.rows else {
                throw Refusal.data("\(url.path) records another run (recipe \(record.recipe.name), seed \(record.seed), \(record.trainingRows) rows) than \(checkpointURL.path)")
            }
        } else {
            guard trainer.iteration == 0 else {
                throw Refusal.options("--measure on a resumed run needs the record it began with, \(url.path), which is missing")
            }
            let samples = min(RunRecord.defaultSamples, images.rows)
            var fresh = RunRecord(recipe: trainer.recipe, seed: seed, dataFolder: data.dataSet.folder.path, trainingRows: images.rows,
                                  measurement: .init(samples: samples, noiseSeed: seed &+ 7, patience: options.patience))
            fresh.trainingImagesSHA256 = data.digest
            record = fresh
        }
        let validationSet = data.dataSet.validation
        let count = min(2_000, validationSet.count)
        let validation = (validationSet.images.matrix(0..<count, as: Float.self), validationSet.labels.values[0..<count].map(Int.init))
        return MeasuredRun(trainer: trainer, training: images, classifier: classifier, record: record, validation: validation)
    }

    /// Measures the epoch just ended, logs it and writes the record; true
    /// when the Fréchet distance has stopped improving and the run should stop.
    func measureEpoch(_ measured: MeasuredRun, _ epoch: Int, trainingSeconds: Double) throws -> Bool {
        let e = try measured.epochEnded(epoch, trainingSeconds: trainingSeconds)
        say(String(format: "  measured %d samples: Frechet %.2f, %d classes at 3%%+, precision %.3f, recall %.3f",
                   measured.record.measurement.samples, e.frechetDistance, e.classesCovered, e.precision, e.recall))
        let stalled = measured.record.hasStalled
        if stalled {
            measured.stop(because: "the Fréchet distance has not improved for \(measured.record.measurement.patience!) epochs since epoch \(measured.record.best!.epoch)")
        }
        try measured.write(to: outputFolder)
        if stalled { say(measured.record.stopReason!) }
        return stalled
    }
}
