/// Matrix products, all through BLAS `?gemm`.
extension Matrix {
    /// `result ← α·op(a)·op(b) + β·result`, where op transposes when asked.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func multiply(
        _ a: Matrix, transposed transposeA: Bool = false,
        _ b: Matrix, transposed transposeB: Bool = false,
        into result: Matrix, alpha: Scalar = 1, beta: Scalar = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kB, "multiply: inner dimensions \(k) and \(kB) differ")
        precondition(result.rows == m && result.columns == n,
                     "multiply: result is \(result.rows)×\(result.columns), product is \(m)×\(n)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // BLAS leaves C untouched when k = 0, which is β·C only for β = 1.
            for i in 0..<result.count { result.storage[i] *= beta }
            return
        }
        Scalar.gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
            alpha: alpha, a: a.base, lda: a.columns, b: b.base, ldb: b.columns,
            beta: beta, c: result.base, ldc: result.columns)
    }

    /// The product `a·b` in a new matrix.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        let result = Matrix(rows: a.rows, columns: b.columns)
        multiply(a, b, into: result)
        return result
    }
}
