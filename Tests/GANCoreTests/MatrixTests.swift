import Foundation
import GANCore
import Testing

/// The matrix products behind every layer, against a direct triple loop.
@Suite struct MatrixTests {
    static func naiveProduct(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in (0..<b[0].count).map { j in zip(row, b).reduce(0) { $0 + $1.0 * $1.1[j] } } }
    }

    @Test(arguments: [false, true], [false, true])
    func multiply_matchesTheDefinition(transposeA: Bool, transposeB: Bool) {
        let random = RandomSource(seed: 3)
        let (m, k, n) = (5, 7, 4)
        let a = Matrix<Double>(rows: transposeA ? k : m, columns: transposeA ? m : k)
        let b = Matrix<Double>(rows: transposeB ? n : k, columns: transposeB ? k : n)
        random.fillUniform(a, -1, 1)
        random.fillUniform(b, -1, 1)
        let c = Matrix<Double>(rows: m, columns: n, repeating: 1)
        Matrix.multiply(a, transposed: transposeA, b, transposed: transposeB, into: c, alpha: 2, beta: 0.5)
        func rows(_ x: Matrix<Double>, _ t: Bool) -> [[Double]] {
            let r = (0..<x.rows).map { x.row($0) }
            return t ? (0..<x.columns).map { j in r.map { $0[j] } } : r
        }
        let expected = Self.naiveProduct(rows(a, transposeA), rows(b, transposeB))
        for i in 0..<m { for j in 0..<n { #expect(abs(c[i, j] - (2 * expected[i][j] + 0.5)) < 1e-12) } }
    }

    @Test func floatProduct_agreesWithDouble() {
        let random = RandomSource(seed: 4)
        let a = Matrix<Double>(rows: 30, columns: 20), b = Matrix<Double>(rows: 20, columns: 10)
        random.fillUniform(a, -1, 1)
        random.fillUniform(b, -1, 1)
        let af = Matrix<Float>(rows: 30, columns: 20, elements: a.elements.map(Float.init))
        let bf = Matrix<Float>(rows: 20, columns: 10, elements: b.elements.map(Float.init))
        let exact = a * b, single = af * bf
        for i in 0..<exact.count { #expect(abs(Double(single.storage[i]) - exact.storage[i]) < 1e-5) }
    }

    @Test func emptyInnerDimension_scalesByBeta() {
        let a = Matrix<Double>(rows: 2, columns: 0), b = Matrix<Double>(rows: 0, columns: 3)
        let c = Matrix<Double>(rows: 2, columns: 3, repeating: 4)
        Matrix.multiply(a, b, into: c, beta: 0.5)
        #expect(c.elements == [Double](repeating: 2, count: 6))
    }

    @Test func openBLAS_isTheBLASInUse() {
        // gslcblas has no core name; OpenBLAS names its kernel (Haswell, SkylakeX, …).
        #expect(!OpenBLAS.coreName.isEmpty && OpenBLAS.coreName != "unknown")
        #expect(OpenBLAS.threadCount >= 1)
    }

    // MARK: Reused buffers

    /// Batches of 2m and m rows alternate in D's layers: the buffer is kept and reshaped, never reallocated.
    @Test func reusing_reshapesAnOwnedBufferThatIsLargeEnough() {
        let buffer = Matrix<Float>(rows: 200, columns: 3)
        let smaller = Matrix.reusing(buffer, rows: 100, columns: 3)
        #expect(smaller === buffer && smaller.rows == 100 && smaller.count == 300)
        let back = Matrix.reusing(smaller, rows: 200, columns: 3)
        #expect(back === buffer && back.rows == 200 && back.storage.count == 600)
    }

    @Test func reusing_allocatesWhenTheBufferIsTooSmallOrAView() {
        let buffer = Matrix<Float>(rows: 2, columns: 3)
        let larger = Matrix.reusing(buffer, rows: 3, columns: 3)
        #expect(larger !== buffer && larger.rows == 3 && buffer.rows == 2)
        // A view does not own its elements, so it is never reshaped.
        let view = Matrix<Float>(viewing: larger.base, rows: 3, columns: 3)
        let fromView = Matrix.reusing(view, rows: 1, columns: 3)
        #expect(fromView !== view && view.rows == 3)
        #expect(Matrix.reusing(nil as Matrix<Float>?, rows: 1, columns: 1).count == 1)
    }
}

/// The CBLAS symbols must come from OpenBLAS, not from GSL's reference
/// gslcblas, which libgsl also pulls in and which exports the same names.
@Suite struct BLASLinkTests {
    @Test func cblasSymbols_resolveToOpenBLAS() throws {
        for symbol in ["cblas_sgemm", "cblas_dgemm"] {
            let library = try Self.library(providing: symbol)
            #expect(library.contains("openblas"), "\(symbol) resolves to \(library)")
        }
    }

    @Test func libraryLookup_negativeControl_namesGSLForAGSLSymbol() throws {
        let library = try Self.library(providing: "gsl_rng_alloc")
        #expect(library.contains("libgsl") && !library.contains("openblas"), "gsl_rng_alloc resolves to \(library)")
    }

    /// The mapped file whose address range holds `symbol`.
    static func library(providing symbol: String) throws -> String {
        // /proc files report size 0: read to the end rather than by the reported size.
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/self/maps"))
        let maps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        let address = UInt(bitPattern: try #require(dlsym(nil, symbol), "\(symbol) not found"))
        let line = maps.split(separator: "\n").first { line in
            let range = line.split(separator: " ")[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            return range.count == 2 && range[0] <= address && address < range[1]
        }
        return String(line?.split(separator: " ", omittingEmptySubsequences: true).last ?? "none")
    }

}
