import GANCore
import Testing

/// Momentum SGD against the update rule written out by hand.
@Suite struct OptimiserTests {
    @Test func momentumStep_followsTheUpdateRule() {
        let layer = Affine<Double>(1, 1)
        let network = MultilayerPerceptron<Double>([layer])
        _ = network.parameters.storage.update(fromContentsOf: [1.0, 2.0])
        let optimiser = MomentumSGD<Double>(parameterCount: 2)
        _ = network.gradients.storage.update(fromContentsOf: [0.5, -1.0])
        optimiser.step(network, learningRate: 0.1, momentum: 0.9, direction: .descend)
        // v = −0.1·g; θ = θ + v
        #expect(network.parameters.elements == [1 - 0.05, 2 + 0.1])
        optimiser.step(network, learningRate: 0.1, momentum: 0.9, direction: .ascend)
        // v = 0.9·(−0.05, 0.1) + 0.1·g = (0.005, −0.01)
        let expected = [0.95 - 0.045 + 0.05, 2.1 + 0.09 - 0.1]
        for (p, e) in zip(network.parameters.elements, expected) { #expect(abs(p - e) < 1e-15) }
    }
}
