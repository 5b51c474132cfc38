import Evaluation
import GANCore

/// Does a conditional generator obey c? Draw the same number of samples of
/// every class and let Chapter 6's classifier name each:
/// ```
/// obedience_c = |{ samples drawn with c that the classifier names c }| / N
/// ```
/// beside the same classifier's accuracy on real test images of class c,
/// which is as high as obedience can be expected to go (the classifier
/// confuses shirts with T-shirts on real images too). The classes of all
/// samples, whatever c asked for, give Chapter 6's coverage.
public struct ConditionalObedience: Sendable {
    /// confusion[c][k]: samples drawn with c that the classifier names k.
    public let confusion: [[Int]]
    /// Per class, the classifier's accuracy on the real test images of that class.
    public let realAccuracy: [Double]

    public var classes: Int { confusion.count }
    public var samplesPerClass: Int { confusion[0].reduce(0, +) }

    public func obedience(_ c: Int) -> Double { Double(confusion[c][c]) / Double(samplesPerClass) }
    public var meanObedience: Double { (0..<classes).map(obedience).reduce(0, +) / Double(classes) }
    public var meanRealAccuracy: Double { realAccuracy.reduce(0, +) / Double(classes) }
    /// The classes of all samples, whatever c asked for.
    public var histogram: ClassHistogram {
        ClassHistogram(counts: (0..<classes).map { k in confusion.reduce(0) { $0 + $1[k] } })
    }

    public init(confusion: [[Int]], realAccuracy: [Double]) {
        precondition(!confusion.isEmpty && confusion.allSatisfy { $0.count == confusion.count } && realAccuracy.count == confusion.count,
                     "a square confusion table and one real accuracy per class")
        self.confusion = confusion
        self.realAccuracy = realAccuracy
    }

    /// `samplesPerClass` samples of each class from `generator`, named by `classifier`.
    public static func measure(
        generator: MultilayerPerceptron<Float>, model: ConditionalModel, classifier: FashionClassifier, samplesPerClass: Int,
        testImages: Matrix<Float>, testLabels: [Int], seed: UInt64
    ) -> ConditionalObedience {
        let k = model.classes
        let asked = (0..<k).flatMap { Array(repeating: $0, count: samplesPerClass) }
        let named = classifier.predict(model.samples(of: generator, classes: asked, using: RandomSource(seed: seed)))
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (c, n) in zip(asked, named) { confusion[c][n] += 1 }
        let predicted = classifier.predict(testImages)
        let real = (0..<k).map { c -> Double in
            let rows = testLabels.indices.filter { testLabels[$0] == c }
            return Double(rows.count { predicted[$0] == c }) / Double(max(rows.count, 1))
        }
        return ConditionalObedience(confusion: confusion, realAccuracy: real)
    }

    /// A table: class, % of its samples the classifier names so, % of its test images named so.
    public func table(names: [String]) -> [String] {
        var table = TextTable("asked for c", "samples named c %", "test images named c %")
        for c in 0..<classes {
            table.add(names[c], fixed(100 * obedience(c), 1), fixed(100 * realAccuracy[c], 1))
        }
        table.add("mean", fixed(100 * meanObedience, 1), fixed(100 * meanRealAccuracy, 1))
        return table.lines
    }
}
