import GANCore

/// Eq. (1)'s log terms computed the obvious way, in `Float`: first the
/// probability D = σ(a), then its logarithm. Kept only to show why the
/// project works on logits instead (`LogTerms`).
public enum NaiveLogTerms {
    // [excerpt: naive-log-terms]
    public static func probability(logit a: Float) -> Float { 1 / (1 + Float.exp(-a)) }

    public static func logD(logit a: Float) -> Float { Float.log(probability(logit: a)) }

    public static func logOneMinusD(logit a: Float) -> Float { Float.log(1 - probability(logit: a)) }

    /// d/da log(1 − D) by the chain rule through D: (−1/(1 − D)) · D(1 − D).
    public static func logOneMinusDDerivative(logit a: Float) -> Float {
        let d = probability(logit: a)
        return (-1 / (1 - d)) * (d * (1 - d))
    }
    // [end: naive-log-terms]
}
