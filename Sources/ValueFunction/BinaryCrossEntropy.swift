import GANCore

/// Binary cross-entropy, the loss a classifier of "real" (label 1) against
/// "generated" (label 0) minimises, on the classifier's logit.
///
/// ```
/// BCE(a, y) = −[ y·log σ(a) + (1 − y)·log(1 − σ(a)) ]
/// ```
/// With m real samples labelled 1 and m generated samples labelled 0,
/// ```
/// V̂ = (1/m) Σ log D(x_i) + (1/m) Σ log(1 − D(G(z_i)))
///   = −(1/m) Σ BCE(a(x_i), 1) − (1/m) Σ BCE(a(G(z_i)), 0)
///   = −2 · (mean BCE over all 2m labelled samples)
/// ```
/// so D ascending V is D minimising its classification loss.
public enum BinaryCrossEntropy {
    // [excerpt: binary-cross-entropy]
    public static func loss(logit a: Double, label y: Double) -> Double {
        -(y * LogTerms.logD(logit: a) + (1 - y) * LogTerms.logOneMinusD(logit: a))
    }

    /// The mean BCE over real samples labelled 1 and generated ones labelled 0.
    public static func meanLoss(realLogits: [Double], generatedLogits: [Double]) -> Double {
        let total = realLogits.reduce(0) { $0 + loss(logit: $1, label: 1) }
            + generatedLogits.reduce(0) { $0 + loss(logit: $1, label: 0) }
        return total / Double(realLogits.count + generatedLogits.count)
    }
    // [end: binary-cross-entropy]
}
