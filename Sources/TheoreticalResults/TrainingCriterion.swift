import Foundation
import GANCore
import ValueFunction

/// The virtual training criterion C(G) of Theorem 1, three ways.
///
/// ```
/// C(G) = E_{p_data}[log D*(x)] + E_{p_g}[log(1 − D*(x))]                    Eq. (4)
///      = −log 4 + KL(p_data ‖ m) + KL(p_g ‖ m),   m = (p_data + p_g)/2      Eq. (5)
///      = −log 4 + 2·JSD(p_data ‖ p_g)                                       Eq. (6)
/// ```
/// Eq. (5) follows from Eq. (4) by writing D* = p_data / (2m) and
/// 1 − D* = p_g / (2m): each log term gives up a log 2, and the two together
/// give −log 4. Every integral here is computed by GSL quadrature over the
/// whole line, with the integrand in log space: where a density underflows
/// the term is 0, never 0·log(0/0) = NaN.
/// - Paper: Theorem 1, Eqs. (4)–(6), §4.1
public enum TrainingCriterion {
    /// The three forms of C(G), each with GSL's error estimate summed over
    /// the integrals it took.
    public struct Forms: Sendable {
        /// Eq. (4): V(D*, G), with D* from Proposition 1.
        public let criterion: Quadrature.Result
        /// Eq. (5): −log 4 + KL(p_data ‖ m) + KL(p_g ‖ m).
        public let kullbackLeiblerForm: Quadrature.Result
        /// Eq. (6): −log 4 + 2·JSD(p_data ‖ p_g), with the JSD from entropies.
        public let jensenShannonForm: Quadrature.Result

        /// The largest difference between any two of the three forms.
        public var largestDisagreement: Double {
            let values = [criterion.value, kullbackLeiblerForm.value, jensenShannonForm.value]
            return values.max()! - values.min()!
        }
    }

    public static let minusLog4 = -log(4.0)

    public static func forms(data: any Density1D, generator: any Density1D) throws -> Forms {
        let c = try criterion(data: data, generator: generator)
        let klData = try kullbackLeiblerToMidpoint(data, data: data, generator: generator)
        let klGenerator = try kullbackLeiblerToMidpoint(generator, data: data, generator: generator)
        let jsd = try jensenShannonDivergence(data, generator)
        return Forms(
            criterion: c,
            kullbackLeiblerForm: Quadrature.Result(
                value: minusLog4 + klData.value + klGenerator.value,
                absoluteError: klData.absoluteError + klGenerator.absoluteError),
            jensenShannonForm: Quadrature.Result(value: minusLog4 + 2 * jsd.value, absoluteError: 2 * jsd.absoluteError))
    }

    // [excerpt: criterion]
    /// Eq. (4): C(G) = V(D*_G, G), reusing Chapter 1's quadrature of Eq. (3)
    /// with the optimal logit a*(x) = log p_data(x) − log p_g(x).
    public static func criterion(data: any Density1D, generator: any Density1D) throws -> Quadrature.Result {
        try ValueFunction.integral(
            data: data, generator: generator,
            discriminatorLogit: ValueFunction.optimalLogit(data: data, generator: generator))
    }

    /// log m(x) = log((p_data(x) + p_g(x)) / 2), by log-sum-exp.
    static func logMidpoint(_ data: any Density1D, _ generator: any Density1D, _ x: Double) -> Double {
        logAddExp(data.logDensity(x), generator.logDensity(x)) - log(2.0)
    }

    /// KL(p ‖ m) = ∫ p(x)·(log p(x) − log m(x)) dx for p = p_data or p_g;
    /// p ≤ 2m, so the log ratio is finite wherever p > 0.
    public static func kullbackLeiblerToMidpoint(
        _ p: any Density1D, data: any Density1D, generator: any Density1D
    ) throws -> Quadrature.Result {
        try Quadrature.integrate { x in
            let logP = p.logDensity(x)
            guard logP > -700 else { return 0 }
            return exp(logP) * (logP - logMidpoint(data, generator, x))
        }
    }
    // [end: criterion]

    // [excerpt: jensen-shannon]
    /// H(p) = −∫ p(x) log p(x) dx, the differential entropy.
    public static func entropy(_ logDensity: @escaping (Double) -> Double) throws -> Quadrature.Result {
        try Quadrature.integrate { x in
            let logP = logDensity(x)
            guard logP > -700 else { return 0 }
            return -exp(logP) * logP
        }
    }

    /// JSD(p ‖ q) = H(m) − ½H(p) − ½H(q), m = (p + q)/2: the entropy of
    /// the mixture less the mean entropy of its parts. A route to Eq. (6)
    /// that shares no integral with Eq. (4) or Eq. (5).
    public static func jensenShannonDivergence(_ p: any Density1D, _ q: any Density1D) throws -> Quadrature.Result {
        let mixture = try entropy { x in logMidpoint(p, q, x) }
        let hp = try entropy(p.logDensity), hq = try entropy(q.logDensity)
        return Quadrature.Result(
            value: mixture.value - 0.5 * (hp.value + hq.value),
            absoluteError: mixture.absoluteError + 0.5 * (hp.absoluteError + hq.absoluteError))
    }
    // [end: jensen-shannon]
}
