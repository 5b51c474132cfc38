import Foundation
import GANCore
import ImageTraining

/// How fast one iteration of Algorithm 1 runs on the authors' MNIST networks.
///
/// k = 1, m = 100, Float, no dropout, momentum SGD, on synthetic images:
/// the data's content does not change the arithmetic.
public struct TrainingBenchmark {
    public struct Result: Sendable {
        public let iterations: Int
        public let seconds: Double
        /// The matrix products one iteration ran, as recorded.
        public let products: [MatrixProductShape]
        public var flopsPerIteration: Double { products.reduce(0) { $0 + $1.flops } }
        public var iterationsPerSecond: Double { Double(iterations) / seconds }
        public var gigaflopsPerSecond: Double { flopsPerIteration * iterationsPerSecond / 1e9 }
    }

    public let recipe: TrainingRecipe

    public init() {
        var recipe = TrainingRecipe.algorithm1
        recipe.name = "benchmark"
        recipe.architecture.dropout = nil
        self.recipe = recipe
    }

    // [excerpt: benchmark-flops]
    /// The matrix products of one iteration, in the order the step runs them.
    ///
    /// An affine layer on n rows costs one product for its output, one for
    /// ∂L/∂W and one for ∂L/∂input, each of 2·n·in·out FLOPs. The D step runs
    /// G forward on m rows, then D forward and back (weights and inputs) on
    /// the 2m stacked rows; the G step runs G forward, D forward, D back for
    /// inputs only, and G back (weights and inputs), on m rows each. The
    /// first layer of a net whose input is data or noise needs no ∂L/∂input.
    /// `run` counts the products it records instead; a test holds this list
    /// equal to them, shape, transposes and order.
    public static func products(generator g: [Affine<Float>], discriminator d: [Affine<Float>], batchSize m: Int) -> [MatrixProductShape] {
        var shapes: [MatrixProductShape] = []
        func forward(_ layers: [Affine<Float>], rows: Int) {
            for l in layers { shapes.append(.init(rows: rows, columns: l.outputWidth, inner: l.inputWidth, transposeA: false, transposeB: false)) }
        }
        func backward(_ layers: [Affine<Float>], rows: Int, weights: Bool, firstInput: Bool) {
            for (i, l) in layers.enumerated().reversed() {
                if weights { shapes.append(.init(rows: l.inputWidth, columns: l.outputWidth, inner: rows, transposeA: true, transposeB: false)) }
                if i > 0 || firstInput { shapes.append(.init(rows: rows, columns: l.inputWidth, inner: l.outputWidth, transposeA: false, transposeB: true)) }
            }
        }
        forward(g, rows: m)                                                 // D step
        forward(d, rows: 2 * m); backward(d, rows: 2 * m, weights: true, firstInput: false)
        forward(g, rows: m); forward(d, rows: m)                             // G step
        backward(d, rows: m, weights: false, firstInput: true)
        backward(g, rows: m, weights: true, firstInput: false)
        return shapes
    }
    // [end: benchmark-flops]

    /// Runs `warmUp` iterations (at least one), then times `iterations` more.
    public func run(iterations: Int, warmUp: Int = 20) -> Result {
        let data = Matrix<Float>(rows: 1000, columns: recipe.architecture.pixels)
        RandomSource(seed: 1).fillUniform(data, 0, 1)
        let trainer = ImageTrainer(recipe: recipe, data: data, seed: 1)
        // The FLOP count is that of the products a warm-up iteration issued,
        // recorded as it ran; `products(generator:discriminator:batchSize:)`
        // derives the same list, and a test holds the two equal.
        let products = MatrixProducts.recording { trainer.trainIteration() }.products
        for _ in 1..<max(warmUp, 1) { trainer.trainIteration() }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { trainer.trainIteration() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(iterations: iterations, seconds: seconds, products: products)
    }

    /// Iterations per second of the step's matrix products alone, the same
    /// products with nothing around them: the bound the rest of the step
    /// (activations, losses, optimiser, noise) eats into. Under the paired
    /// schedule they run as two streams, every other product on a second
    /// core; otherwise one after another. Each stream's products share three
    /// buffers, as large as the largest operands, so that timing them takes
    /// little memory besides the step's own.
    public static func matrixProductBound(_ products: [MatrixProductShape], iterations: Int) -> Double {
        let streams = MatrixProducts.schedule == .paired ? 2 : 1
        let largest = { (size: (MatrixProductShape) -> Int) in products.map(size).max() ?? 0 }
        let a = Matrix<Float>(rows: 1, columns: largest { $0.rows * $0.inner }, repeating: 0.01)
        let b = Matrix<Float>(rows: 1, columns: largest { $0.inner * $0.columns }, repeating: 0.01)
        let results = (0..<streams).map { _ in Matrix<Float>(rows: 1, columns: largest { $0.rows * $0.columns }) }
        let streamProducts = (0..<streams).map { stream in products.enumerated().filter { $0.offset % streams == stream }.map(\.element) }
        func run(_ stream: Int) {
            let c = results[stream]
            for p in streamProducts[stream] {
                Float.gemm(
                    transposeA: p.transposeA, transposeB: p.transposeB, m: p.rows, n: p.columns, k: p.inner,
                    alpha: 1, a: a.base, lda: p.transposeA ? p.rows : p.inner,
                    b: b.base, ldb: p.transposeB ? p.inner : p.columns, beta: 0, c: c.base, ldc: p.columns)
            }
        }
        func runAll() {
            if streams == 1 { return run(0) }
            MatrixProducts.together({ run(0) }, { run(1) })
        }
        for _ in 0..<5 { runAll() }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { runAll() }
        return Double(iterations) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The largest resident set this process has had, in bytes.
    public static var peakMemory: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
