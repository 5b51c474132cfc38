import CGSL

/// Solves S X = B for a symmetric positive definite S through GSL's
/// Cholesky factorisation S = L Lᵀ (`gsl_linalg_cholesky_decomp1`, then
/// `gsl_linalg_cholesky_solve` for each column of B).
public enum CholeskySolve {
    /// X with S X = B; throws `GSLError` (GSL_EDOM) when S is not positive definite.
    public static func solve(_ s: Matrix<Double>, _ b: Matrix<Double>) throws -> Matrix<Double> {
        let n = s.rows
        precondition(s.columns == n && b.rows == n && n > 0, "solve needs a square S and one row of B per row of S")
        GSL.prepare()
        guard let factor = gsl_matrix_alloc(n, n) else { throw GSLError(routine: "gsl_matrix_alloc", status: Int32(GSL_ENOMEM)) }
        defer { gsl_matrix_free(factor) }
        // Freshly allocated GSL matrices are row-major with tda = n, the same layout as Matrix.
        precondition(factor.pointee.tda == n, "gsl_matrix_alloc returned a padded matrix")
        factor.pointee.data.update(from: s.base, count: n * n)
        try GSL.check(gsl_linalg_cholesky_decomp1(factor), "gsl_linalg_cholesky_decomp1")
        guard let column = gsl_vector_alloc(n), let solution = gsl_vector_alloc(n) else {
            throw GSLError(routine: "gsl_vector_alloc", status: Int32(GSL_ENOMEM))
        }
        defer { gsl_vector_free(column); gsl_vector_free(solution) }
        let x = Matrix<Double>(rows: n, columns: b.columns)
        for j in 0..<b.columns {
            for i in 0..<n { gsl_vector_set(column, i, b[i, j]) }
            try GSL.check(gsl_linalg_cholesky_solve(factor, column, solution), "gsl_linalg_cholesky_solve")
            for i in 0..<n { x[i, j] = gsl_vector_get(solution, i) }
        }
        return x
    }
}
