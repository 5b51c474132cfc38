import Foundation
import GANCore

/// The value function V(D, G) of Eq. (1), estimated on samples and computed
/// by quadrature on 1-D densities.
///
/// ```
/// V(D, G) = E_{x~p_data}[log D(x)] + E_{z~p_z}[log(1 − D(G(z)))]     Eq. (1)
///         = ∫ p_data(x) log D(x) dx + ∫ p_g(x) log(1 − D(x)) dx       Eq. (3)
/// ```
/// D is given by its logit a(x), D(x) = σ(a(x)) (see `LogTerms`).
public enum ValueFunction {
    /// A Monte-Carlo estimate with its standard error.
    public struct Estimate: Sendable {
        public let value: Double
        public let standardError: Double
        /// (1/m) Σ log D(x_i), the real samples' term.
        public let realTerm: Double
        /// (1/m) Σ log(1 − D(G(z_i))), the generated samples' term.
        public let generatedTerm: Double

        public init(value: Double, standardError: Double, realTerm: Double, generatedTerm: Double) {
            self.value = value
            self.standardError = standardError
            self.realTerm = realTerm
            self.generatedTerm = generatedTerm
        }
    }

    // [excerpt: minibatch-estimate]
    /// The minibatch estimate of Eq. (1) that Algorithm 1 ascends:
    /// ```
    /// V̂ = (1/m) Σ_i log D(x⁽ⁱ⁾) + (1/m) Σ_i log(1 − D(G(z⁽ⁱ⁾)))
    /// ```
    /// Each term is a sample mean, so its standard error is s/√m; the two
    /// samples are independent and their variances add.
    public static func estimate(realLogits: [Double], generatedLogits: [Double]) -> Estimate {
        let real = realLogits.map { LogTerms.logD(logit: $0) }
        let generated = generatedLogits.map { LogTerms.logOneMinusD(logit: $0) }
        let (realMean, realError) = meanAndStandardError(real)
        let (generatedMean, generatedError) = meanAndStandardError(generated)
        return Estimate(
            value: realMean + generatedMean,
            standardError: (realError * realError + generatedError * generatedError).squareRoot(),
            realTerm: realMean, generatedTerm: generatedMean)
    }
    // [end: minibatch-estimate]

    /// Estimates V(D, G) from `count` samples of each density.
    public static func estimate(
        data: any Density1D, generator: any Density1D, discriminatorLogit: (Double) -> Double,
        count: Int, using random: RandomSource
    ) -> Estimate {
        let real = (0..<count).map { _ in discriminatorLogit(data.sample(using: random)) }
        let generated = (0..<count).map { _ in discriminatorLogit(generator.sample(using: random)) }
        return estimate(realLogits: real, generatedLogits: generated)
    }

    // [excerpt: value-integral]
    /// Eq. (3) by GSL quadrature over the whole line. Each integrand is
    /// p(x)·log D(x) with p = exp(log p): where p underflows the term is 0,
    /// not 0·(−∞) = NaN.
    public static func integral(
        data: any Density1D, generator: any Density1D, discriminatorLogit: @escaping (Double) -> Double
    ) throws -> Quadrature.Result {
        let real = try Quadrature.integrate { x in
            weighted(data.logDensity(x)) { LogTerms.logD(logit: discriminatorLogit(x)) }
        }
        let generated = try Quadrature.integrate { x in
            weighted(generator.logDensity(x)) { LogTerms.logOneMinusD(logit: discriminatorLogit(x)) }
        }
        return Quadrature.Result(
            value: real.value + generated.value,
            absoluteError: real.absoluteError + generated.absoluteError)
    }
    // [end: value-integral]

    // [excerpt: optimal-logit]
    /// The logit of the optimal discriminator of Proposition 1,
    /// D*(x) = p_data(x) / (p_data(x) + p_g(x)), which is σ(a*) with
    /// ```
    /// a*(x) = log p_data(x) − log p_g(x)
    /// ```
    public static func optimalLogit(data: any Density1D, generator: any Density1D) -> (Double) -> Double {
        { x in
            let logData = data.logDensity(x), logGenerator = generator.logDensity(x)
            if logData == -.infinity && logGenerator == -.infinity { return 0 }
            return logData - logGenerator
        }
    }
    // [end: optimal-logit]

    /// p·f where log p = `logWeight`, and 0 where p is 0 or underflows.
    static func weighted(_ logWeight: Double, _ f: () -> Double) -> Double {
        guard logWeight > -700 else { return 0 }
        return exp(logWeight) * f()
    }

    static func meanAndStandardError(_ values: [Double]) -> (Double, Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }
}
