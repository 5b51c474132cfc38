import FileFormats
import Foundation

extension TrainingRun {
    /// A resumed run's recipe, or the named one with the options' changes,
    /// its image size the data's.
    func chooseRecipe(resuming resumed: ResumedCheckpoint?, images data: TrainingImages) throws -> TrainingRecipe {
        let pixels = data.images.columns
        if let resumed {
            let recipe = resumed.state.recipe
            guard recipe.architecture.pixels == pixels else {
                let images = data.dataSet.training.images
                throw Refusal.data(
                    "\(checkpointURL.path) was trained on images of \(recipe.architecture.pixels) pixels, but \(data.dataSet.trainingImagesURL.path) holds images of \(images.rows)×\(images.columns) = \(pixels)")
            }
            return recipe
        }
        let name = options.recipeName ?? "authors"
        guard var recipe = TrainingRecipe.named(name) else {
            throw Refusal.options("no recipe '\(name)'; choose one of \(TrainingRecipe.named.map(\.name).joined(separator: ", "))")
        }
        if let rate = options.learningRate { recipe.schedule.initialLearningRate = rate }
        if let k = options.discriminatorSteps { recipe.updateRule = .algorithm1(k: k) }
        if options.simultaneous { recipe.updateRule = .simultaneous }
        if let loss = options.generatorLoss { recipe.generatorLoss = loss }
        // The image size is the data's, not a choice: the networks are built to fit it.
        recipe.architecture.pixels = pixels
        if let problem = recipe.rangeProblem {
            throw Refusal.options("recipe \(recipe.name): \(problem.field) is \(problem.value); expected \(problem.expected)")
        }
        return recipe
    }

    /// Iterations in an epoch of `rows` training rows, refused when there is not one.
    func iterationsPerEpoch(of recipe: TrainingRecipe, rows: Int, resuming: Bool) throws -> Int {
        let perIteration: Int  // real minibatches per iteration
        if case .algorithm1(let k) = recipe.updateRule { perIteration = k } else { perIteration = 1 }
        let batchesPerEpoch = rows / recipe.batchSize
        guard batchesPerEpoch >= perIteration else {
            let rule = perIteration > 1 ? "k = \(perIteration) (--k) takes \(perIteration) minibatches per iteration" : "an iteration takes one minibatch of \(recipe.batchSize)"
            throw Refusal(
                resuming ? .unsuitableData : .invalidOptions,
                "\(rule), but \(rows) rows in minibatches of \(recipe.batchSize) make \(batchesPerEpoch) per epoch; use more --rows or a smaller --k")
        }
        return batchesPerEpoch / perIteration
    }
}
