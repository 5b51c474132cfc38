import GANCore

/// §7's fourth direction: "Semi-supervised learning: features from the
/// discriminator or inference net could improve performance of classifiers
/// when limited labeled data is available."
///
/// The features are what D's last affine layer reads: the second maxout
/// layer's units, in evaluation mode (no dropout). A `LinearProbe` on them,
/// fitted to a few labels, is set against the same probe on raw pixels and
/// on the features of a D that was never trained: what the adversarial game
/// taught D, beyond what its shape and the pixels give for free.
public struct SemiSupervisedFeatures: Sendable {
    /// Labels per class: 10 × 10 classes = 100 labels.
    public var labelsPerClass = 10
    /// The penalties λ the probe chooses among, by cross-validation on the labelled rows alone.
    public var penalties: [Double] = [1, 10, 100, 1000, 10000]
    public var folds = 5

    public init() {}

    // [excerpt: discriminator-features]
    /// What D's last affine layer reads, for each image: its penultimate features.
    public static func discriminatorFeatures(_ discriminator: MultilayerPerceptron<Float>, images: Matrix<Float>) -> Matrix<Double> {
        let wasTraining = discriminator.isTraining
        discriminator.isTraining = false
        defer { discriminator.isTraining = wasTraining }
        let last = discriminator.layers.lastIndex { $0 is Affine<Float> }!
        var x = images
        for layer in discriminator.layers[..<last] { x = layer.forward(x) }
        return Matrix(rows: x.rows, columns: x.columns, elements: x.elements.map(Double.init))
    }
    // [end: discriminator-features]

    public static func pixels(_ images: Matrix<Float>) -> Matrix<Double> {
        Matrix(rows: images.rows, columns: images.columns, elements: images.elements.map(Double.init))
    }

    /// `labelsPerClass` rows of each class from `labels`, chosen by `seed`.
    public func labelledRows(of labels: [Int], classes: Int, seed: UInt64) -> [Int] {
        let order = RandomSource(seed: seed).permutation(labels.count)
        var chosen: [Int] = [], taken = [Int](repeating: 0, count: classes)
        for row in order where taken[labels[row]] < labelsPerClass {
            taken[labels[row]] += 1
            chosen.append(row)
        }
        precondition(taken.allSatisfy { $0 == labelsPerClass }, "fewer than \(labelsPerClass) rows of some class")
        return chosen
    }

    public struct Outcome: Sendable {
        public let testAccuracy: Double
        /// The λ that cross-validation chose.
        public let penalty: Double
    }

    // [excerpt: probe-protocol]
    /// Fits the probe to the `chosen` rows of `pool` (λ by cross-validation
    /// among them), standardised by all of `pool`, and scores it on `test`.
    public func evaluate(pool: Matrix<Double>, poolLabels: [Int], chosen: [Int], test: Matrix<Double>, testLabels: [Int],
                         classes: Int) throws -> Outcome {
        let labels = chosen.map { poolLabels[$0] }
        let features = Self.rows(chosen, of: pool), standardisation = LinearProbe.Standardisation(pool)
        var best = (penalty: penalties[0], accuracy: -1.0)
        for penalty in penalties {
            var correct = 0
            for fold in 0..<folds {
                // Rows are in class-balanced order of choice: every `folds`-th row is one fold.
                let held = Array(stride(from: fold, to: chosen.count, by: folds)), kept = chosen.indices.filter { $0 % folds != fold }
                let probe = try LinearProbe(features: Self.rows(kept, of: features), labels: kept.map { labels[$0] },
                                            classes: classes, penalty: penalty, standardisation: standardisation)
                correct += zip(probe.predict(Self.rows(held, of: features)), held.map { labels[$0] }).count { $0 == $1 }
            }
            let accuracy = Double(correct) / Double(chosen.count)
            if accuracy > best.accuracy { best = (penalty, accuracy) }
        }
        let probe = try LinearProbe(features: features, labels: labels, classes: classes, penalty: best.penalty, standardisation: standardisation)
        return Outcome(testAccuracy: probe.accuracy(test, labels: testLabels), penalty: best.penalty)
    }
    // [end: probe-protocol]

    static func rows(_ indices: [Int], of matrix: Matrix<Double>) -> Matrix<Double> {
        let result = Matrix<Double>(rows: indices.count, columns: matrix.columns)
        for (r, i) in indices.enumerated() {
            (result.base + r * matrix.columns).update(from: matrix.base + i * matrix.columns, count: matrix.columns)
        }
        return result
    }
}
