import FileFormats
import Foundation
import GANCore

extension FashionClassifier {
    /// Trains a classifier from scratch on `training`, deterministically
    /// for `settings.seed` on one BLAS kernel, reporting each epoch.
    ///
    /// Minibatch gradient descent with momentum on the mean softmax
    /// cross-entropy; see `Settings` for the schedule. After every epoch the
    /// accuracy on `test` (when given) goes to `onEpoch` and into `history`.
    public static func train(
        settings: Settings = .standard, on training: LabelledImages, test: LabelledImages? = nil,
        progress: ProgressReporter = .silent, onEpoch: (EpochRecord) -> Void = { _ in }
    ) -> FashionClassifier {
        let images = training.images.matrix(as: Float.self)
        let labels = training.labels.values.map(Int.init)
        let testSet = test.map { ($0.images.matrix(as: Float.self), $0.labels.values.map(Int.init)) }
        return train(settings: settings, images: images, labels: labels, test: testSet, progress: progress, onEpoch: onEpoch)
    }

    /// `train(settings:on:test:progress:onEpoch:)` on images already scaled
    /// to [0, 1], one per row, with labels in 0..<classCount.
    public static func train(
        settings: Settings = .standard, images: Matrix<Float>, labels: [Int],
        test: (images: Matrix<Float>, labels: [Int])? = nil,
        progress: ProgressReporter = .silent, onEpoch: (EpochRecord) -> Void = { _ in }
    ) -> FashionClassifier {
        precondition(images.columns == settings.inputWidth, "training images have \(images.columns) pixels, settings say \(settings.inputWidth)")
        precondition(images.rows == labels.count, "\(images.rows) training images but \(labels.count) labels")
        precondition(images.rows >= settings.batchSize, "fewer training images (\(images.rows)) than one minibatch (\(settings.batchSize))")
        let random = RandomSource(seed: settings.seed)
        let classifier = FashionClassifier(settings: settings, initialisingWith: random)
        classifier.trainedOnBLASCore = OpenBLAS.coreName
        let network = classifier.network
        let optimiser = MomentumSGD<Float>(parameterCount: network.parameterCount)
        let m = settings.batchSize, width = images.columns
        let batches = images.rows / m
        // Buffers kept across steps: the step allocates nothing.
        let x = Matrix<Float>(rows: m, columns: width)
        let outputGradient = Matrix<Float>(rows: m, columns: settings.classCount)
        var batchLabels = [Int](repeating: 0, count: m)

        for epoch in 1...settings.epochs {
            let order = random.permutation(images.rows)
            let rate = settings.learningRate(epoch: epoch)
            var lossSum = 0.0
            for b in 0..<batches {
                // [excerpt: classifier-step]
                for r in 0..<m {
                    let row = order[b * m + r]
                    (x.base + r * width).update(from: images.base + row * width, count: width)
                    batchLabels[r] = labels[row]
                }
                let logits = network.forward(x)
                let loss = SoftmaxCrossEntropy.loss(logits: logits, labels: batchLabels, gradient: outputGradient)
                network.backward(outputGradient, inputGradient: false)
                optimiser.step(network, learningRate: Float(rate), momentum: Float(settings.momentum), direction: .descend)
                // [end: classifier-step]
                lossSum += Double(loss)
                if (b + 1) % 20 == 0 || b + 1 == batches {
                    progress.report("classifier epoch \(epoch)/\(settings.epochs)", b + 1, batches)
                }
            }
            let record = EpochRecord(
                epoch: epoch, learningRate: rate, meanLoss: lossSum / Double(batches),
                testAccuracy: test.map { classifier.accuracy(images: $0.images, labels: $0.labels) })
            classifier.history.append(record)
            onEpoch(record)
        }
        return classifier
    }
}
