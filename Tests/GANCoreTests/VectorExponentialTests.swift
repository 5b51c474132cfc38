import Foundation
import GANCore
import Testing

/// `exponential(_:)`, the eight-lane e^x of the Parzen window, against libm's `expf`.
@Suite struct VectorExponentialTests {
    /// The largest error of `f` in units in the last place of libm's e^x, over
    /// 200 001 points of [−86, 88] (every lane used) and a few edge values.
    static func worstUlpError(_ f: (SIMD8<Float>) -> SIMD8<Float>) -> Float {
        var points = (0...200_000).map { -86 + 174 * Float($0) / 200_000 }
        points += [0, -0, 1e-8, -1e-8, 0.5 * logf(2), -0.5 * logf(2), 88, -86]
        while points.count % 8 != 0 { points.append(0) }
        var worst: Float = 0
        for start in stride(from: 0, to: points.count, by: 8) {
            let x = SIMD8<Float>(points[start..<start + 8])
            let y = f(x)
            for lane in 0..<8 {
                let exact = expf(x[lane])
                worst = max(worst, abs(y[lane] - exact) / exact.ulp)
            }
        }
        return worst
    }

    @Test func exponential_isWithinTwoUlpOfLibm() {
        #expect(Self.worstUlpError(exponential) <= 2)
    }

    @Test func exponential_negativeControl_aTruncatedPolynomialIsCaught() {
        // e^x ≈ 2ⁿ·(1 + r + r²/2): the series cut after its quadratic term.
        let truncated: (SIMD8<Float>) -> SIMD8<Float> = { x in
            let n = (x / logf(2)).rounded(.toNearestOrEven)
            let r = x - n * logf(2)
            var scale = SIMD8<Float>()
            for lane in 0..<8 { scale[lane] = Float(sign: .plus, exponent: Int(n[lane]), significand: 1) }
            return (1 + r + r * r / 2) * scale
        }
        #expect(Self.worstUlpError(truncated) > 2)
    }

    @Test func exponential_clampsOutsideTheNormalRange() {
        let y = exponential(SIMD8<Float>(-1000, -87, -86, 0, 88, 89, 1000, .nan))
        #expect(y[0] == y[2] && y[1] == y[2] && y[2] > 0 && y[2].isNormal)
        #expect(y[3] == 1)
        #expect(y[5] == y[4] && y[6] == y[4] && y[4].isFinite)
        #expect(y[7].isNaN)
    }
}

/// The `Float` sigmoid layer, which runs on `exponential`, against σ in Double.
@Suite struct FloatSigmoidTests {
    /// The largest error of a Float layer's output in units in the last place
    /// of σ(x), over x ∈ [−100, 100]. Where σ(x) is below Float's normal range
    /// (x < −87) the unit is the smallest normal Float instead: there
    /// `exponential` clamps, and σ comes back as about 6·10⁻³⁹.
    static func worstUlpError(_ output: (Matrix<Float>) -> Matrix<Float>) -> Float {
        let x = Matrix<Float>(rows: 1001, columns: 13)  // 13 columns: a tail after each eight lanes
        for i in 0..<x.count { x.storage[i] = -100 + 200 * Float(i) / Float(x.count - 1) }
        let y = output(x)
        var worst: Float = 0
        for i in 0..<x.count {
            let exact = Float(1 / (1 + Foundation.exp(-Double(x.storage[i]))))
            let ulp = exact < Float.leastNormalMagnitude ? Float.leastNormalMagnitude : exact.ulp
            worst = max(worst, abs(y.storage[i] - exact) / ulp)
        }
        return worst
    }

    @Test func sigmoidLayer_float_isWithinFourUlpOfDoublePrecisionSigma() {
        let layer = Sigmoid<Float>(13)
        #expect(Self.worstUlpError { layer.forward($0) } <= 4)
    }

    @Test func negativeControl_aSigmoidOffByOnePartInAMillionIsCaught() {
        let layer = Sigmoid<Float>(13)
        #expect(Self.worstUlpError { x in
            let y = layer.forward(x)
            for i in 0..<y.count { y.storage[i] *= 1 + 1e-6 }
            return y
        } > 4)
    }
}
