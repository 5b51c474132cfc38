import GANCore

/// The discriminator of §5: maxout layers, trained with dropout, ending in
/// one logit a(x), with D(x) = σ(a(x)).
///
/// ```
/// a(x) = w · h_L + c,   h_l = maxout(W_l · drop(h_{l−1}) + b_l),   h_0 = x
/// ```
/// The network stops at the logit: every loss in this project is written on
/// it (`LogTerms`), and σ is applied only to report a probability.
/// - Paper: §5 (maxout units, dropout); the authors' released configuration
///   (PAPER.md) for the sizes of `authorsMNIST`.
public struct MaxoutDiscriminator: Sendable {
    /// One maxout layer: `units` outputs, each the largest of `pieces` affine maps.
    public struct Layer: Sendable, Equatable {
        public var units: Int
        public var pieces: Int
        public init(units: Int, pieces: Int) {
            self.units = units
            self.pieces = pieces
        }
    }

    public var inputWidth: Int
    public var hidden: [Layer]
    /// Probability of keeping each input entry; `nil` for no dropout on the input.
    public var inputKeep: Double?
    /// Probability of keeping each hidden unit; `nil` for no dropout between layers.
    public var hiddenKeep: Double?
    /// Initial weights are uniform on ±`weightRange`.
    public var weightRange: Double
    /// Maxout pieces' biases start uniform on ±`biasRange` (0: all zero, as
    /// the authors'). In 1-D two pieces trade places at x = (b_q − b_p)/(w_p − w_q):
    /// with zero biases every kink of D's logit would start at x = 0.
    public var biasRange: Double

    public init(inputWidth: Int, hidden: [Layer], inputKeep: Double? = nil, hiddenKeep: Double? = nil,
                weightRange: Double, biasRange: Double = 0) {
        precondition(inputWidth > 0 && !hidden.isEmpty, "a maxout discriminator needs an input and a hidden layer")
        self.inputWidth = inputWidth
        self.hidden = hidden
        self.inputKeep = inputKeep
        self.hiddenKeep = hiddenKeep
        self.weightRange = weightRange
        self.biasRange = biasRange
    }

    /// The authors' MNIST discriminator: 784 → maxout 240×5 → maxout 240×5 → 1,
    /// input kept with p = 0.8, hidden units with p = 0.5, weights in ±0.005.
    public static let authorsMNIST = MaxoutDiscriminator(
        inputWidth: 784, hidden: [Layer(units: 240, pieces: 5), Layer(units: 240, pieces: 5)],
        inputKeep: 0.8, hiddenKeep: 0.5, weightRange: 0.005)

    /// The 1-D discriminator of Chapters 2 and 3: one maxout layer of 8 units × 4 pieces
    /// (Chapter 4 stacks two such layers).
    ///
    /// Deviation from the paper: no dropout. The 1-D runs draw fresh samples
    /// at every step, so there is nothing to overfit, and a network trained
    /// with dropout but evaluated without it is not the maximiser of the
    /// objective it ascended, which would blur the comparison with D*.
    public static let oneDimensional = MaxoutDiscriminator(
        inputWidth: 1, hidden: [Layer(units: 8, pieces: 4)], weightRange: 0.1)

    /// Builds the network with freshly drawn weights; dropout masks draw from `random` too.
    public func make<Scalar: BLASScalar>(_: Scalar.Type = Scalar.self, using random: RandomSource) -> MultilayerPerceptron<Scalar> {
        var layers: [any GANCore.Layer<Scalar>] = []
        var width = inputWidth
        for (index, layer) in hidden.enumerated() {
            if let keep = index == 0 ? inputKeep : hiddenKeep {
                layers.append(Dropout<Scalar>(width, keep: keep, random: random))
            }
            layers.append(Affine<Scalar>(width, layer.units * layer.pieces))
            layers.append(Maxout<Scalar>(units: layer.units, pieces: layer.pieces))
            width = layer.units
        }
        if let keep = hiddenKeep { layers.append(Dropout<Scalar>(width, keep: keep, random: random)) }
        layers.append(Affine<Scalar>(width, 1))
        let network = MultilayerPerceptron<Scalar>(layers)
        let affines = network.affineLayers
        for (index, affine) in affines.enumerated() {
            affine.initialise(weightRange: weightRange, using: random)
            if index < affines.count - 1 && biasRange > 0 { random.fillUniform(affine.bias, -biasRange, biasRange) }
        }
        return network
    }
}
