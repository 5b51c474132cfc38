import GANCore
import GradientChecking
import OpenDirections
import Testing

/// Chapter 7's new layer and loss against GSL's finite differences
/// (`gsl_deriv_central`), with negative controls that a wrong gradient fails.
@Suite struct OpenDirectionsGradientTests {
    /// Checks ∂L/∂θ and ∂L/∂X of `network` for L = Σ R ⊙ network(X) at a random X.
    static func check(_ network: MultilayerPerceptron<Double>, batch: Int, random: RandomSource) -> (parameters: GradientCheck?, input: GradientCheck) {
        let x = Matrix<Double>(rows: batch, columns: network.inputWidth), r = Matrix<Double>(rows: batch, columns: network.outputWidth)
        random.fillUniform(x, -1, 1)
        random.fillUniform(r, -1, 1)
        _ = network.forward(x)
        let inputGradient = network.backward(r)!.elements
        let parameterGradient = network.gradients.elements
        let parameters = network.parameterCount == 0 ? nil : GradientCheck(at: network.parameters.elements, gradient: parameterGradient) { theta in
            network.with(parameters: theta) { projection(network.forward(x), r) }
        }
        let input = GradientCheck(at: x.elements, gradient: inputGradient) { values in
            projection(network.forward(Matrix(rows: batch, columns: network.inputWidth, elements: values)), r)
        }
        return (parameters, input)
    }

    @Test(arguments: [false, true])
    func conditionedAffine_matchesFiniteDifferences(readsCondition: Bool) {
        let random = RandomSource(seed: readsCondition ? 31 : 32)
        let affine = Affine<Double>(readsCondition ? 7 : 4, 5)
        let network = MultilayerPerceptron<Double>([ConditionedLayer(affine, conditionWidth: 3, innerReadsCondition: readsCondition)])
        affine.initialise(weightRange: 1, using: random)
        random.fillUniform(affine.bias, -1, 1)
        let (parameters, input) = Self.check(network, batch: 4, random: random)
        #expect(parameters!.passed, "parameters: \(parameters!)")
        #expect(input.passed, "input: \(input)")
    }

    @Test func conditionedParameterFreeLayers_matchFiniteDifferences() {
        let random = RandomSource(seed: 33)
        let network = MultilayerPerceptron<Double>([
            ConditionedLayer(Sigmoid<Double>(6), conditionWidth: 2), ConditionedLayer(ReLU<Double>(6), conditionWidth: 2),
        ])
        let (_, input) = Self.check(network, batch: 3, random: random)
        #expect(input.passed, "input: \(input)")
    }

    /// The chapter's two networks, shrunk, in Double: G(z, c) and D(x, c) end to end.
    @Test func conditionalNetworks_matchFiniteDifferences() {
        // Weights of order 1, so that every layer's Jacobian is far from 0.
        var architecture = OpenDirectionsTests.tinyArchitecture
        architecture.generatorWeightRange = 0.7
        architecture.discriminatorWeightRange = 0.7
        let model = ConditionalModel(architecture: architecture, classes: 3)
        let random = RandomSource(seed: 34)
        let generator = model.generator(Double.self, pixelMeans: nil, using: random)
        let discriminator = model.discriminator(Double.self, using: random)
        discriminator.holdsDropoutMasks = true
        for network in [generator, discriminator] {
            let (parameters, input) = Self.check(network, batch: 3, random: random)
            #expect(parameters!.passed, "parameters: \(parameters!)")
            #expect(input.passed, "input: \(input)")
        }
    }

    /// A wrong backward pass (c's gradient dropped) fails the same check.
    @Test func conditionGradientDropped_failsTheCheck() {
        let random = RandomSource(seed: 36)
        let affine = Affine<Double>(7, 5)
        let network = MultilayerPerceptron<Double>([ConditionedLayer(affine, conditionWidth: 3, innerReadsCondition: true)])
        affine.initialise(weightRange: 1, using: random)
        let x = Matrix<Double>(rows: 2, columns: 7), r = Matrix<Double>(rows: 2, columns: 8)
        random.fillUniform(x, -1, 1)
        random.fillUniform(r, -1, 1)
        _ = network.forward(x)
        var wrong = network.backward(r)!.elements
        for row in 0..<2 { for j in 4..<7 { wrong[row * 7 + j] = 0 } }
        let check = GradientCheck(at: x.elements, gradient: wrong) { values in
            projection(network.forward(Matrix(rows: 2, columns: 7, elements: values)), r)
        }
        #expect(!check.passed)
    }

    @Test(arguments: [false, true])
    func squaredError_matchesFiniteDifferences(masked: Bool) {
        let random = RandomSource(seed: masked ? 37 : 38)
        let (n, d) = (3, 5)
        let target = Matrix<Double>(rows: n, columns: d), prediction = Matrix<Double>(rows: n, columns: d)
        random.fillUniform(target, -1, 1)
        random.fillUniform(prediction, -1, 1)
        let mask = masked ? [true, false, true, true, false] : nil
        let gradient = Matrix<Double>(rows: n, columns: d)
        _ = SquaredError.loss(prediction: prediction, target: target, mask: mask, scale: 0.3, gradient: gradient)
        let scratch = Matrix<Double>(rows: n, columns: d)
        let check = GradientCheck(at: prediction.elements, gradient: gradient.elements) { values in
            SquaredError.loss(prediction: Matrix(rows: n, columns: d, elements: values), target: target, mask: mask, scale: 0.3, gradient: scratch)
        }
        #expect(check.passed, "\(check)")
        if masked {
            // Negative control: the gradient of the unmasked loss is not this loss's.
            let unmasked = Matrix<Double>(rows: n, columns: d)
            _ = SquaredError.loss(prediction: prediction, target: target, scale: 0.3, gradient: unmasked)
            let wrong = GradientCheck(at: prediction.elements, gradient: unmasked.elements) { values in
                SquaredError.loss(prediction: Matrix(rows: n, columns: d, elements: values), target: target, mask: mask, scale: 0.3, gradient: scratch)
            }
            #expect(!wrong.passed)
        }
    }

    /// The latent search's gradient: ∂ℓ/∂z = J_G(z)ᵀ [w ⊙ (G(z) − x)], through G's backward pass in z.
    @Test func latentGradient_matchesFiniteDifferences() {
        let random = RandomSource(seed: 39)
        let layers: [any Layer<Double>] = [Affine<Double>(3, 6), ReLU<Double>(6), Affine<Double>(6, 8), Sigmoid<Double>(8)]
        let generator = MultilayerPerceptron<Double>(layers)
        for layer in generator.affineLayers { layer.initialise(weightRange: 1, using: random) }
        let z = Matrix<Double>(rows: 2, columns: 3), target = Matrix<Double>(rows: 2, columns: 8)
        random.fillUniform(z, -1, 1)
        random.fillUniform(target, 0, 1)
        let mask = (0..<8).map { $0 < 5 }
        let gradient = Matrix<Double>(rows: 2, columns: 8)
        _ = SquaredError.loss(prediction: generator.forward(z), target: target, mask: mask, gradient: gradient)
        let dz = generator.backward(gradient, parameterGradients: false)!.elements
        let scratch = Matrix<Double>(rows: 2, columns: 8)
        let check = GradientCheck(at: z.elements, gradient: dz) { values in
            SquaredError.loss(prediction: generator.forward(Matrix(rows: 2, columns: 3, elements: values)), target: target, mask: mask, gradient: scratch)
        }
        #expect(check.passed, "\(check)")
    }
}
