import DiscriminatorStep
import GANCore
import GeneratorStep
import ImageTraining

/// §7's first direction: "A conditional generative model p(x | c) can be
/// obtained by adding c as input to both G and D."
///
/// c is a class as a one-hot vector of k entries, placed after the other
/// columns of each network's input:
/// ```
/// G: [z | c] → affine + ReLU → affine + ReLU → affine + sigmoid → [x | c]
/// D: [x | c] → maxout → maxout → logit
/// ```
/// G hands c on to its output (`ConditionedLayer`), so that a generated row
/// reaches D as [G(z, c) | c], the same shape as a real row [x | c] with its
/// own label: Chapter 4's trainer then plays Eq. (1) on p(x, c) unchanged,
/// and D's optimum D*(x, c) = p_data(x, c) / (p_data(x, c) + p_g(x, c)) is
/// Proposition 1 on the pairs.
///
/// Departure from §5's networks: D's input dropout falls on x only, never on
/// c, so D always knows which class it is judging.
public struct ConditionalModel: Sendable {
    /// The unconditional networks the model extends (widths, ranges, dropout).
    public var architecture: MNISTArchitecture
    /// k, the number of classes.
    public var classes: Int
    /// The value of c's one entry (the others are 0).
    ///
    /// Departure from a plain one-hot: c's entry is 4, not 1. D's first
    /// layer starts with weights U(±0.005) on every input; the gradient on a
    /// weight from c is proportional to c's value, and so is that weight's
    /// effect on D, so the path from c learns at value² times the rate:
    /// at 1, after the short run's 2 500 steps D still barely reads c
    /// (`OpenDirectionsTests.conditionAtOne_isBarelyObeyed`).
    public var conditionValue: Float = 4

    public init(architecture: MNISTArchitecture, classes: Int) {
        precondition(classes >= 2, "a condition needs at least two classes")
        self.architecture = architecture
        self.classes = classes
    }

    /// The prior over G's input: z ~ p_z beside a class drawn uniformly.
    public var prior: ConditionalPrior { ConditionalPrior(noise: architecture.noisePrior, classes: classes, value: conditionValue) }

    // [excerpt: conditional-generator]
    /// G(z, c): §5's generator with c added to its input and carried to its output.
    public func generator<Scalar: BLASScalar>(
        _: Scalar.Type = Float.self, pixelMeans: [Double]?, using random: RandomSource
    ) -> MultilayerPerceptron<Scalar> {
        let a = architecture, k = classes
        let affines = [Affine<Scalar>(a.noiseDimension + k, a.generatorHidden),
                       Affine<Scalar>(a.generatorHidden, a.generatorHidden), Affine<Scalar>(a.generatorHidden, a.pixels)]
        let network = MultilayerPerceptron<Scalar>([
            ConditionedLayer(affines[0], conditionWidth: k, innerReadsCondition: true),
            ConditionedLayer(ReLU<Scalar>(a.generatorHidden), conditionWidth: k),
            ConditionedLayer(affines[1], conditionWidth: k), ConditionedLayer(ReLU<Scalar>(a.generatorHidden), conditionWidth: k),
            ConditionedLayer(affines[2], conditionWidth: k), ConditionedLayer(Sigmoid<Scalar>(a.pixels), conditionWidth: k),
        ])
        for layer in affines { layer.initialise(weightRange: a.generatorWeightRange, using: random) }
        if let pixelMeans { affines[2].initialiseBiasToLogits(ofMeans: pixelMeans) }
        return network
    }
    // [end: conditional-generator]

    // [excerpt: conditional-discriminator]
    /// D(x, c): §5's maxout discriminator reading [x | c], with its input dropout on x alone.
    public func discriminator<Scalar: BLASScalar>(_: Scalar.Type = Float.self, using random: RandomSource) -> MultilayerPerceptron<Scalar> {
        let a = architecture, k = classes
        var layers: [any Layer<Scalar>] = []
        if let keep = a.dropout?.input {
            layers.append(ConditionedLayer(Dropout<Scalar>(a.pixels, keep: keep, random: random), conditionWidth: k))
        }
        // D's first affine layer reads [x | c]; the rest is §5's maxout stack.
        var shape = a.discriminatorShape
        shape.inputWidth = a.pixels + k
        shape.inputKeep = nil
        layers += shape.make(Scalar.self, using: random).layers
        let network = MultilayerPerceptron<Scalar>(layers)
        for layer in network.affineLayers { layer.initialise(weightRange: a.discriminatorWeightRange, using: random) }
        return network
    }
    // [end: conditional-discriminator]

    /// Each image beside its label as a one-hot vector: the rows [x | c] D sees as real.
    public func labelledRows(images: Matrix<Float>, labels: [Int]) -> Matrix<Float> {
        precondition(images.rows == labels.count, "\(images.rows) images but \(labels.count) labels")
        let width = images.columns + classes
        let rows = Matrix<Float>(rows: images.rows, columns: width)
        for r in 0..<images.rows {
            precondition((0..<classes).contains(labels[r]), "label \(labels[r]) of row \(r) is not in 0..<\(classes)")
            (rows.base + r * width).update(from: images.base + r * images.columns, count: images.columns)
            rows[r, images.columns + labels[r]] = conditionValue
        }
        return rows
    }

    /// G's images for the given classes (one row each), from `random`'s noise.
    public func samples(of generator: MultilayerPerceptron<Float>, classes labels: [Int], using random: RandomSource) -> Matrix<Float> {
        let input = Matrix<Float>(rows: labels.count, columns: architecture.noiseDimension + classes)
        prior.fill(input, classes: labels, using: random)
        return Self.pixels(of: generator.forward(input), width: architecture.pixels)
    }

    /// The first `width` columns of each row: [x | c] without c.
    public static func pixels(of rows: Matrix<Float>, width: Int) -> Matrix<Float> {
        let result = Matrix<Float>(rows: rows.rows, columns: width)
        for r in 0..<rows.rows { (result.base + r * width).update(from: rows.base + r * rows.columns, count: width) }
        return result
    }
}

/// G's input for the conditional model: z ~ p_z, then a one-hot class.
public struct ConditionalPrior: GeneratorInputSource {
    public let noise: NoisePrior
    public let classes: Int
    /// The value of c's one entry.
    public let value: Float
    public var width: Int { noise.width + classes }

    public init(noise: NoisePrior, classes: Int, value: Float = 1) {
        precondition(classes >= 2 && value != 0, "a condition needs two classes and a non-zero entry")
        self.noise = noise
        self.classes = classes
        self.value = value
    }

    /// Noise and a class drawn uniformly for every row (Fashion-MNIST's classes are equally frequent).
    public func fill<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource) {
        fill(batch, classes: (0..<batch.rows).map { _ in random.index(below: classes) }, using: random)
    }

    /// Noise for every row, beside the given classes.
    public func fill<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, classes labels: [Int], using random: RandomSource) {
        precondition(batch.columns == width && labels.count == batch.rows, "conditional input must be \(labels.count)×\(width)")
        batch.fill(0)
        for r in 0..<batch.rows {
            let row = batch.base + r * width
            for j in 0..<noise.width { row[j] = Scalar(random.uniform(noise.lower, noise.upper)) }
            row[noise.width + labels[r]] = Scalar(value)
        }
    }
}
