import CGSL

/// Adaptive numerical integration with GSL's QUADPACK routines.
public enum Quadrature {
    public struct Result: Sendable {
        public let value: Double
        /// GSL's estimate of the absolute error.
        public let absoluteError: Double

        public init(value: Double, absoluteError: Double) {
            self.value = value
            self.absoluteError = absoluteError
        }
    }

    /// ∫ f(x) dx over `lower...upper`; infinite bounds are allowed and use
    /// GSL's transformed rules (`qagi`, `qagiu`, `qagil`), finite ones `qags`.
    public static func integrate(
        from lower: Double = -.infinity, to upper: Double = .infinity,
        absoluteTolerance: Double = 1e-12, relativeTolerance: Double = 1e-10,
        _ f: @escaping (Double) -> Double
    ) throws -> Result {
        let limit = 2000
        guard let workspace = gsl_integration_workspace_alloc(limit) else {
            throw GSLError(routine: "gsl_integration_workspace_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_integration_workspace_free(workspace) }
        var value = 0.0
        var error = 0.0
        let (status, routine): (Int32, String) = GSL.withFunction(f) { function in
            switch (lower.isInfinite, upper.isInfinite) {
            case (true, true):
                return (gsl_integration_qagi(function, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error), "gsl_integration_qagi")
            case (false, true):
                return (gsl_integration_qagiu(function, lower, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error), "gsl_integration_qagiu")
            case (true, false):
                return (gsl_integration_qagil(function, upper, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error), "gsl_integration_qagil")
            case (false, false):
                return (gsl_integration_qags(function, lower, upper, absoluteTolerance, relativeTolerance, limit, workspace, &value, &error), "gsl_integration_qags")
            }
        }
        try GSL.check(status, routine)
        return Result(value: value, absoluteError: error)
    }
}
