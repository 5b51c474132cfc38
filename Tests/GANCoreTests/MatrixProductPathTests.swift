import GANCore
import Testing

/// Every way a product is computed, against the product summed in order in
/// Double: OpenBLAS (one product on its threads, the threaded schedule), the
/// portable product, and the paired schedule's two half-products run side by
/// side. Each path is named per call, so the process's own settings, which
/// the tests running beside these share, never change.
@Suite struct MatrixProductPathTests {
    /// Row counts on both sides of the paired schedule's split: 2s − 1 rows
    /// stay one product (halves of s − 1 < s = `smallestHalf`), 2s split at
    /// the boundary, 2s + 1 into halves of s and s + 1, 200 as D's stacked
    /// rows; 1 and 7 are single products on every path.
    static let rowCounts: [Int] = {
        let s = MatrixProducts.smallestHalf
        return [1, 7, 2 * s - 1, 2 * s, 2 * s + 1, 200]
    }()

    /// Column and inner sizes with full tiles and edges (the portable
    /// product's tiles are 8 or 4 lanes wide), and k = 0, which BLAS skips.
    static let columnAndInner: [(n: Int, k: Int)] = [(1, 1), (13, 5), (48, 37), (9, 0)]

    /// The entry points every layer calls.
    enum EntryPoint: CaseIterable, CustomStringConvertible {
        case whole, halvesThreaded, halvesPaired
        var description: String {
            switch self {
            case .whole: "multiply"
            case .halvesThreaded: "multiplyInHalves, threaded"
            case .halvesPaired: "multiplyInHalves, paired"
            }
        }
    }

    /// op(A)·op(B)·α + β·C₀ entry by entry, each sum taken from l = 0 up in Double.
    static func reference<Scalar: BLASScalar>(
        _ a: Matrix<Scalar>, _ transposeA: Bool, _ b: Matrix<Scalar>, _ transposeB: Bool,
        alpha: Double, beta: Double, start: [Scalar], m: Int, n: Int, k: Int
    ) -> (values: [Double], magnitudes: [Double]) {
        var values = [Double](repeating: 0, count: m * n), magnitudes = values
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, size = 0.0
                for l in 0..<k {
                    let term = Double(transposeA ? a[l, i] : a[i, l]) * Double(transposeB ? b[j, l] : b[l, j])
                    sum += term
                    size += abs(term)
                }
                let c0 = beta == 0 ? 0 : Double(start[i * n + j])
                values[i * n + j] = alpha * sum + beta * c0
                magnitudes[i * n + j] = abs(alpha) * size + abs(beta * c0)
            }
        }
        return (values, magnitudes)
    }

    /// The worst error in units of its bound, and where. In any order of
    /// summation a k-term product in a type of unit roundoff u errs by at
    /// most about (k + 2)·u·Σ|terms| (Higham, Accuracy and Stability, §3.5);
    /// the bound here is twice that. A NaN or an entry off by a wrong row is
    /// far beyond it.
    static func worstError<Scalar: BLASScalar>(
        _ c: [Scalar], _ expected: (values: [Double], magnitudes: [Double]), k: Int, n: Int
    ) -> (ratio: Double, row: Int, column: Int) {
        let u = Double(Scalar.ulpOfOne) / 2
        var worst = (ratio: 0.0, row: 0, column: 0)
        for index in c.indices {
            let bound = 2 * Double(k + 2) * u * expected.magnitudes[index] + Double.leastNormalMagnitude
            let error = abs(Double(c[index]) - expected.values[index])
            let ratio = error.isNaN ? .infinity : error / bound
            if ratio > worst.ratio { worst = (ratio, index / n, index % n) }
        }
        return worst
    }

    static func operands<Scalar: BLASScalar>(
        _: Scalar.Type, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, seed: UInt64
    ) -> (a: Matrix<Scalar>, b: Matrix<Scalar>, start: Matrix<Scalar>) {
        let random = RandomSource(seed: seed)
        let a = Matrix<Scalar>(rows: transposeA ? k : m, columns: transposeA ? m : k)
        let b = Matrix<Scalar>(rows: transposeB ? n : k, columns: transposeB ? k : n)
        let start = Matrix<Scalar>(rows: m, columns: n)
        random.fillUniform(a, -1, 1)
        random.fillUniform(b, -1, 1)
        random.fillUniform(start, -1, 1)
        return (a, b, start)
    }

    /// Runs one entry point on one path. β = 0 starts from NaN: an entry no
    /// product writes stays NaN, and a path that reads C when β = 0 is caught.
    static func product<Scalar: BLASScalar>(
        _ entry: EntryPoint, path: MatrixProducts.Path, _ a: Matrix<Scalar>, _ transposeA: Bool,
        _ b: Matrix<Scalar>, _ transposeB: Bool, start: Matrix<Scalar>, alpha: Scalar, beta: Scalar
    ) -> Matrix<Scalar> {
        let c = beta == 0 ? Matrix<Scalar>(rows: start.rows, columns: start.columns, repeating: .nan) : start.copy()
        switch entry {
        case .whole:
            Matrix.multiply(a, transposed: transposeA, b, transposed: transposeB, into: c, alpha: alpha, beta: beta, path: path)
        case .halvesThreaded:
            Matrix.multiplyInHalves(a, transposed: transposeA, b, transposed: transposeB, into: c, beta: beta, schedule: .threaded, path: path)
        case .halvesPaired:
            Matrix.multiplyInHalves(a, transposed: transposeA, b, transposed: transposeB, into: c, beta: beta, schedule: .paired, path: path)
        }
        return c
    }

    static func checkEveryShape<Scalar: BLASScalar>(_ type: Scalar.Type, path: MatrixProducts.Path, transposeA: Bool, transposeB: Bool) {
        var seed: UInt64 = 1
        for m in rowCounts {
            for (n, k) in columnAndInner {
                for entry in EntryPoint.allCases {
                    // multiplyInHalves has no α: it is 1 there. Affine's forward pass uses β = 1.
                    let settings: [(alpha: Scalar, beta: Scalar)] = entry == .whole ? [(1, 0), (-0.5, 0.75)] : [(1, 0), (1, 1)]
                    for (alpha, beta) in settings {
                        seed += 1
                        let (a, b, start) = operands(type, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, seed: seed)
                        let c = product(entry, path: path, a, transposeA, b, transposeB, start: start, alpha: alpha, beta: beta)
                        let expected = reference(a, transposeA, b, transposeB, alpha: Double(alpha), beta: Double(beta),
                                                 start: start.elements, m: m, n: n, k: k)
                        let worst = worstError(c.elements, expected, k: k, n: n)
                        #expect(worst.ratio <= 1, """
                            \(Scalar.self) \(path) \(entry), \(m)×\(n) inner \(k), transposes \(transposeA) \(transposeB), \
                            α \(alpha) β \(beta): entry (\(worst.row), \(worst.column)) is \(worst.ratio) times its error bound
                            """)
                    }
                }
            }
        }
    }

    @Test(arguments: [MatrixProducts.Path.blas, .portable], [false, true])
    func everyEntryPoint_matchesTheSumInOrder_inFloat(path: MatrixProducts.Path, transposeA: Bool) {
        for transposeB in [false, true] { Self.checkEveryShape(Float.self, path: path, transposeA: transposeA, transposeB: transposeB) }
    }

    @Test(arguments: [MatrixProducts.Path.blas, .portable], [false, true])
    func everyEntryPoint_matchesTheSumInOrder_inDouble(path: MatrixProducts.Path, transposeA: Bool) {
        for transposeB in [false, true] { Self.checkEveryShape(Double.self, path: path, transposeA: transposeA, transposeB: transposeB) }
    }

    /// Rows `rows` of a product write those rows and no others, on both paths.
    @Test(arguments: [MatrixProducts.Path.blas, .portable], [false, true])
    func rowsOfAProduct_writeThoseRowsOnly(path: MatrixProducts.Path, transposeA: Bool) {
        let (m, n, k) = (40, 19, 23)
        let (a, b, _) = Self.operands(Float.self, m: m, n: n, k: k, transposeA: transposeA, transposeB: false, seed: 90)
        let c = Matrix<Float>(rows: m, columns: n, repeating: .nan)
        let rows = 13..<29
        Matrix.multiply(rows: rows, of: a, transposed: transposeA, b, into: c, path: path)
        let expected = Self.reference(a, transposeA, b, false, alpha: 1, beta: 0, start: [], m: m, n: n, k: k)
        let inside = Array(c.elements[(rows.lowerBound * n)..<(rows.upperBound * n)])
        let expectedInside = (Array(expected.values[(rows.lowerBound * n)..<(rows.upperBound * n)]),
                              Array(expected.magnitudes[(rows.lowerBound * n)..<(rows.upperBound * n)]))
        #expect(Self.worstError(inside, expectedInside, k: k, n: n).ratio <= 1)
        let outside = c.elements[..<(rows.lowerBound * n)] + c.elements[(rows.upperBound * n)...]
        #expect(outside.allSatisfy { $0.isNaN }, "rows outside \(rows) were written")
    }

    /// `together` under the paired schedule runs both products, on two
    /// threads at once (Affine's ∂L/∂W beside ∂L/∂X), and each is right.
    @Test func pairedProducts_areBothRight() {
        let (x, dy, _) = Self.operands(Float.self, m: 64, n: 30, k: 100, transposeA: true, transposeB: false, seed: 91)
        let (_, w, _) = Self.operands(Float.self, m: 100, n: 64, k: 30, transposeA: false, transposeB: true, seed: 92)
        let dw = Matrix<Float>(rows: 64, columns: 30, repeating: .nan), dx = Matrix<Float>(rows: 100, columns: 64, repeating: .nan)
        MatrixProducts.together(
            { Matrix.multiply(x, transposed: true, dy, into: dw) },
            { Matrix.multiply(dy, transposed: false, w, transposed: true, into: dx) },
            schedule: .paired)
        let expectedW = Self.reference(x, true, dy, false, alpha: 1, beta: 0, start: [], m: 64, n: 30, k: 100)
        let expectedX = Self.reference(dy, false, w, true, alpha: 1, beta: 0, start: [], m: 100, n: 64, k: 30)
        #expect(Self.worstError(dw.elements, expectedW, k: 100, n: 30).ratio <= 1)
        #expect(Self.worstError(dx.elements, expectedX, k: 30, n: 64).ratio <= 1)
    }

    /// Negative controls: the check catches the halves' rows in the wrong
    /// order and a half left unwritten, and its bound is tight enough that
    /// Float's rounding fails the bound of Double.
    @Test func check_negativeControls_swappedHalvesAndAMissingHalfFail() {
        let (m, n, k) = (2 * MatrixProducts.smallestHalf + 1, 13, 37)
        let (a, b, start) = Self.operands(Float.self, m: m, n: n, k: k, transposeA: false, transposeB: false, seed: 93)
        let c = Self.product(.halvesPaired, path: .blas, a, false, b, false, start: start, alpha: 1, beta: 0)
        let expected = Self.reference(a, false, b, false, alpha: 1, beta: 0, start: [], m: m, n: n, k: k)
        #expect(Self.worstError(c.elements, expected, k: k, n: n).ratio <= 1, "the right product passes")

        // The second half's rows first: what a split with its ranges exchanged would write.
        let half = m / 2
        let swapped = Array(c.elements[(half * n)...]) + Array(c.elements[..<(half * n)])
        let wrongOrder = Self.worstError(swapped, expected, k: k, n: n)
        #expect(wrongOrder.ratio > 1e3 && wrongOrder.row < m, "halves in the wrong order: \(wrongOrder)")

        // One half never computed: its rows keep β = 0's NaN start.
        var missing = c.elements
        for index in (half * n)..<(m * n) { missing[index] = .nan }
        #expect(Self.worstError(missing, expected, k: k, n: n).ratio == .infinity, "a half left unwritten")

        // Float's result judged by Double's bound: the bound is not loose enough to pass anything.
        let asDouble = c.elements.map(Double.init)
        #expect(Self.worstError(asDouble, expected, k: k, n: n).ratio > 1, "Float rounding exceeds Double's bound")
    }
}
