import Foundation
import GANCore

/// The one-variable fact behind Proposition 1: for a, b ≥ 0, not both 0,
/// ```
/// y ↦ a·log y + b·log(1 − y)  peaks on [0, 1] at  y* = a / (a + b)
/// ```
/// Setting the derivative a/y − b/(1 − y) to zero gives a(1 − y) = b·y; the
/// second derivative −a/y² − b/(1 − y)² is negative, so it is the maximum.
/// With a = p_data(x) and b = p_g(x) this is D*(x) of Eq. (2).
/// - Paper: Proposition 1, Eq. (2), §4.1
public enum PointwiseMaximiser {
    // [excerpt: pointwise-objective]
    /// a·log y + b·log(1 − y) at y = σ(t), from the logit t.
    public static func objective(a: Double, b: Double, logit t: Double) -> Double {
        a * LogTerms.logD(logit: t) + b * LogTerms.logOneMinusD(logit: t)
    }

    /// The closed form of Proposition 1, as a logit: σ(t*) = a / (a + b)
    /// exactly when t* = log a − log b.
    public static func closedFormLogit(a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "the maximiser is interior only for a, b > 0, got a = \(a), b = \(b)")
        return log(a) - log(b)
    }
    // [end: pointwise-objective]

    /// Where GSL's Brent minimiser searches, as logits: y from σ(−40) ≈ 4e-18
    /// to 1 − 4e-18.
    public static let searchInterval: ClosedRange<Double> = -40...40
    /// Evenly spaced points of `searchInterval` the best of which Brent's bracket is built around.
    public static let bracketGridPoints = 161

    // [excerpt: numeric-maximiser]
    /// The maximiser found numerically: GSL's Brent method minimises
    /// −(a·log σ(t) + b·log σ(−t)) over the logit t; the result is the logit.
    ///
    /// Deviation from the paper: the search runs over the logit t, not over
    /// y ∈ (0, 1). y = σ(t) maps ℝ one-to-one and increasingly onto (0, 1),
    /// so the maximiser is the same point, but a maximiser at y = 1e-7 sits at
    /// t ≈ −16 instead of against the end of the interval, and log σ(t) stays
    /// accurate where log y would round.
    /// Throws when the maximum is not inside the interval, as for a = 0
    /// (the supremum is then approached only as y → 0).
    public static func numericLogit(a: Double, b: Double) throws -> Minimisation.Result {
        try Minimisation.minimum(in: searchInterval, gridPoints: bracketGridPoints) { t in
            -objective(a: a, b: b, logit: t)
        }
    }
    // [end: numeric-maximiser]

    /// How closely any minimiser that compares function values can place
    /// the maximum: f(t* + δ) − f(t*) ≈ ½|f″|δ² is lost in rounding below
    /// δ = √(2ε·|f(t*)| / |f″(t*)|), where f″ = −(a + b)·y*(1 − y*).
    public static func resolution(a: Double, b: Double) -> Double {
        let t = closedFormLogit(a: a, b: b)
        let curvature = (a + b) * sigmoid(t) * sigmoid(-t)
        return (2 * Double.ulpOfOne * abs(objective(a: a, b: b, logit: t)) / curvature).squareRoot()
    }
}
