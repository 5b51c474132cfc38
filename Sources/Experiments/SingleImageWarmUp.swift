import DiscriminatorStep
import Figures
import Foundation
import GANCore
import GeneratorStep

/// The classic first exercise on the paper: one real image is the whole data
/// set, and G must learn to draw it from any z.
///
/// ```
/// G: z ∈ ℝ¹⁰⁰ → hidden ReLU → pixels sigmoid        D: x → hidden ReLU → 1 (logit)
/// each epoch:  4 × ascend  log D(x) + log(1 − D(G(z)))      (m = 1: binary cross-entropy)
///              3 × descend log(1 − D(G(z)))                 (Algorithm 1's saturating loss)
/// ```
/// Fresh z ~ U[−√3, √3]¹⁰⁰ for every step, momentum SGD for both networks.
/// With a single data point, p_data is a point mass; the only G that D
/// cannot tell apart from it maps every z to the image. A colour image is
/// one row of H × W × 3 values, so G learns every channel with one output each.
/// - Paper: Algorithm 1 (k = 4 here, and 3 generator steps per iteration), Eq. (1).
public final class SingleImageWarmUp {
    /// The knobs of the exercise.
    public struct Settings: Sendable, Equatable {
        public var epochs = 500
        public var discriminatorSteps = 4
        public var generatorSteps = 3
        public var noiseDimension = 100
        public var hidden = 64
        /// D learns slowly and G fast: with equal rates of 0.01, D rejects
        /// G(z) (D(G(z)) = 0.003 after 50 epochs) and the saturating
        /// loss's gradient, proportional to D(G(z)), stops G (§3).
        public var discriminatorLearningRate = 0.001
        public var generatorLearningRate = 0.2
        public var momentum = 0.5
        /// Algorithm 1's saturating log(1 − D(G(z))) by default.
        public var generatorLoss = GeneratorLoss.saturating
        public init() {}

        /// §3's remedy instead of slow D: the non-saturating −log D(G(z)),
        /// whose gradient at D's logit is −(1 − D(G(z))) and so is largest
        /// exactly when D rejects G(z). With it D may learn ten times faster
        /// (0.01) and G at 0.05; it learns colour pictures too, where the
        /// saturating settings above stall (a colour image has three times
        /// the inputs, so D's logit moves about three times as far per step).
        public static var nonSaturating: Settings {
            var settings = Settings()
            settings.generatorLoss = .nonSaturating
            settings.discriminatorLearningRate = 0.01
            settings.generatorLearningRate = 0.05
            return settings
        }
    }

    public let settings: Settings
    /// The real image, one row of pixels in [0, 1].
    public let image: Matrix<Float>
    public let generator: MultilayerPerceptron<Float>
    public let discriminator: MultilayerPerceptron<Float>
    public let discriminatorStep: DiscriminatorStep<Float>
    public let generatorStep: GeneratorStep<Float>
    public let prior: NoisePrior
    public let random: RandomSource
    private let noise: Matrix<Float>
    public private(set) var epochsDone = 0

    /// - Parameters:
    ///   - image: one row of pixels in [0, 1].
    ///   - seed: seeds the weights and every z.
    public init(image: Matrix<Float>, settings: Settings = Settings(), seed: UInt64) {
        precondition(image.rows == 1 && image.columns > 0, "the warm-up takes one image as one row, got \(image.rows)×\(image.columns)")
        self.settings = settings
        self.image = image
        random = RandomSource(seed: seed)
        let pixels = image.columns, h = settings.hidden
        let generatorLayers: [any Layer<Float>] = [Affine(settings.noiseDimension, h), ReLU(h), Affine(h, pixels), Sigmoid(pixels)]
        let discriminatorLayers: [any Layer<Float>] = [Affine(pixels, h), ReLU(h), Affine(h, 1)]
        generator = MultilayerPerceptron(generatorLayers)
        discriminator = MultilayerPerceptron(discriminatorLayers)
        for layer in generator.affineLayers { layer.initialise(weightRange: 0.05, using: random) }
        for layer in discriminator.affineLayers { layer.initialise(weightRange: 0.05, using: random) }
        discriminatorStep = DiscriminatorStep(discriminator: discriminator)
        generatorStep = GeneratorStep(generator: generator, discriminator: discriminator, loss: settings.generatorLoss)
        prior = NoisePrior(width: settings.noiseDimension, uniformOn: -(3.0.squareRoot()), 3.0.squareRoot())
        noise = Matrix(rows: 1, columns: settings.noiseDimension)
    }

    // [excerpt: warm-up-epoch]
    /// One epoch: k steps of D on (the image, G(z)), then the generator's steps.
    public func trainEpoch() {
        let s = settings
        for _ in 0..<s.discriminatorSteps {
            prior.fill(noise, using: random)
            let generated = generator.forward(noise)
            discriminatorStep.step(real: image, generated: generated,
                                   learningRate: Float(s.discriminatorLearningRate), momentum: Float(s.momentum))
        }
        for _ in 0..<s.generatorSteps {
            prior.fill(noise, using: random)
            generatorStep.step(noise: noise, learningRate: Float(s.generatorLearningRate), momentum: Float(s.momentum))
        }
        epochsDone += 1
    }
    // [end: warm-up-epoch]

    /// Trains until `settings.epochs` epochs are done.
    public func train(progress: (Int, Int) -> Void = { _, _ in }) {
        while epochsDone < settings.epochs {
            trainEpoch()
            if epochsDone % 50 == 0 || epochsDone == settings.epochs { progress(epochsDone, settings.epochs) }
        }
    }

    /// G(z) for `count` fresh z, one per row.
    public func samples(_ count: Int, seed: UInt64) -> Matrix<Float> {
        let z = Matrix<Float>(rows: count, columns: settings.noiseDimension)
        prior.fill(z, using: RandomSource(seed: seed))
        return generator.forward(z).copy()  // the network's buffer is overwritten by its next pass
    }

    /// D(x) for the image and the mean of D(G(z)) over `count` fresh z.
    public func discriminatorOutputs(samples count: Int = 10, seed: UInt64 = 12345) -> (real: Double, generated: Double) {
        let x = samples(count, seed: seed)
        let real = Double(sigmoid(discriminator.forward(image)[0, 0]))
        let logits = discriminator.forward(x)
        let generated = (0..<count).reduce(0.0) { $0 + Double(sigmoid(logits[$1, 0])) } / Double(count)
        return (real, generated)
    }

    /// Mean over `count` fresh z and over pixels of |G(z) − x|.
    public func meanAbsoluteError(samples count: Int = 10, seed: UInt64 = 12345) -> Double {
        let x = samples(count, seed: seed)
        var total = 0.0
        for r in 0..<x.rows {
            for c in 0..<x.columns { total += Double(abs(x[r, c] - image[0, c])) }
        }
        return total / Double(x.rows * x.columns)
    }

    /// The real image and one generated image side by side, each pixel
    /// drawn as a `scale × scale` block. `channels` is 1 (grey) or 3 (RGB,
    /// interleaved as `WarmUpImage` stores it).
    public func comparison(seed: UInt64 = 12345, width: Int, height: Int, channels: Int = 1, scale: Int = 4) -> RasterImage {
        let picture = WarmUpImage(pixels: image, width: width, height: height, channels: channels, source: "")
        let tiles = [picture.raster(of: image, scale: scale), picture.raster(of: samples(1, seed: seed), scale: scale)]
        return ImageGrid(columns: 2, separator: 2 * scale).render(tiles)
    }
}
