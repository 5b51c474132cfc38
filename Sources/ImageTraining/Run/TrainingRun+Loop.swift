import Foundation
import GANCore

extension TrainingRun {
    /// Iterations until `target`: a checkpoint and a log line at every epoch's
    /// end (and at the target), the epoch's measures with `measured`, and a
    /// checkpoint before stopping on SIGINT or SIGTERM.
    func train(_ trainer: ImageTrainer, until target: Int, seed: UInt64, provenance: TrainingProvenance, measured: MeasuredRun?) throws {
        var clock = Date()
        var trainingSeconds = measured?.record.epochs.last?.trainingSeconds ?? 0
        Interruption.install()
        let rate = IterationRate(startingAt: trainer.iteration)
        while trainer.iteration < target {
            let s = trainer.trainIteration()
            for (name, value) in [("V", s.value), ("D(x)", s.meanRealProbability), ("D(G(z))", s.meanGeneratedProbability)] where !value.isFinite {
                throw TrainingDiverged(iteration: trainer.iteration, quantity: name, value: value, checkpoint: checkpointURL,
                                       learningRate: trainer.recipe.schedule.initialLearningRate)
            }
            reporter.update(Progress(
                iteration: trainer.iteration, totalIterations: target, epoch: trainer.sampler.epoch,
                iterationsPerSecond: rate.perSecond(at: trainer.iteration), value: s.value,
                meanRealProbability: s.meanRealProbability, meanGeneratedProbability: s.meanGeneratedProbability))
            if trainer.sampler.isEpochComplete || trainer.iteration == target {
                try save(trainer, seed: seed, provenance: provenance)
                logEpoch(trainer, latest: s, rate: rate)
                if let measured, trainer.sampler.isEpochComplete {
                    trainingSeconds += Date().timeIntervalSince(clock)
                    let stalled = try measureEpoch(measured, trainer.sampler.epoch, trainingSeconds: trainingSeconds)
                    clock = Date()
                    if stalled { break }
                }
            }
            if let signal = Interruption.receivedSignal {
                try save(trainer, seed: seed, provenance: provenance)
                say("\(signal == SIGTERM ? "terminated" : "interrupted") at iteration \(trainer.iteration); checkpoint saved, continue with --resume")
                throw TrainingInterrupted(signal: signal)
            }
        }
    }

    /// The epoch's line: where the run is, its speed, and the latest history point's means.
    func logEpoch(_ trainer: ImageTrainer, latest s: ImageTrainer.Statistics, rate: IterationRate) {
        let recent = trainer.history.last
        say(String(format: "epoch %d%@: iteration %d, %.1f it/s, V %.4f, D(x) %.3f, D(G(z)) %.3f",
                   trainer.sampler.epoch, (trainer.sampler.isEpochComplete ? " done" : "") as NSString, trainer.iteration,
                   rate.perSecond(at: trainer.iteration), recent?.value ?? s.value, recent?.meanRealProbability ?? s.meanRealProbability,
                   recent?.meanGeneratedProbability ?? s.meanGeneratedProbability))
    }

    /// Saves a checkpoint, unless the parameters have gone bad (then the last good one stays).
    func save(_ trainer: ImageTrainer, seed: UInt64, provenance: TrainingProvenance) throws {
        guard trainer.parametersAreFinite else {
            throw TrainingDiverged(iteration: trainer.iteration, quantity: "a network parameter", value: .nan, checkpoint: checkpointURL,
                                   learningRate: trainer.recipe.schedule.initialLearningRate)
        }
        try TrainingCheckpoint.write(trainer, seed: seed, metadata: provenance.metadata, to: checkpointURL)
    }
}

/// Iterations per second since a run (or its resumption) started.
struct IterationRate {
    let started = Date()
    let firstIteration: Int

    init(startingAt iteration: Int) { firstIteration = iteration }

    func perSecond(at iteration: Int) -> Double {
        let elapsed = Date().timeIntervalSince(started)
        return elapsed > 0 ? Double(iteration - firstIteration) / elapsed : 0
    }
}
