import GANCore

/// Compares a claimed gradient with GSL's finite differences, entry by entry.
///
/// Each ∂f/∂θ_i is estimated by GANCore's `FiniteDifferences` (GSL's
/// `gsl_deriv_central`, a 5-point central rule with Richardson extrapolation)
/// in Double, with step h = 1e-5·max(1, |θ_i|).
/// Its truncation error is O(h⁴) and its rounding error about ε·|f|/h
/// ≈ 2e-11·|f|, so on a smooth f of moderate size the estimate is good to
/// ~1e-10. An entry passes when
/// ```
/// |g_i − n_i| ≤ tolerance · max(|g_i|, |n_i|, floor),   floor = 1e-3 · max_j |n_j|
/// ```
/// The default tolerance 1e-6 sits four orders above the estimate's own
/// error, yet a sign flip, a factor, or one wrong entry misses it by orders.
/// The floor keeps entries that are zero up to rounding from dividing by
/// nothing. Piecewise-linear layers (ReLU, maxout) are smooth within h of a
/// generic point; tests use fixed seeds whose points sit away from kinks.
public struct GradientCheck: CustomStringConvertible, Sendable {
    public let worstRelativeError: Double
    /// Where the worst entry is, in the flat parameter vector.
    public let worstIndex: Int
    public let analyticAtWorst: Double
    public let numericAtWorst: Double
    /// GSL's own error estimate for the finite difference at the worst entry.
    public let finiteDifferenceErrorAtWorst: Double
    public let tolerance: Double
    public let count: Int

    public var passed: Bool { worstRelativeError <= tolerance }

    public var description: String {
        "\(passed ? "passed" : "FAILED"): worst relative error \(worstRelativeError) at entry \(worstIndex) of \(count) "
            + "(analytic \(analyticAtWorst), finite difference \(numericAtWorst) ± \(finiteDifferenceErrorAtWorst)); "
            + "tolerance \(tolerance)"
    }

    public static let defaultTolerance = 1e-6
    public static let defaultStep = FiniteDifferences.defaultStep

    /// Checks `gradient` against the finite differences of `function` at `point`.
    public init(
        at point: [Double], gradient: [Double],
        tolerance: Double = GradientCheck.defaultTolerance, step: Double = GradientCheck.defaultStep,
        of function: @escaping ([Double]) -> Double
    ) {
        precondition(point.count == gradient.count, "gradient has \(gradient.count) entries, point has \(point.count)")
        precondition(!point.isEmpty, "nothing to check")
        let estimate = FiniteDifferences.gradient(of: function, at: point, step: step)
        let numeric = estimate.values, estimates = estimate.errors
        let floor = 1e-3 * (numeric.map(abs).max() ?? 0)
        var worst = -1.0, worstIndex = 0
        for i in point.indices {
            let scale = max(abs(gradient[i]), abs(numeric[i]), floor, .leastNormalMagnitude)
            let relative = abs(gradient[i] - numeric[i]) / scale
            if relative > worst { worst = relative; worstIndex = i }
        }
        worstRelativeError = worst
        self.worstIndex = worstIndex
        analyticAtWorst = gradient[worstIndex]
        numericAtWorst = numeric[worstIndex]
        finiteDifferenceErrorAtWorst = estimates[worstIndex]
        self.tolerance = tolerance
        count = point.count
    }
}
