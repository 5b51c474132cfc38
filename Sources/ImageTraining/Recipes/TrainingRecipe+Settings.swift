import Foundation
import GANCore

/// A recipe's settings as the chapters print them, written from the values
/// the trainer runs, so a chapter's table of settings cannot drift from them.
extension TrainingRecipe {
    public var settingsLines: [String] {
        let a = architecture, s = schedule
        let dropout = a.dropout.map { ", dropout keeping \($0.input) of the inputs and \($0.hidden) of the hidden units" } ?? ", no dropout"
        return [
            "recipe \(name):",
            "  G: \(a.noiseDimension) -> \(a.generatorHidden) ReLU -> \(a.generatorHidden) ReLU -> \(a.pixels) sigmoid, weights U(±\(a.generatorWeightRange)), z ~ U(±\(fixed(a.noiseRange.upperBound, 3))) in each of \(a.noiseDimension) dimensions",
            "  D: \(a.pixels) -> maxout \(a.discriminatorUnits)x\(a.discriminatorPieces) -> maxout \(a.discriminatorUnits)x\(a.discriminatorPieces) -> logit, weights U(±\(a.discriminatorWeightRange))\(dropout)",
            "  update: \(updateRule), minibatches of m = \(batchSize), G loss \(generatorLoss)",
            "  learning rate \(s.initialLearningRate), divided by \(s.decayFactor) every minibatch, at least \(s.minimumLearningRate)",
            "  momentum \(s.initialMomentum) at epoch \(s.momentumStartEpoch), rising linearly to \(s.finalMomentum) at epoch \(s.momentumSaturationEpoch)",
        ]
    }
}
