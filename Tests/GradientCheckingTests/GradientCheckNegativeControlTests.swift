import Foundation
import GANCore
import GradientChecking
import Testing

/// The checker must fail a wrong derivative: by a sign, by a factor, or in a
/// single entry. Without these, a passing gradient test would prove nothing.
@Suite struct GradientCheckNegativeControlTests {
    /// A small discriminator-shaped network and its true gradient.
    static func network() -> (point: [Double], gradient: [Double], f: ([Double]) -> Double) {
        let random = RandomSource(seed: 31)
        let first = Affine<Double>(3, 4 * 2), last = Affine<Double>(4, 1)
        let net = MultilayerPerceptron<Double>([first, Maxout(units: 4, pieces: 2), last])
        for layer in net.affineLayers { layer.initialise(weightRange: 1, using: random) }
        let x = Matrix<Double>(rows: 4, columns: 3)
        random.fillUniform(x, -1, 1)
        let r = Matrix<Double>(rows: 4, columns: 1, elements: [0.3, -0.7, 1.1, 0.5])
        _ = net.forward(x)
        net.backward(r)
        let f: ([Double]) -> Double = { theta in net.with(parameters: theta) { projection(net.forward(x), r) } }
        return (net.parameters.elements, net.gradients.elements, f)
    }

    @Test func trueGradient_passes() {
        let (point, gradient, f) = Self.network()
        let check = GradientCheck(at: point, gradient: gradient, of: f)
        #expect(check.passed, "\(check)")
        #expect(check.worstRelativeError < 1e-8, "finite differences should be far inside the tolerance: \(check)")
    }

    @Test func gradientWithFlippedSign_fails() {
        let (point, gradient, f) = Self.network()
        let check = GradientCheck(at: point, gradient: gradient.map { -$0 }, of: f)
        #expect(!check.passed)
        #expect(check.worstRelativeError > 1)
    }

    @Test func gradientOffByAFactor_fails() {
        let (point, gradient, f) = Self.network()
        let check = GradientCheck(at: point, gradient: gradient.map { 1.01 * $0 }, of: f)
        #expect(!check.passed, "a 1% error is 10⁴ times the tolerance")
    }

    @Test func gradientWrongInOneEntry_failsAndNamesTheEntry() {
        let (point, gradient, f) = Self.network()
        let wrongEntry = gradient.indices.max { abs(gradient[$0]) < abs(gradient[$1]) }!
        var wrong = gradient
        wrong[wrongEntry] *= 1.001
        let check = GradientCheck(at: point, gradient: wrong, of: f)
        #expect(!check.passed)
        #expect(check.worstIndex == wrongEntry)
    }

    @Test func brokenLogTermDerivative_fails() {
        // d/da log(1 − D) written as +σ(a) instead of −σ(a).
        let point = [-3.0, -0.5, 0.2, 4.0]
        let check = GradientCheck(at: point, gradient: point.map { sigmoid($0) }) { a in
            a.reduce(0) { $0 + LogTerms.logOneMinusD(logit: $1) }
        }
        #expect(!check.passed)
    }

    @Test func reportNamesTheWorstEntryAndGSLsErrorEstimate() {
        let check = GradientCheck(at: [1, 2], gradient: [2, 5]) { x in x[0] * x[0] + x[1] * x[1] }
        #expect(check.worstIndex == 1)
        #expect(abs(check.numericAtWorst - 4) < 1e-8)
        #expect(check.finiteDifferenceErrorAtWorst < 1e-6)
        #expect(check.description.contains("entry 1"))
    }
}
