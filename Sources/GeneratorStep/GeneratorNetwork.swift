import GANCore

/// The generator of §5: a multilayer perceptron from noise to data space,
/// rectified linear (or sigmoid) hidden units, noise only at the bottom.
///
/// ```
/// G(z) = out( h_L W + b ),   h_l = act(h_{l−1} W_l + b_l),   h_0 = z
/// ```
/// - Paper: §3 (G a multilayer perceptron), §5 (ReLU and sigmoid units);
///   the authors' released configuration (PAPER.md) for `authorsMNIST`.
public struct GeneratorNetwork: Sendable {
    public enum Activation: Sendable { case relu, sigmoid }
    public enum Output: Sendable { case linear, sigmoid }

    public var noiseWidth: Int
    public var hidden: [Int]
    public var activation: Activation
    public var outputWidth: Int
    public var output: Output
    /// Initial weights are uniform on ±`weightRange`.
    public var weightRange: Double
    /// The output layer's initial bias.
    public var outputBias: Double
    /// Hidden biases start uniform on ±`hiddenBiasRange` (0: all zero, as the authors').
    /// In 1-D this spreads the ReLU kinks over the z interval; with zero
    /// biases every unit would bend at z = 0.
    public var hiddenBiasRange: Double

    public init(noiseWidth: Int, hidden: [Int], activation: Activation = .relu, outputWidth: Int,
                output: Output, weightRange: Double, outputBias: Double = 0, hiddenBiasRange: Double = 0) {
        precondition(noiseWidth > 0 && outputWidth > 0 && hidden.allSatisfy { $0 > 0 }, "GeneratorNetwork widths must be positive")
        self.noiseWidth = noiseWidth
        self.hidden = hidden
        self.activation = activation
        self.outputWidth = outputWidth
        self.output = output
        self.weightRange = weightRange
        self.outputBias = outputBias
        self.hiddenBiasRange = hiddenBiasRange
    }

    /// The authors' MNIST generator: 100 → 1200 ReLU → 1200 ReLU → 784 sigmoid,
    /// weights in ±0.05 (the pixel-mean output bias is set by the caller).
    public static let authorsMNIST = GeneratorNetwork(
        noiseWidth: 100, hidden: [1200, 1200], outputWidth: 784, output: .sigmoid, weightRange: 0.05)

    /// The 1-D generator of Chapters 3–4: z → 16 ReLU → x, linear output.
    public static let oneDimensional = GeneratorNetwork(
        noiseWidth: 1, hidden: [16], outputWidth: 1, output: .linear, weightRange: 1, hiddenBiasRange: 1)

    public func make<Scalar: BLASScalar>(_: Scalar.Type = Scalar.self, using random: RandomSource) -> MultilayerPerceptron<Scalar> {
        var layers: [any Layer<Scalar>] = []
        var width = noiseWidth
        for next in hidden {
            layers.append(Affine<Scalar>(width, next))
            switch activation {
            case .relu: layers.append(ReLU<Scalar>(next))
            case .sigmoid: layers.append(Sigmoid<Scalar>(next))
            }
            width = next
        }
        layers.append(Affine<Scalar>(width, outputWidth))
        if output == .sigmoid { layers.append(Sigmoid<Scalar>(outputWidth)) }
        let network = MultilayerPerceptron<Scalar>(layers)
        let affines = network.affineLayers
        for (index, affine) in affines.enumerated() {
            let isOutput = index == affines.count - 1
            affine.initialise(weightRange: weightRange, bias: isOutput ? Scalar(outputBias) : 0, using: random)
            if !isOutput && hiddenBiasRange > 0 { random.fillUniform(affine.bias, -hiddenBiasRange, hiddenBiasRange) }
        }
        return network
    }
}
