import GANCore

/// What the generator minimises over its minibatch of noise.
///
/// ```
/// saturating:      L = (1/m) Σ log(1 − D(G(z⁽ⁱ⁾)))     ∂L/∂a = −(1/m) D(G(z))
/// non-saturating:  L = −(1/m) Σ log D(G(z⁽ⁱ⁾))         ∂L/∂a = −(1/m) (1 − D(G(z)))
/// ```
/// with a = a(G(z)) D's logit. Both push every logit up, both are stationary
/// at the same fixed point, but the first's push is D(G(z)): it vanishes when
/// D confidently rejects the samples, early in training.
/// - Paper: Algorithm 1 (saturating); §3 (non-saturating, "maximize log D(G(z))").
public enum GeneratorLoss: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// log(1 − D(G(z))), as in Eq. (1) and Algorithm 1.
    case saturating
    /// Deviation from the paper: not Algorithm 1's loss but the alternative
    /// §3 recommends: maximise log D(G(z)), i.e. minimise −log D(G(z)). Its
    /// logit derivative is −(1 − D), large exactly where the other's, −D, is small.
    case nonSaturating

    // [excerpt: generator-loss]
    /// This sample's term of L, from D's logit a = a(G(z)).
    @inlinable
    public func value<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
        switch self {
        case .saturating: LogTerms.logOneMinusD(logit: a)       // log(1 − σ(a))
        case .nonSaturating: -LogTerms.logD(logit: a)           // −log σ(a)
        }
    }

    /// d/da of `value`: −σ(a) = −D for the saturating loss, −σ(−a) = −(1 − D) for the other.
    @inlinable
    public func derivative<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
        switch self {
        case .saturating: LogTerms.logOneMinusDDerivative(logit: a)
        case .nonSaturating: -LogTerms.logDDerivative(logit: a)
        }
    }
    // [end: generator-loss]

    public var description: String {
        switch self {
        case .saturating: "log(1 - D(G(z)))"
        case .nonSaturating: "-log D(G(z))"
        }
    }
}
