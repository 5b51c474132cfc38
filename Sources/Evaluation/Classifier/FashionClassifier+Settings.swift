import Foundation

extension FashionClassifier {
    /// The classifier's architecture and training settings, printed by
    /// Chapter 6 and stored in the weights file's metadata.
    ///
    /// ```
    /// η_e = η₀ · γ^(e−1)          e = epoch, counted from 1
    /// v ← μ·v − η_e·∂L/∂θ,  θ ← θ + v     (MomentumSGD, once per minibatch)
    /// ```
    /// Every epoch visits the training images in a fresh order drawn from
    /// `seed`, in ⌊n/m⌋ whole minibatches; the few images a remainder would
    /// leave (none for n = 60 000, m = 100) sit that epoch out.
    public struct Settings: Sendable, Equatable, Codable, CustomStringConvertible {
        /// Pixels per image.
        public var inputWidth: Int
        /// Each hidden layer is Affine then ReLU.
        public var hiddenWidths: [Int]
        public var classCount: Int
        /// m, images per minibatch.
        public var batchSize: Int
        public var epochs: Int
        /// η₀.
        public var initialLearningRate: Double
        /// γ, the learning rate's factor per epoch.
        public var learningRateDecay: Double
        /// μ.
        public var momentum: Double
        /// Seeds the initial weights and every epoch's order.
        public var seed: UInt64

        public init(
            inputWidth: Int = 784, hiddenWidths: [Int] = [256, 256], classCount: Int = 10,
            batchSize: Int = 100, epochs: Int = 12, initialLearningRate: Double = 0.05,
            learningRateDecay: Double = 0.8, momentum: Double = 0.9, seed: UInt64 = 1
        ) {
            precondition(inputWidth > 0 && classCount > 1 && hiddenWidths.allSatisfy { $0 > 0 }, "classifier widths must be positive, with at least two classes")
            precondition(batchSize > 0 && epochs > 0, "batch size and epochs must be positive")
            precondition(initialLearningRate > 0 && learningRateDecay > 0 && (0..<1).contains(momentum),
                         "learning rate and decay must be positive, momentum in [0, 1)")
            self.inputWidth = inputWidth
            self.hiddenWidths = hiddenWidths
            self.classCount = classCount
            self.batchSize = batchSize
            self.epochs = epochs
            self.initialLearningRate = initialLearningRate
            self.learningRateDecay = learningRateDecay
            self.momentum = momentum
            self.seed = seed
        }

        /// The settings the bundled weights were trained with.
        public static let standard = Settings()

        /// η during `epoch` (counted from 1).
        public func learningRate(epoch: Int) -> Double {
            initialLearningRate * pow(learningRateDecay, Double(epoch - 1))
        }

        /// Weights uniform on ±√(6/fan-in): variance 2/fan-in, which keeps
        /// the activations' scale from layer to layer under ReLU
        /// (He et al. 2015, "Delving deep into rectifiers", §2.2).
        public static func initialWeightRange(fanIn: Int) -> Double {
            (6 / Double(fanIn)).squareRoot()
        }

        /// `784 → 256 ReLU → 256 ReLU → 10`.
        public var architecture: String {
            ([String(inputWidth)] + hiddenWidths.map { "\($0) ReLU" } + [String(classCount)]).joined(separator: " → ")
        }

        public var description: String {
            "\(architecture); m = \(batchSize), \(epochs) epochs, η₀ = \(initialLearningRate) × \(learningRateDecay)^(epoch−1), "
                + "momentum \(momentum), seed \(seed)"
        }

        /// The settings as one line of JSON, for the weights file's metadata.
        public func json() -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try! encoder.encode(self), as: UTF8.self)
        }
    }
}
