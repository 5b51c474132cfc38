import Foundation
import GANCore

/// A Fashion-MNIST classifier of the project's own, to measure a generator's
/// samples: which classes it draws, and how far its samples lie from real
/// images in the classifier's feature space.
///
/// A multilayer perceptron of the project's layers, with their hand-derived
/// backward passes, trained on softmax cross-entropy (`SoftmaxCrossEntropy`):
/// ```
/// x (784) → Affine → ReLU (256) → Affine → ReLU (256) → Affine → logits (10)
/// predict(x)  = argmax_k logits_k
/// features(x) = the second ReLU's output, 256 wide
/// ```
/// Widths and training settings are in `Settings`; `bundled()` loads the
/// trained weights shipped with the package (`FashionClassifier+Storage.swift`).
/// Not part of the GAN paper: §5 measures samples by a Parzen window only.
/// Chapter 6 uses this network for the class histogram of samples, a
/// Fréchet distance between feature statistics (Heusel et al. 2017, who use
/// an Inception network for natural images) and precision and recall
/// (Kynkäänniemi et al. 2019).
///
/// Evaluation reuses the layers' buffers: one classifier serves one caller at a time.
public final class FashionClassifier {
    /// Fashion-MNIST's ten classes, by label (Xiao, Rasul & Vollgraf 2017, Table 1).
    public static let classNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// Rows pushed through the network at once when evaluating: large enough
    /// for efficient matrix products, small enough that a 10 000-image set
    /// needs only a few megabytes of activations.
    public static let evaluationBatchSize = 1000

    public let settings: Settings
    /// Affine, ReLU, Affine, ReLU, …, Affine: layer i is stored as
    /// `classifier.{i}.weight` and `classifier.{i}.bias`.
    public let network: MultilayerPerceptron<Float>
    /// Test accuracy recorded when the weights were trained, per epoch
    /// (empty when unknown).
    public internal(set) var history: [EpochRecord] = []
    /// The OpenBLAS kernel the weights were trained on (`OpenBLAS.coreName`),
    /// when known: retraining reproduces them bit for bit only on that kernel.
    public internal(set) var trainedOnBLASCore: String?

    /// Width of `features`: the last hidden layer's (256 with the standard settings).
    public var featureWidth: Int { settings.hiddenWidths.last ?? settings.inputWidth }

    /// Test accuracy after the last epoch of training, when recorded.
    public var recordedTestAccuracy: Double? { history.last?.testAccuracy }

    /// A network of `settings`' shape, with He et al.'s initialisation drawn
    /// from `random` (`Settings.initialWeightRange(fanIn:)`) and zero biases.
    public init(settings: Settings, initialisingWith random: RandomSource) {
        self.settings = settings
        network = Self.network(settings)
        for layer in network.affineLayers {
            layer.initialise(weightRange: Settings.initialWeightRange(fanIn: layer.inputWidth), using: random)
        }
    }

    /// A network of `settings`' shape whose parameters the caller fills.
    init(settings: Settings, network: MultilayerPerceptron<Float>) {
        precondition(network.inputWidth == settings.inputWidth && network.outputWidth == settings.classCount,
                     "network of \(network.inputWidth) → \(network.outputWidth) does not fit settings \(settings.inputWidth) → \(settings.classCount)")
        self.settings = settings
        self.network = network
    }

    static func network(_ settings: Settings) -> MultilayerPerceptron<Float> {
        var layers: [any Layer<Float>] = []
        var width = settings.inputWidth
        for hidden in settings.hiddenWidths {
            layers.append(Affine<Float>(width, hidden))
            layers.append(ReLU<Float>(hidden))
            width = hidden
        }
        layers.append(Affine<Float>(width, settings.classCount))
        return MultilayerPerceptron(layers)
    }

    // [excerpt: classifier-evaluation]
    /// The most probable class of each image (one image per row, pixels in [0, 1]).
    public func predict(_ images: Matrix<Float>) -> [Int] {
        var classes: [Int] = []
        classes.reserveCapacity(images.rows)
        forEachBatch(of: images, through: network.layers[...]) { logits in
            for r in 0..<logits.rows {
                let row = logits.base + r * logits.columns
                var best = 0
                for k in 1..<logits.columns where row[k] > row[best] { best = k }
                classes.append(best)
            }
        }
        return classes
    }

    /// The last hidden layer's activations, one row per image: the feature
    /// space of the Fréchet distance and of precision and recall.
    public func features(_ images: Matrix<Float>) -> Matrix<Float> {
        let result = Matrix<Float>(rows: images.rows, columns: featureWidth)
        var row = 0
        forEachBatch(of: images, through: network.layers.dropLast()) { features in
            (result.base + row * featureWidth).update(from: features.base, count: features.count)
            row += features.rows
        }
        return result
    }

    /// The fraction of images whose predicted class is their label.
    public func accuracy(images: Matrix<Float>, labels: [Int]) -> Double {
        precondition(images.rows == labels.count, "accuracy: \(images.rows) images but \(labels.count) labels")
        precondition(!labels.isEmpty, "accuracy of no images")
        let correct = zip(predict(images), labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(labels.count)
    }
    // [end: classifier-evaluation]

    /// Runs `layers` on `images` in batches of `evaluationBatchSize` rows,
    /// each a view into `images` (no copy), handing each output to `body`.
    private func forEachBatch(
        of images: Matrix<Float>, through layers: ArraySlice<any Layer<Float>>, _ body: (Matrix<Float>) -> Void
    ) {
        precondition(images.columns == settings.inputWidth,
                     "FashionClassifier takes images of \(settings.inputWidth) pixels, got \(images.columns)")
        var start = 0
        while start < images.rows {
            let count = min(Self.evaluationBatchSize, images.rows - start)
            var x = Matrix(viewing: images.base + start * images.columns, rows: count, columns: images.columns)
            for layer in layers { x = layer.forward(x) }
            body(x)
            start += count
        }
    }
}

extension FashionClassifier {
    /// Test accuracy (and training loss) after one epoch of training.
    public struct EpochRecord: Sendable, Equatable, Codable {
        /// Counted from 1.
        public var epoch: Int
        public var learningRate: Double
        /// Mean cross-entropy over the epoch's minibatches.
        public var meanLoss: Double
        /// On the 10 000 test images; nil when training had no test set.
        public var testAccuracy: Double?

        public init(epoch: Int, learningRate: Double, meanLoss: Double, testAccuracy: Double?) {
            self.epoch = epoch
            self.learningRate = learningRate
            self.meanLoss = meanLoss
            self.testAccuracy = testAccuracy
        }
    }
}
