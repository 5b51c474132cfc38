import DiscriminatorStep
import GANCore
import GeneratorStep
import GradientChecking
import Testing

/// The generator step: ∇θ_g of both losses through a fixed D, D untouched,
/// and the saturation of log(1 − D(G(z))).
@Suite struct GeneratorStepTests {
    /// A small G of §5's kind (ReLU then sigmoid hidden units, 3 → 5 → 4 → 3)
    /// and a small maxout D with dropout (masks held fixed) and biases on ±1.
    static func networks(seed: UInt64, dropout: Bool = true) -> (MultilayerPerceptron<Double>, MultilayerPerceptron<Double>, Matrix<Double>) {
        let random = RandomSource(seed: seed)
        let affine1 = Affine<Double>(3, 5), affine2 = Affine<Double>(5, 4), affine3 = Affine<Double>(4, 3)
        let g = MultilayerPerceptron<Double>([affine1, ReLU(5), affine2, Sigmoid(4), affine3])
        for affine in g.affineLayers {
            affine.initialise(weightRange: 1, using: random)
            random.fillUniform(affine.bias, -0.5, 0.5)
        }
        let d: MultilayerPerceptron<Double> = MaxoutDiscriminator(
            inputWidth: 3, hidden: [.init(units: 4, pieces: 3), .init(units: 3, pieces: 2)],
            inputKeep: dropout ? 0.8 : nil, hiddenKeep: dropout ? 0.5 : nil, weightRange: 1, biasRange: 1).make(using: random)
        d.holdsDropoutMasks = true
        let noise = Matrix<Double>(rows: 6, columns: 3)
        random.fillUniform(noise, -1, 1)
        return (g, d, noise)
    }

    static func gradientAndLoss(_ loss: GeneratorLoss, seed: UInt64) -> (theta: [Double], gradient: [Double], f: ([Double]) -> Double) {
        let (g, d, noise) = networks(seed: seed)
        let step = GeneratorStep(generator: g, discriminator: d, loss: loss)
        step.computeGradient(noise: noise)
        return (g.parameters.elements, g.gradients.elements, { theta in
            g.with(parameters: theta) { step.evaluate(noise: noise).value }
        })
    }

    // D's biases start nonzero, so a row that dropout zeroes does not leave
    // its maxout pieces exactly tied (see DiscriminatorStepTests); dropout
    // masks are held fixed.
    @Test(arguments: GeneratorLoss.allCases, Array(51...58) as [UInt64])
    func generatorGradient_matchesFiniteDifferences(_ loss: GeneratorLoss, _ seed: UInt64) {
        let (theta, gradient, f) = Self.gradientAndLoss(loss, seed: seed)
        let check = GradientCheck(at: theta, gradient: gradient, tolerance: 1e-6, of: f)
        #expect(check.passed, "\(loss): \(check)")
    }

    /// In Algorithm 1, D's layers hold the 2m stacked rows of its own step
    /// when the generator step sends m rows through them: the buffers are
    /// reshaped, and G's gradient must be what fresh networks give, bit for bit.
    @Test func generatorGradient_afterAStackedDiscriminatorPass_isUnchanged() {
        let (g, d, noise) = Self.networks(seed: 51, dropout: false)
        GeneratorStep(generator: g, discriminator: d, loss: .nonSaturating).computeGradient(noise: noise)
        let fresh = g.gradients.elements

        let (g2, d2, noise2) = Self.networks(seed: 51, dropout: false)
        let real = Matrix<Double>(rows: noise2.rows, columns: 3, repeating: 0.25)
        DiscriminatorStep(discriminator: d2).computeGradient(real: real, generated: g2.forward(noise2))
        GeneratorStep(generator: g2, discriminator: d2, loss: .nonSaturating).computeGradient(noise: noise2)
        #expect(g2.gradients.elements == fresh)
    }

    /// Negative control: the gradient of one loss checked against the other loss fails.
    @Test func generatorGradientCheck_catchesTheOtherLossesGradient() {
        let (theta, saturatingGradient, _) = Self.gradientAndLoss(.saturating, seed: 51)
        let (_, _, nonSaturatingLoss) = Self.gradientAndLoss(.nonSaturating, seed: 51)
        let check = GradientCheck(at: theta, gradient: saturatingGradient, of: nonSaturatingLoss)
        #expect(!check.passed, "\(check)")
    }

    /// The logit derivatives of §3: −D for log(1 − D), −(1 − D) for −log D.
    @Test func lossDerivatives_areMinusDAndMinusOneMinusD() {
        for a in [-30.0, -2, 0, 1.5, 30] {
            let d = sigmoid(a)
            #expect(abs(GeneratorLoss.saturating.derivative(logit: a) - (-d)) < 1e-15)
            #expect(abs(GeneratorLoss.nonSaturating.derivative(logit: a) - (-(1 - d))) < 1e-15)
        }
    }

    /// A G step reads D and never writes it: D's parameters, its gradient
    /// buffer and its optimiser's velocity are bit-for-bit what they were.
    @Test(arguments: GeneratorLoss.allCases)
    func generatorStep_leavesTheDiscriminatorUnchanged(_ loss: GeneratorLoss) {
        let (g, d, noise) = Self.networks(seed: 53)
        // D has stepped before, as in Algorithm 1, so its velocity is not all zeros.
        let discriminatorStep = DiscriminatorStep(discriminator: d)
        let real = Matrix<Double>(rows: noise.rows, columns: 3, repeating: 0.25)
        _ = discriminatorStep.step(real: real, generated: g.forward(noise), learningRate: 0.1, momentum: 0.5)
        let velocity = discriminatorStep.optimiser.velocity.elements
        #expect(velocity.contains { $0 != 0 })
        for i in 0..<d.gradients.count { d.gradients.storage[i] = Double(i) + 0.25 }
        let parameters = d.parameters.elements, gradients = d.gradients.elements
        let gBefore = g.parameters.elements
        let step = GeneratorStep(generator: g, discriminator: d, loss: loss)
        for _ in 0..<3 { step.step(noise: noise, learningRate: 0.1, momentum: 0.5) }
        #expect(d.parameters.elements == parameters)
        #expect(d.gradients.elements == gradients)
        #expect(discriminatorStep.optimiser.velocity.elements == velocity)
        #expect(g.parameters.elements != gBefore, "G itself did move")

        // Negative control: the same comparisons see a D step (velocity and parameters move).
        _ = discriminatorStep.step(real: real, generated: g.forward(noise), learningRate: 0.1, momentum: 0.5)
        #expect(discriminatorStep.optimiser.velocity.elements != velocity && d.parameters.elements != parameters)
    }

    /// The chapter's measurement (seed 1): once D rejects G's samples
    /// (mean D(G(z)) below 0.01), the saturating loss's gradient is under 2 %
    /// of the non-saturating one's, and it keeps shrinking as D gets surer;
    /// the non-saturating gradient grows instead.
    @Test func saturatingGradient_vanishesWhenDRejectsTheSamples() {
        let measurements = GeneratorStepDemo.measure(GeneratorStepDemo.Setting(), seed: 1).measurements
        let confident = measurements.filter { $0.meanGeneratedProbability < 0.01 }
        #expect(confident.count >= 3)
        for m in confident { #expect(m.saturatingNorm < 0.02 * m.nonSaturatingNorm, "\(m)") }
        for (a, b) in zip(confident, confident.dropFirst()) {
            #expect(b.saturatingNorm < a.saturatingNorm)
            #expect(b.nonSaturatingNorm > a.nonSaturatingNorm)
        }
        let last = measurements.last!
        #expect(last.meanGeneratedProbability < 1e-3)
        #expect(last.saturatingNorm / last.nonSaturatingNorm < 3e-3)
    }

    /// One G step moves the samples toward the data: the non-saturating step
    /// brings G(z) more than 0.5 closer to 2 and raises mean D(G(z)) a
    /// hundredfold; the saturating step, from the same state, barely moves them.
    @Test func generatorStep_movesSamplesTowardTheData() {
        let setting = GeneratorStepDemo.Setting()
        let (g, d, _) = GeneratorStepDemo.measure(setting, seed: 1)
        let noise = setting.measurementNoise
        let zs = noise.elements
        let before = g.outputs(at: zs)
        let saved = g.parameters.elements
        let step = GeneratorStep(generator: g, discriminator: d, loss: .nonSaturating)
        let result = step.step(noise: noise, learningRate: setting.generatorLearningRate, momentum: setting.momentum)
        let after = g.outputs(at: zs)
        func distance(_ xs: [Double]) -> Double { xs.reduce(0) { $0 + abs($1 - setting.data.mean) } / Double(xs.count) }
        #expect(distance(after) < distance(before) - 0.5)
        #expect(step.evaluate(noise: noise).meanGeneratedProbability > 100 * result.meanGeneratedProbability)
        // The saturating step from the same state hardly moves them (the chapter prints 0.0011).
        _ = g.parameters.storage.update(fromContentsOf: saved)
        let saturating = GeneratorStep(generator: g, discriminator: d, loss: .saturating)
        saturating.step(noise: noise, learningRate: setting.generatorLearningRate, momentum: setting.momentum)
        let moved = distance(before) - distance(g.outputs(at: zs))
        #expect(moved > 0 && moved < 0.01)
    }
}
