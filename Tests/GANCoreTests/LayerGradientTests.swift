import GANCore
import GradientChecking
import Testing

/// Every layer's backward pass against GSL finite differences, with respect
/// to its parameters and its input, over several shapes and seeds.
///
/// Each check differentiates L = Σ R ⊙ layer(X) for a random R, whose
/// gradient ∂L/∂Y = R exercises the whole Jacobian product.
@Suite struct LayerGradientTests {
    /// (batch, input width, output width or units, pieces, seed)
    static let shapes: [(batch: Int, input: Int, output: Int, pieces: Int, seed: UInt64)] = [
        (1, 1, 1, 2, 11), (3, 4, 2, 3, 12), (5, 7, 6, 5, 13), (8, 3, 9, 2, 14),
    ]

    @Test(arguments: shapes.indices)
    func affineGradient_matchesFiniteDifferences(_ index: Int) {
        let s = Self.shapes[index]
        let random = RandomSource(seed: s.seed)
        let layer = Affine<Double>(s.input, s.output)
        let network = MultilayerPerceptron<Double>([layer])
        layer.initialise(weightRange: 1, using: random)
        random.fillUniform(layer.bias, -1, 1)
        checkNetwork(network, batch: s.batch, random: random)
    }

    @Test(arguments: shapes.indices)
    func reluGradient_matchesFiniteDifferences(_ index: Int) {
        let s = Self.shapes[index]
        let random = RandomSource(seed: s.seed)
        let network = MultilayerPerceptron<Double>([ReLU(s.input)])
        checkNetwork(network, batch: s.batch, random: random)
    }

    @Test(arguments: shapes.indices)
    func sigmoidGradient_matchesFiniteDifferences(_ index: Int) {
        let s = Self.shapes[index]
        let random = RandomSource(seed: s.seed)
        let network = MultilayerPerceptron<Double>([Sigmoid(s.input)])
        checkNetwork(network, batch: s.batch, random: random, inputScale: 6)
    }

    @Test(arguments: shapes.indices)
    func maxoutGradient_matchesFiniteDifferences(_ index: Int) {
        let s = Self.shapes[index]
        let random = RandomSource(seed: s.seed)
        let layer = Affine<Double>(s.input, s.output * s.pieces)
        let network = MultilayerPerceptron<Double>([layer, Maxout(units: s.output, pieces: s.pieces)])
        layer.initialise(weightRange: 1, using: random)
        random.fillUniform(layer.bias, -1, 1)
        checkNetwork(network, batch: s.batch, random: random)
    }

    @Test(arguments: shapes.indices)
    func dropoutGradient_matchesFiniteDifferences(_ index: Int) {
        let s = Self.shapes[index]
        let random = RandomSource(seed: s.seed)
        let layer = Affine<Double>(s.input, s.output)
        let network = MultilayerPerceptron<Double>([Dropout(s.input, keep: 0.5, random: random), layer])
        layer.initialise(weightRange: 1, using: random)
        network.holdsDropoutMasks = true
        checkNetwork(network, batch: s.batch, random: random)
    }

    @Test func dropout_keepsEntriesWithTheKeepProbabilityAndScalesThem() {
        let random = RandomSource(seed: 5)
        let layer = Dropout<Double>(1000, keep: 0.8, random: random)
        let ones = Matrix<Double>(rows: 20, columns: 1000, repeating: 1)
        let y = layer.forward(ones)
        let kept = y.elements.filter { $0 != 0 }
        #expect(Set(kept) == [1.25], "kept entries are scaled by 1/keep")
        // 20 000 Bernoulli(0.8) draws: standard deviation √(n·p·q) ≈ 57, so ±300 is over 5σ.
        #expect(abs(kept.count - 16_000) < 300)
        layer.isTraining = false
        #expect(layer.forward(ones).elements == ones.elements, "evaluation is the identity")
    }

    @Test func deepNetworkGradient_matchesFiniteDifferences() {
        // The discriminator's shape in miniature: dropout, maxout, dropout, maxout, affine.
        let random = RandomSource(seed: 21)
        let first = Affine<Double>(6, 4 * 3), second = Affine<Double>(4, 3 * 2), last = Affine<Double>(3, 1)
        let network = MultilayerPerceptron<Double>([
            Dropout(6, keep: 0.8, random: random), first, Maxout(units: 4, pieces: 3),
            Dropout(4, keep: 0.5, random: random), second, Maxout(units: 3, pieces: 2),
            Dropout(3, keep: 0.5, random: random), last,
        ])
        for layer in network.affineLayers { layer.initialise(weightRange: 1, using: random) }
        network.holdsDropoutMasks = true
        checkNetwork(network, batch: 5, random: random)
    }

    @Test func backwardWithoutInputGradient_givesTheSameParameterGradients() {
        let random = RandomSource(seed: 22)
        let first = Affine<Double>(5, 6), last = Affine<Double>(3, 2)
        let network = MultilayerPerceptron<Double>([Dropout(5, keep: 0.8, random: random), first, Maxout(units: 3, pieces: 2), last])
        for layer in network.affineLayers { layer.initialise(weightRange: 1, using: random) }
        network.holdsDropoutMasks = true
        let x = Matrix<Double>(rows: 4, columns: 5), r = Matrix<Double>(rows: 4, columns: 2)
        random.fillUniform(x, -1, 1)
        random.fillUniform(r, -1, 1)
        _ = network.forward(x)
        #expect(network.backward(r) != nil)
        let full = network.gradients.elements
        network.gradients.fill(0)
        #expect(network.backward(r, inputGradient: false) == nil)
        #expect(network.gradients.elements == full)
    }

    /// Checks ∂L/∂θ and ∂L/∂X of `network` at a random input.
    func checkNetwork(_ network: MultilayerPerceptron<Double>, batch: Int, random: RandomSource, inputScale: Double = 1) {
        let x = Matrix<Double>(rows: batch, columns: network.inputWidth)
        random.fillUniform(x, -inputScale, inputScale)
        let r = Matrix<Double>(rows: batch, columns: network.outputWidth)
        random.fillUniform(r, -1, 1)

        let y = network.forward(x)
        _ = y
        let inputGradient = network.backward(r)!.elements
        let parameterGradient = network.gradients.elements

        if network.parameterCount > 0 {
            let check = GradientCheck(at: network.parameters.elements, gradient: parameterGradient) { theta in
                network.with(parameters: theta) { projection(network.forward(x), r) }
            }
            #expect(check.passed, "parameters: \(check)")
        }
        let check = GradientCheck(at: x.elements, gradient: inputGradient) { input in
            projection(network.forward(Matrix(rows: batch, columns: network.inputWidth, elements: input)), r)
        }
        #expect(check.passed, "input: \(check)")
    }
}
