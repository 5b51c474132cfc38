import GANCore
import Testing

/// `MatrixProducts.recording`: every product a body issues, once each,
/// including those `together` runs on a second thread, and none of other threads.
@Suite struct ProductRecordingTests {
    static func shape(_ rows: Int, _ columns: Int, _ inner: Int, _ transposeA: Bool = false, _ transposeB: Bool = false) -> MatrixProductShape {
        MatrixProductShape(rows: rows, columns: columns, inner: inner, transposeA: transposeA, transposeB: transposeB)
    }

    @Test func recording_listsEachProductOnce_withItsShapeAndTransposes() {
        let a = Matrix<Float>(rows: 40, columns: 7, repeating: 1), b = Matrix<Float>(rows: 7, columns: 5, repeating: 1)
        let c = Matrix<Float>(rows: 40, columns: 5), g = Matrix<Float>(rows: 7, columns: 7), d = Matrix<Float>(rows: 40, columns: 7)
        let (_, products) = MatrixProducts.recording {
            Matrix.multiply(a, b, into: c)
            // Split under the paired schedule (halves of 20 rows), recorded as one product.
            Matrix.multiplyInHalves(a, b, into: c, schedule: .paired)
            MatrixProducts.together(
                { Matrix.multiply(a, transposed: true, a, into: g) },
                { Matrix.multiply(c, transposed: false, b, transposed: true, into: d) },
                schedule: .paired)
        }
        #expect(products == [Self.shape(40, 5, 7), Self.shape(40, 5, 7)] + [Self.shape(7, 7, 40, true), Self.shape(40, 7, 5, false, true)]
                || products == [Self.shape(40, 5, 7), Self.shape(40, 5, 7)] + [Self.shape(40, 7, 5, false, true), Self.shape(7, 7, 40, true)],
                "\(products)")
    }

    @Test func productsOutsideARecording_areNotRecorded() {
        let a = Matrix<Float>(rows: 3, columns: 3, repeating: 1)
        Matrix.multiply(a, a, into: a.copy())
        let (_, products) = MatrixProducts.recording { }
        #expect(products.isEmpty)
    }
}
