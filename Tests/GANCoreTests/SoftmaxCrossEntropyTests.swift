import Foundation
import GANCore
import GradientChecking
import Testing

/// The mean softmax cross-entropy: its gradient against GSL's finite
/// differences (with negative controls), and its value on cases with known answers.
@Suite struct SoftmaxCrossEntropyTests {
    /// (rows, classes, logit scale, seed): one row of two classes, batches of
    /// ten, and logits of ±4, whose probabilities span three orders of
    /// magnitude. Much larger logits make most entries of ∂L/∂z smaller than
    /// the finite differences' own rounding error (≈ ε·|L|/h), and the check
    /// would measure that instead; `hugeLogits_stayFinite` covers them.
    static let shapes: [(rows: Int, classes: Int, scale: Double, seed: UInt64)] = [
        (1, 2, 1, 31), (5, 10, 3, 32), (8, 10, 4, 33), (3, 7, 1, 34),
    ]

    /// Random logits and labels for one shape.
    static func problem(_ index: Int) -> (logits: Matrix<Double>, labels: [Int]) {
        let s = shapes[index]
        let random = RandomSource(seed: s.seed)
        let logits = Matrix<Double>(rows: s.rows, columns: s.classes)
        random.fillUniform(logits, -s.scale, s.scale)
        return (logits, (0..<s.rows).map { _ in random.index(below: s.classes) })
    }

    /// L as a function of the flat logits, for the finite differences.
    static func lossFunction(rows: Int, classes: Int, labels: [Int]) -> ([Double]) -> Double {
        let scratch = Matrix<Double>(rows: rows, columns: classes)
        return { z in SoftmaxCrossEntropy.loss(logits: Matrix(rows: rows, columns: classes, elements: z), labels: labels, gradient: scratch) }
    }

    /// The analytic gradient and the check of a claimed gradient against finite differences.
    static func check(_ index: Int, claimed: (Matrix<Double>, [Int], [Double]) -> [Double] = { _, _, g in g }) -> GradientCheck {
        let (logits, labels) = problem(index)
        let gradient = Matrix<Double>(rows: logits.rows, columns: logits.columns)
        _ = SoftmaxCrossEntropy.loss(logits: logits, labels: labels, gradient: gradient)
        return GradientCheck(at: logits.elements, gradient: claimed(logits, labels, gradient.elements),
                             of: lossFunction(rows: logits.rows, classes: logits.columns, labels: labels))
    }

    @Test(arguments: shapes.indices)
    func softmaxCrossEntropyGradient_matchesFiniteDifferences(_ index: Int) {
        let check = Self.check(index)
        #expect(check.passed, "\(check)")
    }

    /// Negative control: the gradient of the sum instead of the mean (the 1/m forgotten).
    @Test func gradientWithoutOneOverM_failsTheCheck() {
        let check = Self.check(1) { logits, _, g in g.map { $0 * Double(logits.rows) } }
        #expect(!check.passed, "a gradient m times too large must fail: \(check)")
    }

    /// Negative control: softmax/m alone, the one-hot term forgotten.
    @Test func gradientWithoutOneHot_failsTheCheck() {
        let check = Self.check(1) { logits, labels, g in
            var wrong = g
            for (i, y) in labels.enumerated() { wrong[i * logits.columns + y] += 1 / Double(logits.rows) }
            return wrong
        }
        #expect(!check.passed, "a gradient without −onehot/m must fail: \(check)")
    }

    @Test func uniformLogits_giveLogOfTheClassCount() {
        for value in [0.0, 7.5, -300] {
            let logits = Matrix<Double>(rows: 4, columns: 10, repeating: value)
            let gradient = Matrix<Double>(rows: 4, columns: 10)
            let loss = SoftmaxCrossEntropy.loss(logits: logits, labels: [0, 3, 9, 3], gradient: gradient)
            #expect(abs(loss - log(10)) < 1e-14, "uniform logits \(value): L = \(loss), expected log 10")
            // p = 1/10 everywhere: (0.1 − 1)/4 at the label, 0.1/4 elsewhere.
            #expect(abs(gradient[2, 9] - (0.1 - 1) / 4) < 1e-15 && abs(gradient[2, 0] - 0.1 / 4) < 1e-15)
        }
    }

    @Test func twoClasses_matchTheLogisticLoss() {
        // p(label 0) = 1 / (1 + 3) when the other logit is log 3 higher: L = log 4.
        let logits = Matrix<Double>(rows: 1, columns: 2, elements: [0, log(3)])
        let loss = SoftmaxCrossEntropy.loss(logits: logits, labels: [0], gradient: Matrix(rows: 1, columns: 2))
        #expect(abs(loss - log(4)) < 1e-15)
    }

    @Test func hugeLogits_stayFinite() {
        // Without the max subtracted, exp(1e4) is ∞ and L is NaN.
        let logits = Matrix<Float>(rows: 2, columns: 3, elements: [1e4, 0, -1e4, 0, 1e4, 1e4])
        let gradient = Matrix<Float>(rows: 2, columns: 3)
        let loss = SoftmaxCrossEntropy.loss(logits: logits, labels: [1, 2], gradient: gradient)
        // Row 0: label 1 is 1e4 below the best, so ℓ = 1e4; row 1: a tie, ℓ = log 2.
        let expected = (1e4 + Float(Foundation.log(2.0))) / 2
        #expect(abs(loss - expected) < 1e-2)
        #expect(gradient.elements.allSatisfy { $0.isFinite })
    }

    @Test func gradientRows_sumToZero() {
        // Σ_k (p_k − 1[k = y]) = 1 − 1: the softmax's outputs sum to one.
        let (logits, labels) = Self.problem(2)
        let gradient = Matrix<Double>(rows: logits.rows, columns: logits.columns)
        _ = SoftmaxCrossEntropy.loss(logits: logits, labels: labels, gradient: gradient)
        for i in 0..<logits.rows { #expect(abs(gradient.row(i).reduce(0, +)) < 1e-15) }
    }
}
