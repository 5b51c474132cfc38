import FileFormats
import Foundation

extension TrainingRun {
    /// The checkpoint a resumed run continues, checked for meaning.
    struct ResumedCheckpoint {
        let file: Safetensors
        let state: TrainingCheckpoint.State
        /// nil for a checkpoint written before provenance was recorded.
        let provenance: TrainingProvenance?
    }

    /// With `resume`, the checkpoint in the output folder, after refusing
    /// options that disagree with it; otherwise nil, after refusing to
    /// replace a run unless `overwrite` says so.
    func openCheckpoint() throws -> ResumedCheckpoint? {
        guard options.resume else {
            if RegularFile.problem(at: checkpointURL.path)?.isMissing != true, !options.overwrite {
                throw Refusal(
                    .occupiedOutput,
                    "\(checkpointURL.path) holds a training run; pass --resume to continue it or --overwrite to replace it (or choose another --output)")
            }
            return nil
        }
        let file = try Safetensors(contentsOf: checkpointURL)
        let resumed = ResumedCheckpoint(file: file, state: try TrainingCheckpoint.validate(file), provenance: TrainingProvenance(of: file))
        try refuseDisagreements(resumed)
        return resumed
    }

    /// Refuses, naming the difference, when an option given with `resume` disagrees with the checkpoint.
    func refuseDisagreements(_ resumed: ResumedCheckpoint) throws {
        let recipe = resumed.state.recipe
        var differences: [String] = []
        if let config = options.recipeName, config != recipe.name { differences.append("--config \(config) (the checkpoint's recipe is \(recipe.name))") }
        if let k = options.discriminatorSteps, recipe.updateRule != .algorithm1(k: k) {
            differences.append("--k \(k) (the checkpoint's rule is \(recipe.updateRule))")
        }
        if options.simultaneous, recipe.updateRule != .simultaneous { differences.append("--simultaneous (the checkpoint's rule is \(recipe.updateRule))") }
        if let loss = options.generatorLoss, loss != recipe.generatorLoss {
            differences.append("--generator-loss \(loss.rawValue) (the checkpoint's is \(recipe.generatorLoss.rawValue))")
        }
        if let rate = options.learningRate, rate != recipe.schedule.initialLearningRate {
            differences.append("--learning-rate \(rate) (the checkpoint's run started at \(recipe.schedule.initialLearningRate))")
        }
        if let seed = options.seed, seed != resumed.state.seed { differences.append("--seed \(seed) (the checkpoint's is \(resumed.state.seed))") }
        if let rows = options.rows, let recorded = resumed.provenance?.rows, rows != recorded {
            differences.append("--rows \(rows) (the checkpoint trained on \(recorded))")
        }
        guard differences.isEmpty else {
            throw Refusal.options(
                "--resume continues \(resumed.file.path) as recorded, but \(differences.joined(separator: ", ")); leave the option out or start a new run")
        }
    }

    /// Refuses a resumed run's data when it is not what the checkpoint trained on.
    func refuseOtherData(_ data: TrainingImages, resuming resumed: ResumedCheckpoint) throws {
        guard let provenance = resumed.provenance else { return }
        if let recorded = provenance.sha256, recorded != data.digest {
            throw Refusal.data(
                "\(resumed.file.path) was trained on \(provenance.file ?? "training images") with SHA-256 \(recorded), but \(data.dataSet.trainingImagesURL.path) has SHA-256 \(data.digest): other data; give the same --data or start a new run")
        }
        if let recorded = provenance.rows, recorded != data.images.rows {
            throw Refusal.data("\(resumed.file.path) was trained on \(recorded) rows, but \(data.path) gives \(data.images.rows); give --rows \(recorded)")
        }
    }
}
