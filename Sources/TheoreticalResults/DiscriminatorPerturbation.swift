import Foundation
import GANCore
import ValueFunction

/// Proposition 1 on whole densities: no discriminator beats D*.
///
/// Perturb D*'s logit, a = a* + ε·h(x), and compare V by quadrature. Per x,
/// V's integrand p_data·log σ(a) + p_g·log σ(−a) has a-derivative
/// p_data·σ(−a) − p_g·σ(a), which is 0 at a*, and second derivative
/// −(p_data + p_g)·σ(a)σ(−a). So the loss is second order in ε:
/// ```
/// V(D*, G) − V(D, G) = ½ε² Q + O(ε³),   Q = ∫ h(x)² p_data(x) p_g(x) / (p_data(x) + p_g(x)) dx
/// ```
/// - Paper: Proposition 1, Eq. (2) and Eq. (3), §4.1
public struct DiscriminatorPerturbation: Sendable {
    public let name: String
    public let h: @Sendable (Double) -> Double

    public init(_ name: String, _ h: @escaping @Sendable (Double) -> Double) {
        self.name = name
        self.h = h
    }

    /// The perturbations the chapter tries: a shift, a tilt and a wiggle.
    public static let standard: [DiscriminatorPerturbation] = [
        DiscriminatorPerturbation("h(x) = 1") { _ in 1 },
        DiscriminatorPerturbation("h(x) = x") { x in x },
        DiscriminatorPerturbation("h(x) = sin 3x") { x in sin(3 * x) },
    ]

    // [excerpt: perturbed-value]
    /// V(D*, G) − V(D, G) for D = σ(a* + ε·h), both by quadrature (Eq. (3)).
    public func valueLoss(data: any Density1D, generator: any Density1D, size epsilon: Double) throws -> Double {
        try valueLoss(data: data, generator: generator, size: epsilon, from: ValueFunction.optimalLogit(data: data, generator: generator))
    }

    /// V(σ(a), G) − V(σ(a + ε·h), G): what moving a logit a along h costs.
    /// At a = a* Proposition 1 says it is never negative; elsewhere it can be.
    public func valueLoss(
        data: any Density1D, generator: any Density1D, size epsilon: Double, from logit: @escaping (Double) -> Double
    ) throws -> Double {
        let h = self.h
        let base = try ValueFunction.integral(data: data, generator: generator, discriminatorLogit: logit)
        let perturbed = try ValueFunction.integral(data: data, generator: generator) { x in
            logit(x) + epsilon * h(x)
        }
        return base.value - perturbed.value
    }

    /// Q = ∫ h² p_data p_g / (p_data + p_g) dx, the curvature of V along h.
    public func curvature(data: any Density1D, generator: any Density1D) throws -> Double {
        let h = self.h
        return try Quadrature.integrate { x in
            let logData = data.logDensity(x), logGenerator = generator.logDensity(x)
            // Zero unless both densities are positive at x.
            guard logData > -.infinity && logGenerator > -.infinity else { return 0 }
            let logWeight = logData + logGenerator - logAddExp(logData, logGenerator)
            guard logWeight > -700 else { return 0 }
            return exp(logWeight) * h(x) * h(x)
        }.value
    }
    // [end: perturbed-value]
}
