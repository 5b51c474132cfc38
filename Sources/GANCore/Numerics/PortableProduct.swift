/// A matrix product whose every sum has one fixed order on every CPU.
///
/// BLAS libraries choose a kernel for the CPU they find (AVX2 on one machine,
/// AVX-512 on another) and each kernel blocks the inner sum differently and
/// fuses multiply and add differently, so the same product rounds
/// differently from one machine to the next, and a training run that is
/// chaotic in its last digits becomes another run. This product is written
/// by hand because no library here promises the opposite: entry (i, j) is
///
///     s ← 0;  for l in 0..<k:  s ← fma(op(A)[i, l], op(B)[l, j], s)    (product and sum rounded once)
///     C[i, j] ← α·s + β·C[i, j]                                        (β = 0: C is not read)
///
/// whatever the shapes, the tile an entry falls in or the machine. IEEE 754
/// defines the fused multiply-add exactly, and every x86-64-v3 CPU has it,
/// so each step of the sum rounds alike everywhere. The vector tiles compute
/// up to sixteen such sums side by side (lanes are entries, never parts of
/// one sum), so a tile's lane and the scalar edge loop round alike.
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
            // In blocks of 8 × 8, so that reads and writes both stay within a few cache lines.
            for jBlock in stride(from: 0, to: n, by: 8) {
                for lBlock in stride(from: 0, to: k, by: 8) {
                    for j in jBlock..<min(jBlock &+ 8, n) {
                        let row = b + j &* ldb
                        for l in lBlock..<min(lBlock &+ 8, k) { packed[l &* n &+ j] = row[l] }
                    }
                }
            }
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
        func storeVector(_ v: V, _ i: Int, _ j: Int) {
            for lane in 0..<width { store(v[lane], i, j + lane) }
        }
        func storeTileRow(_ left: V, _ right: V, _ i: Int, _ j: Int) {
            storeVector(left, i, j)
            storeVector(right, i, j + width)
        }
        // The columns no vector covers, four rows at a time: four sums in flight.
        func edge(rows: Range<Int>, columns: Range<Int>) {
            for j in columns {
                var i = rows.lowerBound
                while i + 4 <= rows.upperBound {
                    var s0: V.Scalar = 0, s1: V.Scalar = 0, s2: V.Scalar = 0, s3: V.Scalar = 0
                    var aPointer = a + i * aRowStep, bPointer = bRows + j
                    for _ in 0..<k {
                        let x = bPointer.pointee
                        s0 = s0.addingProduct(aPointer[0], x); s1 = s1.addingProduct(aPointer[aRowStep], x)
                        s2 = s2.addingProduct(aPointer[2 * aRowStep], x); s3 = s3.addingProduct(aPointer[3 * aRowStep], x)
                        aPointer += aInnerStep; bPointer += bStride
                    }
                    store(s0, i, j); store(s1, i + 1, j); store(s2, i + 2, j); store(s3, i + 3, j)
                    i += 4
                }
                for i in i..<rows.upperBound {
                    var s: V.Scalar = 0
                    for l in 0..<k { s = s.addingProduct(a[i * aRowStep + l * aInnerStep], bRows[l * bStride + j]) }
                    store(s, i, j)
                }
            }
        }

        // Column strips of 2 vectors, then 1 vector, then the columns no
        // vector covers (n mod width), one entry at a time. Each strip runs
        // down all the rows, so its slice of op(B) stays in the L1 cache:
        // tiles of 4 rows, then 2, then 1 for the rows left (m mod 4). Each
        // lane is still one sum in order.
        let fullRows = m - m % tileRows, pairColumns = n - n % tileColumns, vectorColumns = n - n % width
        func load(_ pointer: UnsafePointer<V.Scalar>) -> V { UnsafeRawPointer(pointer).loadUnaligned(as: V.self) }
        func broadcast(_ i: Int, _ l: Int) -> V { V(repeating: a[i * aRowStep + l * aInnerStep]) }
        var j = 0
        while j < pairColumns {
            var i = 0
            while i < fullRows {
                var s00 = V(), s01 = V(), s10 = V(), s11 = V(), s20 = V(), s21 = V(), s30 = V(), s31 = V()
                var aPointer = a + i * aRowStep, bPointer = bRows + j
                for _ in 0..<k {
                    let b0 = load(bPointer), b1 = load(bPointer + width)
                    let a0 = V(repeating: aPointer[0]), a1 = V(repeating: aPointer[aRowStep])
                    let a2 = V(repeating: aPointer[2 * aRowStep]), a3 = V(repeating: aPointer[3 * aRowStep])
                    s00 = s00.addingProduct(a0, b0); s01 = s01.addingProduct(a0, b1)
                    s10 = s10.addingProduct(a1, b0); s11 = s11.addingProduct(a1, b1)
                    s20 = s20.addingProduct(a2, b0); s21 = s21.addingProduct(a2, b1)
                    s30 = s30.addingProduct(a3, b0); s31 = s31.addingProduct(a3, b1)
                    aPointer += aInnerStep; bPointer += bStride
                }
                storeTileRow(s00, s01, i, j); storeTileRow(s10, s11, i + 1, j)
                storeTileRow(s20, s21, i + 2, j); storeTileRow(s30, s31, i + 3, j)
                i += tileRows
            }
            if i + 2 <= m {
                var s00 = V(), s01 = V(), s10 = V(), s11 = V()
                var bPointer = bRows + j
                for l in 0..<k {
                    let b0 = load(bPointer), b1 = load(bPointer + width), a0 = broadcast(i, l), a1 = broadcast(i + 1, l)
                    s00 = s00.addingProduct(a0, b0); s01 = s01.addingProduct(a0, b1)
                    s10 = s10.addingProduct(a1, b0); s11 = s11.addingProduct(a1, b1)
                    bPointer += bStride
                }
                storeTileRow(s00, s01, i, j); storeTileRow(s10, s11, i + 1, j)
                i += 2
            }
            if i < m {
                var s00 = V(), s01 = V()
                var bPointer = bRows + j
                for l in 0..<k {
                    let a0 = broadcast(i, l)
                    s00 = s00.addingProduct(a0, load(bPointer)); s01 = s01.addingProduct(a0, load(bPointer + width))
                    bPointer += bStride
                }
                storeTileRow(s00, s01, i, j)
            }
            j += tileColumns
        }
        if j < vectorColumns {
            var i = 0
            while i < fullRows {
                var s0 = V(), s1 = V(), s2 = V(), s3 = V()
                var aPointer = a + i * aRowStep, bPointer = bRows + j
                for _ in 0..<k {
                    let b0 = load(bPointer)
                    s0 = s0.addingProduct(V(repeating: aPointer[0]), b0); s1 = s1.addingProduct(V(repeating: aPointer[aRowStep]), b0)
                    s2 = s2.addingProduct(V(repeating: aPointer[2 * aRowStep]), b0); s3 = s3.addingProduct(V(repeating: aPointer[3 * aRowStep]), b0)
                    aPointer += aInnerStep; bPointer += bStride
                }
                storeVector(s0, i, j); storeVector(s1, i + 1, j); storeVector(s2, i + 2, j); storeVector(s3, i + 3, j)
                i += tileRows
            }
            for i in i..<m {
                var s0 = V()
                var bPointer = bRows + j
                for l in 0..<k {
                    s0 = s0.addingProduct(broadcast(i, l), load(bPointer))
                    bPointer += bStride
                }
                storeVector(s0, i, j)
            }
        }
        edge(rows: 0..<m, columns: vectorColumns..<n)
    }
}
