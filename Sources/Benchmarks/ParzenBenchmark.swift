import Evaluation
import Foundation
import GANCore

/// How close Table 1's Parzen evaluation comes to the rate of its own
/// matrix products: the whole protocol (σ chosen on validation images, then
/// the test images) timed against the same products with nothing around them.
public struct ParzenBenchmark {
    public struct Result: Sendable {
        public let seconds: Double
        /// The same `−2 X Mᵀ` products, alone.
        public let productSeconds: Double
        public let flops: Double
        /// The share of sgemm's throughput the evaluation reaches.
        public var shareOfProducts: Double { productSeconds / seconds }
        public var gigaflopsPerSecond: Double { flops / seconds / 1e9 }
    }

    public var centres = 10_000
    public var validation = 1_000
    public var test = 2_000
    public var pixels = 784

    public init() {}

    /// Times `ParzenEvaluation.row` on random images in [0, 1], then the products alone; medians of `repeats`.
    public func run(repeats: Int = 3) -> Result {
        let random = RandomSource(seed: 2)
        func images(_ count: Int) -> Matrix<Float> {
            let m = Matrix<Float>(rows: count, columns: pixels)
            random.fillUniform(m, 0, 1)
            return m
        }
        let mu = images(centres), v = images(validation), t = images(test)
        let window = ParzenWindow(centres: mu)
        let whole = Self.median(repeats) { _ = ParzenEvaluation.row("benchmark", centres: mu, validation: v, test: t) }
        // Allocated after the evaluation has freed its own distance buffer: the peak stays one buffer.
        let products = Matrix<Float>(rows: window.batchSize, columns: centres)
        func productsAlone(_ points: Matrix<Float>) {
            for start in stride(from: 0, to: points.rows, by: window.batchSize) {
                let rows = min(window.batchSize, points.rows - start)
                let batch = Matrix<Float>(viewing: points.base + start * pixels, rows: rows, columns: pixels)
                let out = Matrix<Float>(viewing: products.base, rows: rows, columns: centres)
                Matrix.multiply(batch, transposed: false, mu, transposed: true, into: out, alpha: -2)
            }
        }
        let alone = Self.median(repeats) { productsAlone(v); productsAlone(t) }
        return Result(seconds: whole, productSeconds: alone, flops: 2 * Double((validation + test) * centres * pixels))
    }

    static func median(_ repeats: Int, _ body: () -> Void) -> Double {
        let times = (0..<max(repeats, 1)).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }.sorted()
        return times[times.count / 2]
    }
}
