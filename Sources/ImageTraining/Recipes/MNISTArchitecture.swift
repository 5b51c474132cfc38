import DiscriminatorStep
import Foundation
import GANCore
import GeneratorStep

/// The networks of the authors' MNIST run, as released with the paper.
///
/// ```
/// G: z ∈ ℝ¹⁰⁰ → 1200 ReLU → 1200 ReLU → 784 sigmoid        weights U(±0.05)
/// D: x ∈ ℝ⁷⁸⁴ → maxout 240×5 → maxout 240×5 → 1 (logit)   weights U(±0.005)
///    dropout on D's input (keep 0.8, scale 1.25) and on each later layer's input (keep 0.5, scale 2)
/// ```
/// G's output bias starts at the logit of each pixel's mean over the
/// training set, so its first samples are the mean image.
/// - Paper: §5 ("rectifier linear activations and sigmoid", "maxout", "dropout").
public struct MNISTArchitecture: Sendable, Equatable, Codable {
    public var noiseDimension = 100
    public var generatorHidden = 1200
    public var discriminatorUnits = 240
    public var discriminatorPieces = 5
    public var pixels = 784
    public var generatorWeightRange = 0.05
    public var discriminatorWeightRange = 0.005
    /// Dropout keep probabilities: D's input, then D's later layers. nil: no dropout.
    public var dropout: (input: Double, hidden: Double)? = (0.8, 0.5)

    public init() {}

    public static func == (a: MNISTArchitecture, b: MNISTArchitecture) -> Bool {
        a.noiseDimension == b.noiseDimension && a.generatorHidden == b.generatorHidden
            && a.discriminatorUnits == b.discriminatorUnits && a.discriminatorPieces == b.discriminatorPieces
            && a.pixels == b.pixels && a.generatorWeightRange == b.generatorWeightRange
            && a.discriminatorWeightRange == b.discriminatorWeightRange
            && a.dropout?.input == b.dropout?.input && a.dropout?.hidden == b.dropout?.hidden
    }

    enum CodingKeys: String, CodingKey {
        case noiseDimension, generatorHidden, discriminatorUnits, discriminatorPieces, pixels
        case generatorWeightRange, discriminatorWeightRange, dropoutInput, dropoutHidden
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        noiseDimension = try c.decode(Int.self, forKey: .noiseDimension)
        generatorHidden = try c.decode(Int.self, forKey: .generatorHidden)
        discriminatorUnits = try c.decode(Int.self, forKey: .discriminatorUnits)
        discriminatorPieces = try c.decode(Int.self, forKey: .discriminatorPieces)
        pixels = try c.decode(Int.self, forKey: .pixels)
        generatorWeightRange = try c.decode(Double.self, forKey: .generatorWeightRange)
        discriminatorWeightRange = try c.decode(Double.self, forKey: .discriminatorWeightRange)
        if let input = try c.decodeIfPresent(Double.self, forKey: .dropoutInput),
           let hidden = try c.decodeIfPresent(Double.self, forKey: .dropoutHidden) {
            dropout = (input, hidden)
        } else {
            dropout = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(noiseDimension, forKey: .noiseDimension)
        try c.encode(generatorHidden, forKey: .generatorHidden)
        try c.encode(discriminatorUnits, forKey: .discriminatorUnits)
        try c.encode(discriminatorPieces, forKey: .discriminatorPieces)
        try c.encode(pixels, forKey: .pixels)
        try c.encode(generatorWeightRange, forKey: .generatorWeightRange)
        try c.encode(discriminatorWeightRange, forKey: .discriminatorWeightRange)
        try c.encodeIfPresent(dropout?.input, forKey: .dropoutInput)
        try c.encodeIfPresent(dropout?.hidden, forKey: .dropoutHidden)
    }

    /// z ~ U[−√3, √3]¹⁰⁰: unit variance per coordinate.
    public var noiseRange: ClosedRange<Double> { -(3.0.squareRoot())...(3.0.squareRoot()) }

    /// p_z, the noise G is fed.
    public var noisePrior: NoisePrior { NoisePrior(width: noiseDimension, uniformOn: noiseRange.lowerBound, noiseRange.upperBound) }

    // [excerpt: mnist-generator]
    public func generator<Scalar: BLASScalar>(
        _: Scalar.Type = Float.self, pixelMeans: [Double]?, using random: RandomSource
    ) -> MultilayerPerceptron<Scalar> {
        let layers: [any Layer<Scalar>] = [
            Affine(noiseDimension, generatorHidden), ReLU(generatorHidden),
            Affine(generatorHidden, generatorHidden), ReLU(generatorHidden),
            Affine(generatorHidden, pixels), Sigmoid(pixels),
        ]
        let network = MultilayerPerceptron(layers)
        for layer in network.affineLayers { layer.initialise(weightRange: generatorWeightRange, using: random) }
        if let pixelMeans { network.affineLayers.last!.initialiseBiasToLogits(ofMeans: pixelMeans) }
        return network
    }
    // [end: mnist-generator]

    // [excerpt: mnist-discriminator]
    /// The discriminator, ending in D's logit (the sigmoid lives in the loss, `LogTerms`).
    public var discriminatorShape: MaxoutDiscriminator {
        let layer = MaxoutDiscriminator.Layer(units: discriminatorUnits, pieces: discriminatorPieces)
        return MaxoutDiscriminator(
            inputWidth: pixels, hidden: [layer, layer], inputKeep: dropout?.input, hiddenKeep: dropout?.hidden,
            weightRange: discriminatorWeightRange)
    }

    public func discriminator<Scalar: BLASScalar>(
        _: Scalar.Type = Float.self, using random: RandomSource
    ) -> MultilayerPerceptron<Scalar> {
        discriminatorShape.make(Scalar.self, using: random)
    }
    // [end: mnist-discriminator]
}
