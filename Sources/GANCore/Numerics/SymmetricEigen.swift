import CGSL

/// Eigenvalues and eigenvectors of a real symmetric matrix, and the square
/// root of a positive semi-definite one, through GSL's `gsl_eigen_symmv`
/// (Householder tridiagonalisation, then implicit QL).
///
/// ```
/// A = V diag(λ) Vᵀ,   VᵀV = I
/// A^{1/2} = V diag(√λ) Vᵀ      (A symmetric PSD: the unique PSD square root)
/// ```
public enum SymmetricEigen {
    /// The eigenvalues of the symmetric `matrix` and, with `vectors`, its
    /// eigenvectors as the columns of a matrix (column j belongs to value j).
    /// Unsorted, as GSL returns them. GSL reads only the lower triangle.
    public static func decompose(
        _ matrix: Matrix<Double>, vectors: Bool = true
    ) throws -> (values: [Double], vectors: Matrix<Double>?) {
        precondition(matrix.rows == matrix.columns, "eigendecomposition needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
        let n = matrix.rows
        guard n > 0 else { return ([], vectors ? Matrix(rows: 0, columns: 0) : nil) }
        GSL.prepare()
        // GSL overwrites its input, so it works on a copy in its own layout.
        guard let a = gsl_matrix_alloc(n, n) else { throw GSLError(routine: "gsl_matrix_alloc", status: Int32(GSL_ENOMEM)) }
        defer { gsl_matrix_free(a) }
        guard let values = gsl_vector_alloc(n) else { throw GSLError(routine: "gsl_vector_alloc", status: Int32(GSL_ENOMEM)) }
        defer { gsl_vector_free(values) }
        // Freshly allocated GSL matrices are row-major with tda = n, the same layout as Matrix.
        precondition(a.pointee.tda == n, "gsl_matrix_alloc returned a padded matrix (tda \(a.pointee.tda) ≠ \(n))")
        a.pointee.data.update(from: matrix.base, count: n * n)

        var eigenvectors: Matrix<Double>?
        if vectors {
            guard let v = gsl_matrix_alloc(n, n) else { throw GSLError(routine: "gsl_matrix_alloc", status: Int32(GSL_ENOMEM)) }
            defer { gsl_matrix_free(v) }
            guard let workspace = gsl_eigen_symmv_alloc(n) else {
                throw GSLError(routine: "gsl_eigen_symmv_alloc", status: Int32(GSL_ENOMEM))
            }
            defer { gsl_eigen_symmv_free(workspace) }
            try GSL.check(gsl_eigen_symmv(a, values, v, workspace), "gsl_eigen_symmv")
            precondition(v.pointee.tda == n, "gsl_matrix_alloc returned a padded matrix (tda \(v.pointee.tda) ≠ \(n))")
            let result = Matrix<Double>(rows: n, columns: n)
            result.base.update(from: v.pointee.data, count: n * n)
            eigenvectors = result
        } else {
            guard let workspace = gsl_eigen_symm_alloc(n) else {
                throw GSLError(routine: "gsl_eigen_symm_alloc", status: Int32(GSL_ENOMEM))
            }
            defer { gsl_eigen_symm_free(workspace) }
            try GSL.check(gsl_eigen_symm(a, values, workspace), "gsl_eigen_symm")
        }
        let stride = values.pointee.stride
        let lambdas = (0..<n).map { values.pointee.data[$0 * stride] }
        return (lambdas, eigenvectors)
    }

    /// The eigenvalues of a symmetric positive semi-definite matrix, with
    /// the small negative values that rounding leaves set to 0.
    ///
    /// In exact arithmetic none is negative. A computed eigenvalue carries an
    /// absolute error of about n·ε·‖A‖ (ε = 2.2e-16), so a zero eigenvalue
    /// (a covariance of fewer rows than columns, a feature that never varies)
    /// can come out as −1e-17·‖A‖, and its square root would be NaN. Values
    /// below −`tolerance`·‖A‖ are not rounding: the matrix is not PSD.
    public static func positiveSemidefiniteValues(_ values: [Double], tolerance: Double = 1e-9) -> [Double] {
        let scale = values.map(abs).max() ?? 0
        return values.map { lambda in
            precondition(lambda >= -tolerance * max(scale, .leastNormalMagnitude),
                         "matrix must be positive semi-definite: eigenvalue \(lambda) against largest |λ| \(scale)")
            return max(lambda, 0)
        }
    }

    /// The positive semi-definite square root of a symmetric PSD matrix.
    ///
    /// Built as W Wᵀ with W = V diag(λ^{1/4}), which equals V diag(√λ) Vᵀ
    /// and is symmetric PSD by construction, up to the rounding of one product.
    public static func squareRoot(_ matrix: Matrix<Double>) throws -> Matrix<Double> {
        let (rawValues, vectors) = try decompose(matrix, vectors: true)
        let values = positiveSemidefiniteValues(rawValues)
        let w = vectors!
        let n = matrix.rows
        for j in 0..<n {
            let scale = values[j].squareRoot().squareRoot()
            for i in 0..<n { w[i, j] *= scale }
        }
        let root = Matrix<Double>(rows: n, columns: n)
        Matrix.multiply(w, transposed: false, w, transposed: true, into: root)
        symmetrise(root)
        return root
    }

    /// Replaces A by (A + Aᵀ)/2: BLAS does not promise a bitwise symmetric
    /// X Xᵀ, and the eigen-solvers read only one triangle.
    public static func symmetrise(_ a: Matrix<Double>) {
        precondition(a.rows == a.columns, "symmetrise needs a square matrix, got \(a.rows)×\(a.columns)")
        for i in 0..<a.rows {
            for j in (i + 1)..<a.columns {
                let mean = (a[i, j] + a[j, i]) / 2
                a[i, j] = mean
                a[j, i] = mean
            }
        }
    }
}
