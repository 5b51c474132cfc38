import DiscriminatorStep
import GANCore
import GradientChecking
import Testing
import ValueFunction

/// Algorithm 1's inner loop: the gradient of V̂ with respect to θ_d, the ascent
/// step, and where enough steps lead (Proposition 1).
@Suite struct DiscriminatorStepTests {
    /// A small discriminator of the paper's kind: dropout on the input and
    /// between layers, two maxout layers, one logit (3 → 4×3 → 3×2 → 1),
    /// biases uniform on ±1.
    static func smallDiscriminator(_ random: RandomSource) -> MultilayerPerceptron<Double> {
        let shape = MaxoutDiscriminator(
            inputWidth: 3, hidden: [.init(units: 4, pieces: 3), .init(units: 3, pieces: 2)],
            inputKeep: 0.8, hiddenKeep: 0.5, weightRange: 1, biasRange: 1)
        return shape.make(using: random)
    }

    /// A minibatch of m real and m generated rows, uniform on ±2.
    static func minibatch(_ random: RandomSource, m: Int = 6, width: Int = 3) -> (Matrix<Double>, Matrix<Double>) {
        let real = Matrix<Double>(rows: m, columns: width), generated = Matrix<Double>(rows: m, columns: width)
        random.fillUniform(real, -2, 2)
        random.fillUniform(generated, -2, 2)
        return (real, generated)
    }

    /// The gradient the step computes, and V̂ as a function of θ_d for the checker.
    static func gradientAndObjective(seed: UInt64) -> (theta: [Double], gradient: [Double], f: ([Double]) -> Double) {
        let random = RandomSource(seed: seed)
        let network = smallDiscriminator(random)
        network.holdsDropoutMasks = true
        let (real, generated) = minibatch(random)
        let step = DiscriminatorStep(discriminator: network)
        step.computeGradient(real: real, generated: generated)
        let gradient = network.gradients.elements
        return (network.parameters.elements, gradient, { theta in
            network.with(parameters: theta) { step.evaluate(real: real, generated: generated).value }
        })
    }

    // When dropout zeroes a whole row of a hidden layer, the next layer's
    // pieces for that row are its biases alone: with the authors' zero biases
    // they would tie exactly, a kink of V̂ at the very point checked. The
    // biases here start nonzero, so V̂ is smooth within the finite-difference
    // step (see GradientCheck) at every seed.
    @Test(arguments: Array(31...40) as [UInt64])
    func discriminatorGradient_matchesFiniteDifferences(_ seed: UInt64) {
        let (theta, gradient, f) = Self.gradientAndObjective(seed: seed)
        let check = GradientCheck(at: theta, gradient: gradient, tolerance: 1e-6, of: f)
        #expect(check.passed, "\(check)")
    }

    /// Negative controls: half the gradient (the authors' halved cost checked
    /// against the full one), and one entry with its sign flipped, must fail.
    @Test func discriminatorGradientCheck_catchesWrongGradients() {
        let (theta, gradient, f) = Self.gradientAndObjective(seed: 31)
        let halved = GradientCheck(at: theta, gradient: gradient.map { $0 / 2 }, of: f)
        #expect(!halved.passed, "\(halved)")
        var flipped = gradient
        let largest = flipped.indices.max { abs(flipped[$0]) < abs(flipped[$1]) }!
        flipped[largest] = -flipped[largest]
        let check = GradientCheck(at: theta, gradient: flipped, of: f)
        #expect(!check.passed, "\(check)")
        #expect(check.worstIndex == largest)
    }

    /// With D(x) = σ(w·x + c), ∂V̂/∂c is the sum of the logit gradients:
    /// (1/m) Σ (1 − D(x_i)) − (1/m) Σ D(G(z_i)).
    @Test func logitGradient_isOneMinusDForRealAndMinusDForGenerated() {
        let random = RandomSource(seed: 7)
        let affine = Affine<Double>(1, 1)
        let network = MultilayerPerceptron<Double>([affine])
        affine.initialise(weightRange: 1, bias: 0.3, using: random)
        let (real, generated) = Self.minibatch(random, m: 5, width: 1)
        DiscriminatorStep(discriminator: network).computeGradient(real: real, generated: generated)
        let w = affine.weights[0, 0], c = affine.bias[0, 0]
        let realTerm = real.elements.map { 1 - sigmoid(w * $0 + c) }.reduce(0, +) / 5
        let generatedTerm = generated.elements.map { -sigmoid(w * $0 + c) }.reduce(0, +) / 5
        // Two sums of five terms of size ≤ 1: rounding is below 1e-15.
        #expect(abs(network.gradients[0, 1] - (realTerm + generatedTerm)) < 1e-14)
        #expect(abs(network.gradients[0, 0] - (zip(real.elements, real.elements.map { 1 - sigmoid(w * $0 + c) }).map(*).reduce(0, +)
            + zip(generated.elements, generated.elements.map { -sigmoid(w * $0 + c) }).map(*).reduce(0, +)) / 5) < 1e-14)
    }

    /// A first ascent step (no momentum yet) of size η raises V̂ on its own
    /// minibatch by about η‖∇V̂‖², as a first-order step must.
    @Test func ascentStep_increasesTheObjective() {
        let random = RandomSource(seed: 41)
        let network = Self.smallDiscriminator(random)
        network.holdsDropoutMasks = true
        let (real, generated) = Self.minibatch(random)
        let step = DiscriminatorStep(discriminator: network)
        let eta = 1e-3
        let before = step.step(real: real, generated: generated, learningRate: eta, momentum: 0.5)
        let squaredNorm = network.gradients.elements.reduce(0) { $0 + $1 * $1 }
        let after = step.evaluate(real: real, generated: generated)
        #expect(after.value > before.value)
        // The second-order remainder is O(η²‖∇‖²·curvature): within 10 % here.
        let predicted = eta * squaredNorm
        #expect(abs((after.value - before.value) - predicted) < 0.1 * predicted)
    }

    /// The scaled objective (the authors' ½) scales the gradient exactly.
    @Test func objectiveScale_scalesTheGradient() {
        let random = RandomSource(seed: 43)
        let network = Self.smallDiscriminator(random)
        network.holdsDropoutMasks = true
        let (real, generated) = Self.minibatch(random)
        let step = DiscriminatorStep(discriminator: network)
        let full = step.computeGradient(real: real, generated: generated)
        let fullGradient = network.gradients.elements
        step.objectiveScale = 0.5
        let half = step.computeGradient(real: real, generated: generated)
        #expect(network.gradients.elements == fullGradient.map { $0 * 0.5 })
        #expect(abs(half.value - full.value / 2) < 1e-15)
    }

    /// Proposition 1: with G fixed, 2000 steps of the chapter's setting (seed 1)
    /// bring D close to D* = p_data / (p_data + p_g) where there is data.
    /// D is expected to jitter around its limit under minibatch noise
    /// (m = 64, learning rate 0.01), and a maxout logit only approximates
    /// D*'s; the bounds leave a margin of about 0.01–0.02 for both.
    @Test func discriminator_approachesTheOptimalDiscriminator() throws {
        let setting = DiscriminatorStepDemo.Setting()
        let run = DiscriminatorStepDemo.train(setting, seed: 1)
        let distance = DistanceToOptimum(run.discriminator, data: setting.data, generator: setting.generator, over: setting.range)
        #expect(distance.maximum < 0.05, "max |D − D*| = \(distance.maximum) at \(distance.worstPoint)")
        #expect(distance.weightedMean < 0.02, "weighted mean |D − D*| = \(distance.weightedMean)")
        // V(D, G) comes within 0.01 of its maximum V(D*, G) (never above it, up
        // to the quadratures' 1e-8 tolerances).
        let value = try LearnedValue.integral(data: setting.data, generator: setting.generator, discriminator: run.discriminator)
        let ceiling = try ValueFunction.integral(
            data: setting.data, generator: setting.generator,
            discriminatorLogit: ValueFunction.optimalLogit(data: setting.data, generator: setting.generator)).value
        #expect(value <= ceiling + 1e-7 && value > ceiling - 0.01, "V(D, G) = \(value), V(D*, G) = \(ceiling)")
    }

    /// The quadrature split at maxout's kinks agrees with a fine midpoint sum.
    @Test func learnedValue_matchesAFineRiemannSum() throws {
        let random = RandomSource(seed: 5)
        let network: MultilayerPerceptron<Double> = MaxoutDiscriminator(inputWidth: 1, hidden: [.init(units: 8, pieces: 4)], weightRange: 1).make(using: random)
        let data = Gaussian(mean: 0, standardDeviation: 1), generator = Gaussian(mean: 2, standardDeviation: 1.5)
        let value = try LearnedValue.integral(data: data, generator: generator, discriminator: network)
        // Midpoint rule with h = 1e-3 over each support: error O(h²) ≈ 1e-7.
        func midpoint(_ p: Gaussian, _ f: (Double) -> Double) -> Double {
            let h = 1e-3, n = Int((p.support.upperBound - p.support.lowerBound) / h)
            let xs = (0..<n).map { p.support.lowerBound + (Double($0) + 0.5) * h }
            let logits = network.logits(at: xs)
            return zip(xs, logits).reduce(0) { $0 + p.density($1.0) * f($1.1) } * h
        }
        let riemann = midpoint(data) { LogTerms.logD(logit: $0) } + midpoint(generator) { LogTerms.logOneMinusD(logit: $0) }
        #expect(abs(value - riemann) < 1e-6, "quadrature \(value), midpoint \(riemann)")
    }
}
