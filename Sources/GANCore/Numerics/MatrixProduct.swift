/// Matrix products, through BLAS `?gemm` or the portable product (`MatrixProducts.path`).
///
/// `path` and `schedule` default to the process-wide settings; a caller
/// names one to run a path without switching the process (the tests check
/// every path this way while other tests run beside them).
extension Matrix {
    /// `result ← α·op(a)·op(b) + β·result`, where op transposes when asked.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func multiply(
        _ a: Matrix, transposed transposeA: Bool = false,
        _ b: Matrix, transposed transposeB: Bool = false,
        into result: Matrix, alpha: Scalar = 1, beta: Scalar = 0, path: MatrixProducts.Path = MatrixProducts.path
    ) {
        let (m, n, k) = shape(a, transposeA, b, transposeB, result)
        MatrixProducts.record(rows: m, columns: n, inner: k, transposeA: transposeA, transposeB: transposeB)
        product(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: a.base, lda: a.columns, b: b.base, ldb: b.columns, beta: beta, c: result.base, ldc: result.columns, path: path)
    }

    /// Rows `rows` of `result ← op(a)·op(b) + β·result`: the product of those
    /// rows of op(a) alone, written to the same rows of `result` (no matrix is
    /// made for them), so that two threads can share one product.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func multiply(
        rows: Range<Int>, of a: Matrix, transposed transposeA: Bool = false,
        _ b: Matrix, transposed transposeB: Bool = false, into result: Matrix, beta: Scalar = 0,
        path: MatrixProducts.Path = MatrixProducts.path
    ) {
        let (m, n, k) = shape(a, transposeA, b, transposeB, result)
        precondition(rows.clamped(to: 0..<m) == rows, "multiply: rows \(rows) of a product with \(m) rows")
        // Row i of op(a) starts at row i of a, or at its column i.
        let first = rows.lowerBound * (transposeA ? 1 : a.columns)
        product(
            transposeA: transposeA, transposeB: transposeB, m: rows.count, n: n, k: k, alpha: 1,
            a: a.base + first, lda: a.columns, b: b.base, ldb: b.columns,
            beta: beta, c: result.base + rows.lowerBound * result.columns, ldc: result.columns, path: path)
    }

    /// `result ← op(a)·op(b) + β·result` as two products of half the rows
    /// each, at the same time under the paired schedule; one product otherwise
    /// or when a half would have fewer than `smallestHalf` rows.
    public static func multiplyInHalves(
        _ a: Matrix, transposed transposeA: Bool = false,
        _ b: Matrix, transposed transposeB: Bool = false, into result: Matrix, beta: Scalar = 0,
        schedule: MatrixProducts.Schedule = MatrixProducts.schedule, path: MatrixProducts.Path = MatrixProducts.path
    ) {
        let half = result.rows / 2
        guard schedule == .paired && half >= MatrixProducts.smallestHalf else {
            return multiply(a, transposed: transposeA, b, transposed: transposeB, into: result, beta: beta, path: path)
        }
        let (m, n, k) = shape(a, transposeA, b, transposeB, result)
        MatrixProducts.record(rows: m, columns: n, inner: k, transposeA: transposeA, transposeB: transposeB)
        MatrixProducts.together(
            { multiply(rows: 0..<half, of: a, transposed: transposeA, b, transposed: transposeB, into: result, beta: beta, path: path) },
            { multiply(rows: half..<result.rows, of: a, transposed: transposeA, b, transposed: transposeB, into: result, beta: beta, path: path) },
            schedule: schedule)
    }

    /// The product's m × n and its inner dimension k, checked against `result`.
    private static func shape(_ a: Matrix, _ transposeA: Bool, _ b: Matrix, _ transposeB: Bool, _ result: Matrix) -> (m: Int, n: Int, k: Int) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kB, "multiply: inner dimensions \(k) and \(kB) differ")
        precondition(result.rows == m && result.columns == n,
                     "multiply: result is \(result.rows)×\(result.columns), product is \(m)×\(n)")
        return (m, n, k)
    }

    /// `C ← α·op(A)·op(B) + β·C` on raw row-major storage, by `path`.
    private static func product(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Scalar,
        a: UnsafePointer<Scalar>, lda: Int, b: UnsafePointer<Scalar>, ldb: Int,
        beta: Scalar, c: UnsafeMutablePointer<Scalar>, ldc: Int, path: MatrixProducts.Path
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // BLAS leaves C untouched when k = 0, which is β·C only for β = 1.
            // β = 0 never reads C, as in BLAS: a NaN there becomes 0.
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        let gemm = path == .blas ? Scalar.gemm : Scalar.portableGemm
        gemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }

    /// The product `a·b` in a new matrix.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        let result = Matrix(rows: a.rows, columns: b.columns)
        multiply(a, b, into: result)
        return result
    }
}
