import GANCore

/// V(D, G) of Eq. (3) for a learned 1-D discriminator, by GSL quadrature.
///
/// ```
/// V(G, D) = ∫ p_data(x) log D(x) dx + ∫ p_g(x) log(1 − D(x)) dx      Eq. (3)
/// ```
/// A maxout D's logit is piecewise linear in x. At its kinks the integrand's
/// derivative jumps, and GSL's `qags`, whose extrapolation expects a smooth
/// integrand, gives up with a roundoff error. So each integral is split at
/// every point where two pieces of a unit of the first maxout layer can
/// trade places, x = (b_q − b_p)/(w_p − w_q), and each smooth stretch is
/// integrated on its own, over the density's `support`.
/// - Paper: Eq. (3).
public enum LearnedValue {
    public static func integral<Scalar: BLASScalar>(
        data: any Density1D, generator: any Density1D, discriminator: MultilayerPerceptron<Scalar>
    ) throws -> Double {
        let cuts = breakpoints(of: discriminator)
        let logit: (Double) -> Double = { discriminator.logits(at: [$0])[0] }
        let real = try integrate(over: data.support, cuts: cuts) { x in data.density(x) * LogTerms.logD(logit: logit(x)) }
        let generated = try integrate(over: generator.support, cuts: cuts) { x in
            generator.density(x) * LogTerms.logOneMinusD(logit: logit(x))
        }
        return real + generated
    }

    /// E_p[D(x)], the mean probability D gives to samples of `density`.
    public static func meanProbability<Scalar: BLASScalar>(
        under density: any Density1D, discriminator: MultilayerPerceptron<Scalar>
    ) throws -> Double {
        try integrate(over: density.support, cuts: breakpoints(of: discriminator)) { x in
            density.density(x) * sigmoid(discriminator.logits(at: [x])[0])
        }
    }

    /// Where the first maxout layer's winning pieces can change, for a network
    /// with one input that starts (after any dropout) with `Affine` then `Maxout`.
    public static func breakpoints<Scalar: BLASScalar>(of network: MultilayerPerceptron<Scalar>) -> [Double] {
        guard network.inputWidth == 1,
              let affineIndex = network.layers.firstIndex(where: { $0 is Affine<Scalar> }),
              affineIndex + 1 < network.layers.count,
              let maxout = network.layers[affineIndex + 1] as? Maxout<Scalar>,
              let affine = network.layers[affineIndex] as? Affine<Scalar>
        else { return [] }
        var cuts: [Double] = []
        for unit in 0..<maxout.units {
            let first = unit * maxout.pieces
            for p in first..<(first + maxout.pieces) {
                for q in (p + 1)..<(first + maxout.pieces) {
                    let dw = Double(affine.weights[0, p] - affine.weights[0, q])
                    guard dw != 0 else { continue }
                    cuts.append(Double(affine.bias[0, q] - affine.bias[0, p]) / dw)
                }
            }
        }
        return cuts.sorted()
    }

    /// ∫ f over `range`, one `qags` call per stretch between consecutive cuts.
    static func integrate(over range: ClosedRange<Double>, cuts: [Double], _ f: @escaping (Double) -> Double) throws -> Double {
        let ends = [range.lowerBound] + cuts.filter { $0 > range.lowerBound && $0 < range.upperBound } + [range.upperBound]
        var total = 0.0
        for (a, b) in zip(ends, ends.dropFirst()) where b > a {
            total += try Quadrature.integrate(from: a, to: b, absoluteTolerance: 1e-10, relativeTolerance: 1e-8, f).value
        }
        return total
    }
}
