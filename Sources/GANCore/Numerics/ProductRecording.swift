import Synchronization

/// One matrix product, C = op(A)·op(B) with C `rows × columns` and `inner`
/// the summed dimension.
public struct MatrixProductShape: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int, columns: Int, inner: Int
    public let transposeA: Bool, transposeB: Bool

    public init(rows: Int, columns: Int, inner: Int, transposeA: Bool, transposeB: Bool) {
        self.rows = rows
        self.columns = columns
        self.inner = inner
        self.transposeA = transposeA
        self.transposeB = transposeB
    }

    /// A multiply and an add per term: 2·rows·columns·inner.
    public var flops: Double { 2 * Double(rows) * Double(columns) * Double(inner) }

    /// "200×1200 (inner 784), op(A)ᵀ".
    public var description: String {
        "\(rows)×\(columns) (inner \(inner))" + (transposeA ? ", op(A)ᵀ" : "") + (transposeB ? ", op(B)ᵀ" : "")
    }
}

/// The products `MatrixProducts.recording(_:)` saw, in the order they were issued.
final class ProductRecorder: Sendable {
    let shapes = Mutex<[MatrixProductShape]>([])
}

extension MatrixProducts {
    /// Runs `body` and returns, beside its result, every product it issued
    /// through `Matrix.multiply` and `Matrix.multiplyInHalves`: one entry a
    /// product, however it was split or shared out. Products of other
    /// threads (other tests, other work) are not recorded, but those of
    /// `together`'s second thread are. Off, recording costs one relaxed
    /// atomic load a product.
    public static func recording<T>(_ body: () throws -> T) rethrows -> (result: T, products: [MatrixProductShape]) {
        let recorder = ProductRecorder()
        recordings.add(1, ordering: .relaxed)
        defer { recordings.subtract(1, ordering: .relaxed) }
        let result = try $recorder.withValue(recorder, operation: body)
        return (result, recorder.shapes.withLock { $0 })
    }

    /// The recording this thread's products go to, if any.
    @TaskLocal static var recorder: ProductRecorder?

    /// The current recording, looked up only while some recording runs.
    static var activeRecorder: ProductRecorder? {
        recordings.load(ordering: .relaxed) > 0 ? recorder : nil
    }

    @inline(__always)
    static func record(rows: Int, columns: Int, inner: Int, transposeA: Bool, transposeB: Bool) {
        guard let recorder = activeRecorder else { return }
        let shape = MatrixProductShape(rows: rows, columns: columns, inner: inner, transposeA: transposeA, transposeB: transposeB)
        recorder.shapes.withLock { $0.append(shape) }
    }
}

/// How many recordings are running in the process.
private let recordings = Atomic<Int>(0)
