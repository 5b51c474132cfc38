/// Stochastic gradient steps with momentum over a network's flat parameters.
///
/// ```
/// v ← μ·v − η·g        (descent; ascent uses +η·g)
/// θ ← θ + v
/// ```
/// Algorithm 1 allows any gradient rule; the paper used momentum. The
/// discriminator ascends its objective, the generator descends its loss.
public final class MomentumSGD<Scalar: BLASScalar> {
    public enum Direction: Sendable { case ascend, descend }

    /// v, laid out like the parameters.
    public let velocity: Matrix<Scalar>

    public init(parameterCount: Int) {
        velocity = Matrix(rows: 1, columns: parameterCount)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func step(
        _ network: MultilayerPerceptron<Scalar>, learningRate: Scalar, momentum: Scalar, direction: Direction
    ) {
        precondition(network.parameterCount == velocity.count, "MomentumSGD was made for \(velocity.count) parameters, network has \(network.parameterCount)")
        let signedRate = direction == .ascend ? learningRate : -learningRate
        let theta = network.parameters.base, g = network.gradients.base, v = velocity.base
        // Each entry on its own: the cores take a share each, with the same
        // result. Small networks (the 1-D GANs) stay on one thread.
        concurrentChunks(velocity.count, minimumPiece: 1 << 16) { range in
            for i in range {
                v[i] = momentum * v[i] + signedRate * g[i]
                theta[i] += v[i]
            }
        }
    }
}
