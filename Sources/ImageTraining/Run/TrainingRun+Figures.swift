import Foundation
import GANCore

extension TrainingRun {
    /// The run's figures, and the lines that name its files.
    func finish(_ trainer: ImageTrainer, measured: MeasuredRun?) throws {
        try writeFigures(trainer, onlyMissing: false)
        if let measured, !measured.record.epochs.isEmpty {
            let figure = outputFolder.appendingPathComponent("measures.png")
            try MeasuredRun.figure(measured.record, title: "Training \(trainer.recipe.name), measured every epoch").write(to: figure)
            say("measures: \(figure.path); record: \(outputFolder.appendingPathComponent(RunRecord.fileName).path)")
        }
        say("checkpoint: \(checkpointURL.path)")
    }

    /// `curves.png` and `samples.png`; with `onlyMissing`, only those not there
    /// (a run killed after its last checkpoint but before its figures).
    func writeFigures(_ trainer: ImageTrainer, onlyMissing: Bool) throws {
        let curves = outputFolder.appendingPathComponent("curves.png")
        let samples = outputFolder.appendingPathComponent("samples.png")
        func wanted(_ url: URL) -> Bool { !onlyMissing || !FileManager.default.fileExists(atPath: url.path) }
        guard wanted(curves) || wanted(samples) else { return }
        let architecture = trainer.recipe.architecture
        if wanted(curves) {
            try TrainingFigures.curves(trainer.history, title: "Training \(trainer.recipe.name)").write(to: curves)
        }
        if wanted(samples) {
            let noise = Matrix<Float>(rows: 100, columns: architecture.noiseDimension)
            architecture.noisePrior.fill(noise, using: RandomSource(seed: 0))
            let side = Int(Double(architecture.pixels).squareRoot())
            try TrainingFigures.grid(trainer.generator.forward(noise), side: side, columns: 10).write(to: samples)
        }
        say("figures: \(curves.path), \(samples.path)")
    }
}
