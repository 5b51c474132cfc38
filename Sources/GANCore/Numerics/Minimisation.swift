import CGSL

/// One-dimensional minimisation with GSL's Brent method
/// (`gsl_min_fminimizer_brent`): golden-section steps, sped up by parabolic
/// interpolation where the function is smooth.
public enum Minimisation {
    public struct Result: Sendable {
        /// Where the minimum is.
        public let x: Double
        /// f at `x`.
        public let value: Double
        /// The final bracket [lower, upper] around `x`.
        public let lower: Double
        public let upper: Double
        public let iterations: Int
    }

    /// The minimum of `f` in the bracket `lower...upper`, starting from
    /// `guess`, which must lie strictly inside with f(guess) below both ends.
    ///
    /// Stops when the bracket is narrower than
    /// `absoluteTolerance + relativeTolerance · min(|lower|, |upper|)`.
    /// GSL's Brent step is never shorter than √ε·|x| ≈ 1.5e-8·|x|, so the
    /// default relative tolerance, 1e-7, is a few such steps. Nor can any
    /// minimiser that compares function values place a smooth minimum more
    /// closely than about √(2ε·|f|/|f″|) (ε the rounding of f): below that,
    /// f(x* + δ) and f(x*) are equal to rounding.
    public static func minimum(
        in bracket: ClosedRange<Double>, guess: Double,
        absoluteTolerance: Double = 1e-9, relativeTolerance: Double = 1e-7, maximumIterations: Int = 500,
        of f: @escaping (Double) -> Double
    ) throws -> Result {
        GSL.prepare()
        guard let minimizer = gsl_min_fminimizer_alloc(study_min_fminimizer_brent()) else {
            throw GSLError(routine: "gsl_min_fminimizer_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_min_fminimizer_free(minimizer) }
        return try GSL.withFunction(f) { function in
            try GSL.check(
                gsl_min_fminimizer_set(minimizer, function, guess, bracket.lowerBound, bracket.upperBound),
                "gsl_min_fminimizer_set")
            for iteration in 1...maximumIterations {
                try GSL.check(gsl_min_fminimizer_iterate(minimizer), "gsl_min_fminimizer_iterate")
                let lower = gsl_min_fminimizer_x_lower(minimizer), upper = gsl_min_fminimizer_x_upper(minimizer)
                let status = gsl_min_test_interval(lower, upper, absoluteTolerance, relativeTolerance)
                if status == Int32(GSL_SUCCESS) {
                    return Result(
                        x: gsl_min_fminimizer_x_minimum(minimizer), value: gsl_min_fminimizer_f_minimum(minimizer),
                        lower: lower, upper: upper, iterations: iteration)
                }
                if status != Int32(GSL_CONTINUE) { try GSL.check(status, "gsl_min_test_interval") }
            }
            throw GSLError(routine: "gsl_min_fminimizer_iterate", status: Int32(GSL_EMAXITER))
        }
    }

    /// The minimum of `f` in `interval`, bracketed first by evaluating f on
    /// `gridPoints` evenly spaced points: the best interior grid point is the
    /// guess, its neighbours the bracket. Throws `GSLError` with
    /// `GSL_EINVAL` when the best grid point is an end of the interval (the
    /// infimum may then lie on the boundary, where there is no interior
    /// minimum to find).
    public static func minimum(
        in interval: ClosedRange<Double>, gridPoints: Int = 65,
        absoluteTolerance: Double = 1e-9, relativeTolerance: Double = 1e-7,
        of f: @escaping (Double) -> Double
    ) throws -> Result {
        precondition(gridPoints >= 3, "Minimisation needs at least 3 grid points, got \(gridPoints)")
        let step = (interval.upperBound - interval.lowerBound) / Double(gridPoints - 1)
        let grid = (0..<gridPoints).map { interval.lowerBound + step * Double($0) }
        let values = grid.map(f)
        guard let best = values.indices.min(by: { values[$0] < values[$1] }), best > 0, best < gridPoints - 1,
              values[best] < values[best - 1], values[best] < values[best + 1]
        else {
            throw GSLError(routine: "Minimisation.minimum (no interior minimum on the grid)", status: Int32(GSL_EINVAL))
        }
        return try minimum(
            in: grid[best - 1]...grid[best + 1], guess: grid[best],
            absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance, of: f)
    }
}
