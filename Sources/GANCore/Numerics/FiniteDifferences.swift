import CGSL

/// Every partial derivative of f: ℝⁿ → ℝ at a point, by GSL's
/// `gsl_deriv_central`: a 5-point central rule with Richardson
/// extrapolation, in Double, with step h = `step`·max(1, |θ_i|).
///
/// Its truncation error is O(h⁴) and its rounding error about ε·|f|/h
/// ≈ 2e-11·|f| at the default step, so on a smooth f of moderate size each
/// estimate is good to about 1e-10. The gradient checks of the tests and the
/// reader's exercises both compare against it.
public enum FiniteDifferences {
    public struct Estimate: Sendable {
        /// ∂f/∂θ_i, one per entry of the point.
        public let values: [Double]
        /// GSL's own estimate of each value's error.
        public let errors: [Double]
    }

    public static let defaultStep = 1e-5

    /// ∂f/∂θ_i for every i. GSL's rule does not fail on a finite f; a status
    /// other than success is an invariant broken, not user input.
    public static func gradient(
        of function: @escaping ([Double]) -> Double, at point: [Double], step: Double = defaultStep
    ) -> Estimate {
        var values = [Double](repeating: 0, count: point.count)
        var errors = [Double](repeating: 0, count: point.count)
        for i in point.indices {
            var x = point
            let scalar: (Double) -> Double = { t in
                x[i] = t
                return function(x)
            }
            var value = 0.0, error = 0.0
            let status = GSL.withFunction(scalar) { f in gsl_deriv_central(f, point[i], step * max(1, abs(point[i])), &value, &error) }
            precondition(status == Int32(GSL_SUCCESS), "gsl_deriv_central failed at entry \(i) (status \(status))")
            values[i] = value
            errors[i] = error
        }
        return Estimate(values: values, errors: errors)
    }
}
