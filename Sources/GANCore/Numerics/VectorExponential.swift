/// e^x for eight `Float`s at once, for loops that exponentiate millions of
/// values (the Parzen window's log-mean-exp).
///
/// Cephes' `expf`, lane-wise: write x = n·ln 2 + r with n = round(x / ln 2)
/// and |r| ≤ ½ ln 2, take e^r from a polynomial, and scale by 2ⁿ by building
/// 2ⁿ's exponent bits:
/// ```
/// e^x = 2ⁿ · e^r,   e^r ≈ 1 + r + r²(p₅ + r(p₄ + r(p₃ + r(p₂ + r(p₁ + r p₀)))))
/// ```
/// ln 2 is split in two (`ln2High` has few bits, so n·ln2High is exact) and
/// r keeps its low bits. Inputs are clamped to [−86, 88], where 2ⁿ and the
/// result are normal Floats: below, e^x comes back as e^−86 ≈ 4·10⁻³⁸ rather
/// than a subnormal or 0, which no sum of exponentials can tell apart.
/// Within 2 ulp of libm's `expf` (checked in `VectorExponentialTests`).
@inlinable @inline(__always)
public func exponential(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let lower = SIMD8<Float>(repeating: -86), upper = SIMD8<Float>(repeating: 88)
    let clamped = x.replacing(with: lower, where: x .< lower).replacing(with: upper, where: x .> upper)
    // n = round(x / ln 2), by adding 1.5·2²³: the sum's ulp is 1, so its low
    // mantissa bits hold n (rounded to nearest even) as an integer.
    let shifter: Float = 12_582_912
    let shifted = SIMD8(repeating: shifter).addingProduct(clamped, SIMD8(repeating: 1.442_695_04))
    let n = shifted - shifter
    let ln2High: Float = 0.693_359_375, ln2Low: Float = -2.121_944_4e-4
    let r = clamped.addingProduct(n, SIMD8(repeating: -ln2High)).addingProduct(n, SIMD8(repeating: -ln2Low))
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = SIMD8(repeating: 1.398_199_95e-3).addingProduct(p, r)
    p = SIMD8(repeating: 8.333_451_9e-3).addingProduct(p, r)
    p = SIMD8(repeating: 4.166_579_59e-2).addingProduct(p, r)
    p = SIMD8(repeating: 1.666_666_55e-1).addingProduct(p, r)
    p = SIMD8(repeating: 5.000_000_12e-1).addingProduct(p, r)
    let er = (r + 1).addingProduct(p, r * r)
    // 2ⁿ: n + 127 in the exponent field.
    let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- Int32(bitPattern: shifter.bitPattern)
    let twoToTheN = unsafeBitCast((integer &+ 127) &<< 23, to: SIMD8<Float>.self)
    return er * twoToTheN
}
