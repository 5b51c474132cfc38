import GeneratorStep

/// The knobs of Algorithm 1, and the authors' variant of it.
///
/// - Paper: Algorithm 1 (k, m, "any standard gradient-based learning rule",
///   momentum in the experiments); the authors' released code (PAPER.md)
///   for `.simultaneous`.
public struct TrainingConfiguration: Sendable {
    /// How D and G updates are interleaved.
    public enum UpdateRule: Sendable, Equatable, Codable, CustomStringConvertible {
        /// Algorithm 1: k discriminator steps, each on a fresh minibatch, then
        /// one generator step on fresh noise.
        case algorithm1(k: Int)
        /// Deviation from the paper: the authors' released code. One minibatch
        /// feeds both gradients, computed at the same θ and applied together;
        /// D's cost is halved (½ of the two cross-entropies), so its gradient is
        /// ½ ∇θ_d V̂. With D one step behind nothing else changes in the fixed point.
        case simultaneous

        public var description: String {
            switch self {
            case .algorithm1(let k): "Algorithm 1, k = \(k)"
            case .simultaneous: "simultaneous (authors' code)"
            }
        }
    }

    public var updateRule: UpdateRule
    /// m in Algorithm 1.
    public var minibatchSize: Int
    public var discriminatorLearningRate: Double
    public var generatorLearningRate: Double
    /// μ of momentum SGD, for both networks.
    public var momentum: Double
    public var generatorLoss: GeneratorLoss
    /// Both learning rates are divided by this after every iteration, down to
    /// `minimumLearningRate` (the authors: 1.000004 per minibatch, floor 1e-6).
    public var learningRateDecay: Double = 1
    public var minimumLearningRate: Double = 1e-6

    public init(updateRule: UpdateRule = .algorithm1(k: 1), minibatchSize: Int, discriminatorLearningRate: Double,
                generatorLearningRate: Double, momentum: Double, generatorLoss: GeneratorLoss) {
        if case .algorithm1(let k) = updateRule { precondition(k >= 1, "k in Algorithm 1 must be at least 1, got \(k)") }
        precondition(minibatchSize > 0, "the minibatch size m must be positive, got \(minibatchSize)")
        self.updateRule = updateRule
        self.minibatchSize = minibatchSize
        self.discriminatorLearningRate = discriminatorLearningRate
        self.generatorLearningRate = generatorLearningRate
        self.momentum = momentum
        self.generatorLoss = generatorLoss
    }

    /// k in Algorithm 1: discriminator steps per generator step (1 for the simultaneous rule).
    public var discriminatorSteps: Int {
        if case .algorithm1(let k) = updateRule { return k }
        return 1
    }

    /// The authors' MNIST run at its start: one simultaneous update per
    /// minibatch of 100, learning rate 0.1, momentum 0.5, non-saturating G.
    /// (Their decay of the rate and ramp of the momentum are the caller's.)
    public static let authorsMNIST = TrainingConfiguration(
        updateRule: .simultaneous, minibatchSize: 100, discriminatorLearningRate: 0.1, generatorLearningRate: 0.1,
        momentum: 0.5, generatorLoss: .nonSaturating)
}
