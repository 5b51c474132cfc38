import GANCore
import GeneratorStep

/// §7's second direction: "Learned approximate inference can be performed
/// by training an auxiliary network to predict z given x … similar to the
/// inference net trained by the wake-sleep algorithm but with the advantage
/// that the inference net may be trained for a fixed generator net after
/// the generator net has finished training."
///
/// E: x → affine + ReLU → affine → ẑ, fitted on pairs the generator makes
/// itself: z ~ p_z, x = G(z), loss ½‖E(x) − z‖² averaged over the minibatch
/// (`SquaredError`). Like wake-sleep's sleep phase, it never sees a real
/// image while it learns; applied to one afterwards, G(E(x)) shows what the
/// generator can make of it.
public final class InferenceNetwork {
    public let network: MultilayerPerceptron<Float>
    public let prior: NoisePrior
    public var batchSize = 100
    public var learningRate = 1e-3

    public init(pixels: Int, hidden: Int, prior: NoisePrior, using random: RandomSource) {
        network = MultilayerPerceptron([Affine(pixels, hidden), ReLU(hidden), Affine(hidden, prior.width)])
        for layer in network.affineLayers {
            // U(±1/√fan-in): the output starts near 0, the centre of p_z.
            layer.initialise(weightRange: 1 / Double(layer.inputWidth).squareRoot(), using: random)
        }
        self.prior = prior
    }

    // [excerpt: inference-fit]
    /// `steps` Adam steps on fresh pairs (z, G(z)); returns the mean loss of each tenth of the steps.
    @discardableResult
    public func fit(to generator: MultilayerPerceptron<Float>, steps: Int, using random: RandomSource,
                    progress: (Int, Int) -> Void = { _, _ in }) -> [Double] {
        precondition(generator.inputWidth == prior.width && generator.outputWidth == network.inputWidth,
                     "E must invert a generator of \(prior.width) noise values and \(network.inputWidth) pixels")
        let z = Matrix<Float>(rows: batchSize, columns: prior.width)
        let gradient = Matrix<Float>(rows: batchSize, columns: prior.width)
        let adam = Adam(count: network.parameterCount, learningRate: learningRate)
        var losses: [Double] = [], window = 0.0
        let every = max(steps / 10, 1)
        for step in 1...steps {
            prior.fill(z, using: random)
            let x = generator.forward(z)
            window += Double(SquaredError.loss(prediction: network.forward(x), target: z,
                                               scale: 1 / Float(batchSize), gradient: gradient))
            network.backward(gradient, inputGradient: false)
            adam.step(network.parameters, gradient: network.gradients)
            if step % every == 0 { losses.append(window / Double(every)); window = 0; progress(step, steps) }
        }
        return losses
    }
    // [end: inference-fit]

    /// ẑ = E(x) for each row, clamped to p_z's box (E's output is unbounded; G was trained on the box only).
    public func infer(_ images: Matrix<Float>) -> Matrix<Float> {
        let z = network.forward(images).copy()
        let (lower, upper) = (Float(prior.lower), Float(prior.upper))
        for i in 0..<z.count { z.storage[i] = min(max(z.storage[i], lower), upper) }
        return z
    }
}
