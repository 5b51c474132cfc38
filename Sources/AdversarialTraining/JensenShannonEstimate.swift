import Foundation
import GANCore

/// The Jensen–Shannon divergence between a known p_data and the generator's
/// p_g, which is known only through samples: p_g is estimated by a Gaussian
/// kernel density estimate, then the divergence is integrated by GSL quadrature.
///
/// ```
/// p̂_g(x) = (1/n) Σ_j 𝒩(x; x_j, h²),    h = 1.06 σ̂ n^(−1/5)   (Silverman's rule)
/// JSD(p ‖ q) = ½ ∫ p log(p/M) dx + ½ ∫ q log(q/M) dx,   M = (p + q)/2
/// ```
/// The integrand is computed from log densities, log M = logaddexp(log p, log q) − log 2,
/// and taken as 0 where a density underflows (0·log 0 = 0), never as NaN.
/// JSD lies in [0, log 2]; Theorem 1 (Eq. (6)) reads C(G) = −log 4 + 2·JSD(p_data ‖ p_g).
///
/// Deviation from the paper: the paper's JSD is between exact densities. The
/// kernel estimate smooths p_g (its mean density is p_g convolved with the
/// kernel), so even a perfect generator scores above 0: `floor` measures
/// that bias by estimating the JSD of p_data against samples of p_data itself.
/// - Paper: Eq. (5), Eq. (6), Theorem 1.
public enum JensenShannonEstimate {
    /// A Gaussian kernel density estimate from samples.
    public struct KernelDensity: Density1D {
        public let samples: [Double]
        public let bandwidth: Double

        /// Silverman's rule of thumb unless `bandwidth` is given.
        public init(samples: [Double], bandwidth: Double? = nil) {
            precondition(samples.count >= 2, "a kernel density estimate needs at least 2 samples")
            self.samples = samples.sorted()
            if let bandwidth {
                self.bandwidth = bandwidth
            } else {
                let n = Double(samples.count)
                let mean = samples.reduce(0, +) / n
                let sd = (samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
                // A generator collapsed to one point has σ̂ = 0: keep a small positive width.
                self.bandwidth = max(1.06 * sd * pow(n, -0.2), 1e-3)
            }
        }

        public func logDensity(_ x: Double) -> Double {
            // Kernels further than 9h contribute below e^(−40.5) of a near one: skip them.
            let reach = 9 * bandwidth
            var lo = 0, hi = samples.count
            while lo < hi { let mid = (lo + hi) / 2; if samples[mid] < x - reach { lo = mid + 1 } else { hi = mid } }
            var terms: [Double] = []
            var j = lo
            while j < samples.count && samples[j] <= x + reach {
                let u = (x - samples[j]) / bandwidth
                terms.append(-0.5 * u * u)
                j += 1
            }
            return logSumExp(terms) - log(Double(samples.count) * bandwidth * (2 * Double.pi).squareRoot())
        }

        public func sample(using random: RandomSource) -> Double {
            samples[random.index(below: samples.count)] + random.gaussian(standardDeviation: bandwidth)
        }

        public var support: ClosedRange<Double> { (samples[0] - 9 * bandwidth)...(samples[samples.count - 1] + 9 * bandwidth) }
        public var description: String { "KDE(n = \(samples.count), h = \(bandwidth))" }
    }

    // [excerpt: jsd]
    /// JSD(p ‖ q) in nats, by GSL quadrature over both supports.
    public static func divergence(_ p: any Density1D, _ q: any Density1D) throws -> Double {
        let lower = min(p.support.lowerBound, q.support.lowerBound)
        let upper = max(p.support.upperBound, q.support.upperBound)
        let result = try Quadrature.integrate(from: lower, to: upper, absoluteTolerance: 1e-9, relativeTolerance: 1e-7) { x in
            let logP = p.logDensity(x), logQ = q.logDensity(x)
            let logM = logAddExp(logP, logQ) - log(2.0)
            return 0.5 * term(logP, logM) + 0.5 * term(logQ, logM)
        }
        return result.value
    }

    /// p·log(p/M) from logs; 0 where p underflows.
    static func term(_ logP: Double, _ logM: Double) -> Double {
        guard logP > -700 else { return 0 }
        return exp(logP) * (logP - logM)
    }
    // [end: jsd]

    /// JSD(p_data ‖ p̂_g) with p̂_g the kernel estimate from `samples`.
    public static func divergence(data: any Density1D, samples: [Double]) throws -> Double {
        try divergence(data, KernelDensity(samples: samples))
    }

    /// The estimator's bias: JSD(p_data ‖ p̂) for p̂ estimated from `count` draws of p_data itself.
    public static func floor(data: any Density1D, count: Int, using random: RandomSource) throws -> Double {
        try divergence(data: data, samples: (0..<count).map { _ in data.sample(using: random) })
    }
}
