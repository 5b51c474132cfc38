import DiscriminatorStep
import GANCore
import GeneratorStep

extension OneDimensionalGAN {
    /// The settings a run of this world uses, as the demo prints them: built
    /// from the values themselves, so the chapter cannot state one the code
    /// does not run.
    public var settingsLines: [String] {
        let c = configuration
        let units = generator.activation == .relu ? "ReLU" : "sigmoid"
        let g = (["z"] + generator.hidden.map { "\($0) \(units)" } + ["x"]).joined(separator: " -> ")
        let d = (["x"] + discriminator.hidden.map { "maxout \($0.units)x\($0.pieces)" } + ["logit"]).joined(separator: " -> ")
        return [
            "p_data = \(data), z ~ \(prior)",
            "G: \(g), hidden biases uniform on ±\(generator.hiddenBiasRange); "
                + "D: \(d), biases \(discriminator.biasRange == 0 ? "0" : "uniform on ±\(discriminator.biasRange)")",
            "update: \(c.updateRule); m = \(c.minibatchSize), momentum \(c.momentum), G loss \(c.generatorLoss)",
            "learning rates \(c.discriminatorLearningRate) (D) and \(c.generatorLearningRate) (G), "
                + "divided by \(c.learningRateDecay) per iteration; \(Self.iterations) iterations",
        ]
    }
}
