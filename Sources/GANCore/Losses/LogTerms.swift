/// The two log terms of Eq. (1), written on the discriminator's logit.
///
/// D outputs a probability D(x) = σ(a) from a logit a. Computing log D(x)
/// as log(σ(a)) fails once σ(a) rounds to 0 or 1: log 0 = −∞, and the
/// gradient through it is ∞·0 = NaN. On the logit the same quantities are
/// ```
/// log D        = log σ(a)     = −softplus(−a)
/// log(1 − D)   = log σ(−a)    = −softplus(a)
/// softplus(a)  = log(1 + eᵃ)  = max(a, 0) + log1p(e^(−|a|))
/// ```
/// which are finite for every finite a, with the derivatives
/// ```
/// d/da log D       = 1 − σ(a) = 1 − D
/// d/da log(1 − D)  = −σ(a)    = −D
/// ```
/// Deviation from the paper: none in value; Eq. (1) is evaluated in a form
/// that does not overflow.
public enum LogTerms {
    // [excerpt: log-terms]
    /// softplus(a) = log(1 + eᵃ), without overflow.
    @inlinable
    public static func softplus<Scalar: BLASScalar>(_ a: Scalar) -> Scalar {
        max(a, 0) + Scalar.log1p(Scalar.exp(-abs(a)))
    }

    /// log D(x) from D's logit: log σ(a) = −softplus(−a).
    @inlinable
    public static func logD<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
        -softplus(-a)
    }

    /// log(1 − D(x)) from D's logit: log σ(−a) = −softplus(a).
    @inlinable
    public static func logOneMinusD<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
        -softplus(a)
    }

    /// d/da log D = 1 − σ(a).
    @inlinable
    public static func logDDerivative<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
        sigmoid(-a)
    }

    /// d/da log(1 − D) = −σ(a).
    @inlinable
    public static func logOneMinusDDerivative<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {
        -sigmoid(a)
    }
    // [end: log-terms]
}
