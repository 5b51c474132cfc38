import GANCore
import Testing

/// The portable product (Sources/GANCore/Numerics/PortableProduct.swift): one
/// fixed order of sums, bit for bit, whatever the tile an entry falls in.
/// It is called directly, never by switching the process's product path,
/// which the tests running beside these share.
@Suite struct PortableProductTests {
    /// op(A)·op(B) entry by entry, summed from l = 0 up by one fused
    /// multiply-add each time: the order and rounding the product promises.
    static func reference(
        _ a: Matrix<Float>, _ transposeA: Bool, _ b: Matrix<Float>, _ transposeB: Bool,
        m: Int, n: Int, k: Int, reversed: Bool = false
    ) -> [Float] {
        func opA(_ i: Int, _ l: Int) -> Float { transposeA ? a[l, i] : a[i, l] }
        func opB(_ l: Int, _ j: Int) -> Float { transposeB ? b[j, l] : b[l, j] }
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for l in reversed ? Array((0..<k).reversed()) : Array(0..<k) { s = s.addingProduct(opA(i, l), opB(l, j)) }
                c[i * n + j] = s
            }
        }
        return c
    }

    static func product(
        _ a: Matrix<Float>, _ transposeA: Bool, _ b: Matrix<Float>, _ transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, beta: Float = 0, into c: Matrix<Float>
    ) {
        Float.portableGemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: a.base, lda: a.columns, b: b.base, ldb: b.columns, beta: beta, c: c.base, ldc: c.columns)
    }

    static func operands(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, seed: UInt64) -> (Matrix<Float>, Matrix<Float>) {
        let random = RandomSource(seed: seed)
        let a = Matrix<Float>(rows: transposeA ? k : m, columns: transposeA ? m : k)
        let b = Matrix<Float>(rows: transposeB ? n : k, columns: transposeB ? k : n)
        random.fillUniform(a, -1, 1)
        random.fillUniform(b, -1, 1)
        return (a, b)
    }

    /// Shapes with full tiles, edges in rows and columns, and both.
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (4, 16, 3), (7, 37, 13), (9, 33, 50), (12, 48, 200), (6, 72, 9), (3, 40, 5), (5, 25, 7),
    ]

    @Test(arguments: [false, true], [false, true])
    func everyEntry_isTheSumInOrder_bitForBit(transposeA: Bool, transposeB: Bool) {
        for (index, shape) in Self.shapes.enumerated() {
            let (a, b) = Self.operands(m: shape.m, n: shape.n, k: shape.k, transposeA: transposeA, transposeB: transposeB, seed: UInt64(index + 1))
            let c = Matrix<Float>(rows: shape.m, columns: shape.n, repeating: .nan)
            Self.product(a, transposeA, b, transposeB, m: shape.m, n: shape.n, k: shape.k, into: c)
            let expected = Self.reference(a, transposeA, b, transposeB, m: shape.m, n: shape.n, k: shape.k)
            #expect(c.elements == expected, "\(shape), transposes \(transposeA) \(transposeB)")
        }
    }

    /// The check above can fail: the same sums taken from the other end
    /// round differently somewhere in a 12×48 product over 200 terms.
    @Test func negativeControl_theReversedOrderDiffers() {
        let (m, n, k) = (12, 48, 200)
        let (a, b) = Self.operands(m: m, n: n, k: k, transposeA: false, transposeB: false, seed: 9)
        let c = Matrix<Float>(rows: m, columns: n)
        Self.product(a, false, b, false, m: m, n: n, k: k, into: c)
        #expect(c.elements != Self.reference(a, false, b, false, m: m, n: n, k: k, reversed: true))
    }

    /// α and β as BLAS defines them, and β = 0 never reads C (NaN stays out).
    @Test func alphaAndBeta_actAsInBLAS() {
        let (m, n, k) = (5, 19, 7)
        let (a, b) = Self.operands(m: m, n: n, k: k, transposeA: false, transposeB: true, seed: 4)
        let sums = Self.reference(a, false, b, true, m: m, n: n, k: k)
        let c = Matrix<Float>(rows: m, columns: n, repeating: 3)
        Self.product(a, false, b, true, m: m, n: n, k: k, alpha: 2, beta: 0.5, into: c)
        #expect(c.elements == sums.map { 2 * $0 + 0.5 * 3 })
        let cleared = Matrix<Float>(rows: m, columns: n, repeating: .nan)
        Self.product(a, false, b, true, m: m, n: n, k: k, alpha: 2, beta: 0, into: cleared)
        #expect(cleared.elements == sums.map { 2 * $0 })
    }

    /// It computes the same product as BLAS, to Float's rounding.
    @Test func agreesWithBLAS() {
        let (m, n, k) = (37, 45, 120)
        let (a, b) = Self.operands(m: m, n: n, k: k, transposeA: true, transposeB: false, seed: 6)
        let portable = Matrix<Float>(rows: m, columns: n), blas = Matrix<Float>(rows: m, columns: n)
        Self.product(a, true, b, false, m: m, n: n, k: k, into: portable)
        Float.gemm(
            transposeA: true, transposeB: false, m: m, n: n, k: k, alpha: 1,
            a: a.base, lda: a.columns, b: b.base, ldb: b.columns, beta: 0, c: blas.base, ldc: blas.columns)
        for i in 0..<portable.count { #expect(abs(portable.storage[i] - blas.storage[i]) < 1e-4) }
    }

    /// A negative control for the rounding: the same order with a rounded
    /// product and then a rounded sum is another result.
    @Test func unfusedSums_areAnotherResult() {
        let (m, n, k) = (12, 48, 200)
        let (a, b) = Self.operands(m: m, n: n, k: k, transposeA: false, transposeB: false, seed: 9)
        let c = Matrix<Float>(rows: m, columns: n)
        Self.product(a, false, b, false, m: m, n: n, k: k, into: c)
        var unfused = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for l in 0..<k { s = s + a[i, l] * b[l, j] }
                unfused[i * n + j] = s
            }
        }
        #expect(c.elements != unfused)
    }

    /// Double goes through the same code with four-lane vectors.
    @Test func double_isTheSumInOrder() {
        let (m, n, k) = (6, 11, 9)
        let random = RandomSource(seed: 2)
        let a = Matrix<Double>(rows: m, columns: k), b = Matrix<Double>(rows: k, columns: n)
        random.fillUniform(a, -1, 1)
        random.fillUniform(b, -1, 1)
        let c = Matrix<Double>(rows: m, columns: n)
        Double.portableGemm(
            transposeA: false, transposeB: false, m: m, n: n, k: k, alpha: 1,
            a: a.base, lda: k, b: b.base, ldb: n, beta: 0, c: c.base, ldc: n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for l in 0..<k { s = s.addingProduct(a[i, l], b[l, j]) }
                #expect(c[i, j] == s)
            }
        }
    }
}
