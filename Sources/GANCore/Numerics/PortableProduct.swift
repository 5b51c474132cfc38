/// A matrix product whose every sum has one fixed order on every CPU.
///
/// BLAS libraries choose a kernel for the CPU they find (AVX2 on one machine,
/// AVX-512 on another) and each kernel blocks the inner sum differently and
/// fuses multiply and add differently, so the same product rounds
/// differently from one machine to the next, and a training run that is
/// chaotic in its last digits becomes another run. This product is written
/// by hand because no library here promises the opposite: entry (i, j) is
///
///     s ← 0;  for l in 0..<k:  s ← s + op(A)[i, l] · op(B)[l, j]    (a rounded product, then a rounded sum)
///     C[i, j] ← α·s + β·C[i, j]                                      (β = 0: C is not read)
///
/// whatever the shapes, the tile an entry falls in or the machine. The
/// vector tiles compute sixteen such sums side by side (lanes are entries,
/// never parts of one sum) and Swift does not contract `a * b + c` into a
/// fused multiply-add, so a tile's lane and the scalar edge loop round alike.
/// It is several times slower than a tuned BLAS: the chapter demos, whose
/// transcripts are checked on every machine, run on it (`MatrixProducts`).
enum PortableProduct {
    /// Rows of C per tile: four broadcasts of op(A) share each load of op(B).
    static let tileRows = 4

    /// `C ← α·op(A)·op(B) + β·C`, row-major, with the sums described above.
    /// `V` is the vector of `Scalar` the tiles use (two per tile row).
    static func gemm<V: SIMD & BitwiseCopyable>(
        _ vector: V.Type,
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: V.Scalar, a: UnsafePointer<V.Scalar>, lda: Int,
        b: UnsafePointer<V.Scalar>, ldb: Int,
        beta: V.Scalar, c: UnsafeMutablePointer<V.Scalar>, ldc: Int
    ) where V.Scalar: BLASScalar {
        // op(B) row by row, contiguous in j: B itself, or Bᵀ copied out once
        // (O(k·n) copying against O(m·n·k) arithmetic).
        let packed: UnsafeMutablePointer<V.Scalar>? = transposeB ? .allocate(capacity: k * n) : nil
        defer { packed?.deallocate() }
        if let packed {
            for j in 0..<n { for l in 0..<k { packed[l * n + j] = b[j * ldb + l] } }
        }
        let bRows = UnsafePointer(packed) ?? b
        let bStride = transposeB ? n : ldb
        // op(A)[i, l]: a row of A, or a column (rows i…i+3 of op(A) are then
        // four neighbours in A's row l).
        let aRowStep = transposeA ? 1 : lda, aInnerStep = transposeA ? lda : 1
        let width = V.scalarCount, tileColumns = 2 * width

        func store(_ s: V.Scalar, _ i: Int, _ j: Int) {
            let target = c + i * ldc + j
            target.pointee = beta == 0 ? alpha * s : alpha * s + beta * target.pointee
        }
        func storeTileRow(_ left: V, _ right: V, _ i: Int, _ j: Int) {
            for lane in 0..<width {
                store(left[lane], i, j + lane)
                store(right[lane], i, j + width + lane)
            }
        }
        func edge(rows: Range<Int>, columns: Range<Int>) {
            for i in rows {
                for j in columns {
                    var s: V.Scalar = 0
                    for l in 0..<k { s = s + a[i * aRowStep + l * aInnerStep] * bRows[l * bStride + j] }
                    store(s, i, j)
                }
            }
        }

        let fullRows = m - m % tileRows, fullColumns = n - n % tileColumns
        var i = 0
        while i < fullRows {
            var j = 0
            while j < fullColumns {
                var s00 = V(), s01 = V(), s10 = V(), s11 = V(), s20 = V(), s21 = V(), s30 = V(), s31 = V()
                var aPointer = a + i * aRowStep, bPointer = bRows + j
                for _ in 0..<k {
                    let b0 = UnsafeRawPointer(bPointer).loadUnaligned(as: V.self)
                    let b1 = UnsafeRawPointer(bPointer + width).loadUnaligned(as: V.self)
                    let a0 = V(repeating: aPointer[0]), a1 = V(repeating: aPointer[aRowStep])
                    let a2 = V(repeating: aPointer[2 * aRowStep]), a3 = V(repeating: aPointer[3 * aRowStep])
                    s00 = s00 + a0 * b0; s01 = s01 + a0 * b1
                    s10 = s10 + a1 * b0; s11 = s11 + a1 * b1
                    s20 = s20 + a2 * b0; s21 = s21 + a2 * b1
                    s30 = s30 + a3 * b0; s31 = s31 + a3 * b1
                    aPointer += aInnerStep; bPointer += bStride
                }
                storeTileRow(s00, s01, i, j); storeTileRow(s10, s11, i + 1, j)
                storeTileRow(s20, s21, i + 2, j); storeTileRow(s30, s31, i + 3, j)
                j += tileColumns
            }
            i += tileRows
        }
        edge(rows: 0..<fullRows, columns: fullColumns..<n)
        edge(rows: fullRows..<m, columns: 0..<n)
    }
}
