import ArgumentParser
import Experiments
import FileFormats
import Foundation
import GANCore
import GeneratorStep
import ImageTraining

extension Study {
    /// `study warmup`: the single-image exercise on any PNG.
    struct WarmUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "warmup",
            abstract: "Train a GAN whose whole data set is one image (grey or colour); write the real and the generated image side by side.",
            discussion: "Without --image, the first Fashion-MNIST training image. A PNG larger than \(WarmUpImage.maximumSide) px on a side is shrunk with a box filter; colour PNGs are learnt in all three channels. The figure draws each pixel as a 4×4 block.")

        @Option(help: "A PNG to learn, in colour (grey if every pixel is grey).")
        var image: String?

        @Option(help: "Epochs of 4 D steps and 3 G steps.")
        var epochs = 500

        @Option(help: "Hidden units of G and of D.")
        var hidden = SingleImageWarmUp.Settings.nonSaturating.hidden

        @Option(help: "Learning rate of G.")
        var generatorLearningRate = SingleImageWarmUp.Settings.nonSaturating.generatorLearningRate

        @Option(help: "Learning rate of D.")
        var discriminatorLearningRate = SingleImageWarmUp.Settings.nonSaturating.discriminatorLearningRate

        @Option(help: "The generator's loss: nonSaturating (-log D(G(z)), §3) or saturating (log(1 - D(G(z))), Algorithm 1; Chapter 6 pairs it with --discriminator-learning-rate 0.001 --generator-learning-rate 0.2).")
        var generatorLoss = "nonSaturating"

        @Option(help: "Seed for the weights and every z.")
        var seed: UInt64 = 1

        @Flag(help: "Print the error and D's outputs every 50 epochs.")
        var trace = false

        @Option(help: "Folder for warm-up.png.")
        var output = "runs/warmup"

        func validate() throws {
            guard GeneratorLoss(rawValue: generatorLoss) != nil else {
                throw ValidationError("--generator-loss must be one of \(GeneratorLoss.allCases.map(\.rawValue).joined(separator: ", ")), got '\(generatorLoss)'")
            }
            guard (1...1_000_000).contains(epochs) else { throw ValidationError("--epochs must be in 1...1000000, got \(epochs)") }
            guard (1...10_000).contains(hidden) else { throw ValidationError("--hidden must be in 1...10000, got \(hidden)") }
            try OutputOption.validate(output)
            if let image, image.isEmpty { throw ValidationError("--image is empty; give the path of a PNG") }
            for (name, rate) in [("generator", generatorLearningRate), ("discriminator", discriminatorLearningRate)] where !(rate > 0 && rate <= TrainingRecipe.maximumLearningRate) {
                throw ValidationError("--\(name)-learning-rate must be a number in (0, \(TrainingRecipe.maximumLearningRate)], got \(rate)")
            }
        }

        func run() throws {
            let picture: WarmUpImage
            if let image {
                picture = try WarmUpImage(contentsOf: URL(fileURLWithPath: image))
            } else {
                let data = try DataSet()
                let pixels = data.training.images.matrix(0..<1, as: Float.self)
                let side = data.training.images.rows
                picture = WarmUpImage(pixels: pixels, width: data.training.images.columns, height: side, source: "Fashion-MNIST training row 0")
            }
            var settings = SingleImageWarmUp.Settings()
            settings.epochs = epochs
            settings.hidden = hidden
            settings.discriminatorLearningRate = discriminatorLearningRate
            settings.generatorLearningRate = generatorLearningRate
            settings.generatorLoss = GeneratorLoss(rawValue: generatorLoss)!
            let folder = URL(fileURLWithPath: output)
            let claim = try OutputFolder.claim(folder)
            defer { claim.release() }
            let warmUp = SingleImageWarmUp(image: picture.pixels, settings: settings, seed: seed)
            print("\(picture.source): \(picture.width)x\(picture.height) pixels, \(picture.channels == 3 ? "RGB" : "grey"); mean |G(z) - x| \(fixed(warmUp.meanAbsoluteError())) before training")
            let started = Date()
            let progress = TerminalProgress.reporter
            warmUp.train { done, total in
                progress.report("warm-up", done, total)
                if trace {
                    let d = warmUp.discriminatorOutputs()
                    print("epoch \(done): mean |G(z) - x| \(fixed(warmUp.meanAbsoluteError())), D(x) \(fixed(d.real, 3)), D(G(z)) \(fixed(d.generated, 3))")
                }
            }
            let seconds = Date().timeIntervalSince(started)
            print("after \(epochs) epochs (\(String(format: "%.1f", seconds)) s): mean |G(z) - x| \(fixed(warmUp.meanAbsoluteError()))")
            let png = folder.appendingPathComponent("warm-up.png")
            try warmUp.comparison(width: picture.width, height: picture.height, channels: picture.channels).write(to: png)
            print("real (left) and generated (right): \(png.path)")
        }
    }
}
