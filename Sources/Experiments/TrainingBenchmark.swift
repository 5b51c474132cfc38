import Foundation
import GANCore

/// How fast one iteration of Algorithm 1 runs on the authors' MNIST networks.
///
/// k = 1, m = 100, Float, no dropout, momentum SGD, on synthetic images:
/// the data's content does not change the arithmetic.
public struct TrainingBenchmark {
    public struct Result: Sendable {
        public let iterations: Int
        public let seconds: Double
        public let flopsPerIteration: Double
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
    /// Floating-point operations of the matrix products in one iteration.
    ///
    /// An affine layer on n rows costs 2·n·in·out for its output, as much
    /// again for ∂L/∂W, and as much again for ∂L/∂input. Per iteration:
    /// the D step runs G forward on m rows, D forward and back (weights and
    /// inputs) on 2m rows; the G step runs G forward, D forward, D back for
    /// inputs only, and G back (weights and inputs), on m rows each. The
    /// first layer of each net needs no ∂L/∂input.
    public var flopsPerIteration: Double {
        let architecture = recipe.architecture
        let m = Double(recipe.batchSize)
        let g = architecture.generator(Float.self, pixelMeans: nil, using: RandomSource(seed: 0)).affineLayers
        let d = architecture.discriminator(Float.self, using: RandomSource(seed: 0)).affineLayers
        func cost(_ layers: [Affine<Float>]) -> (all: Double, first: Double) {
            (layers.reduce(0) { $0 + 2 * Double($1.inputWidth * $1.outputWidth) },
             2 * Double(layers[0].inputWidth * layers[0].outputWidth))
        }
        let (fg, fg1) = cost(g), (fd, fd1) = cost(d)
        let discriminatorStep = m * fg + 2 * m * fd + 2 * m * fd + 2 * m * (fd - fd1)
        let generatorStep = m * fg + m * fd + m * fd + m * fg + m * (fg - fg1)
        return discriminatorStep + generatorStep
    }
    // [end: benchmark-flops]

    /// Runs `warmUp` iterations, then times `iterations` more.
    public func run(iterations: Int, warmUp: Int = 20) -> Result {
        let data = Matrix<Float>(rows: 1000, columns: recipe.architecture.pixels)
        RandomSource(seed: 1).fillUniform(data, 0, 1)
        let trainer = ImageTrainer(recipe: recipe, data: data, seed: 1)
        for _ in 0..<warmUp { trainer.trainIteration() }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { trainer.trainIteration() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(iterations: iterations, seconds: seconds, flopsPerIteration: flopsPerIteration)
    }

    /// Iterations per second of the step's matrix products alone, the same
    /// products in the same order with nothing around them: the bound the
    /// rest of the step (activations, losses, optimiser, noise) eats into.
    public func matrixProductBound(iterations: Int) -> Double {
        let architecture = recipe.architecture
        let m = recipe.batchSize
        let g = architecture.generator(Float.self, pixelMeans: nil, using: RandomSource(seed: 0)).affineLayers
        let d = architecture.discriminator(Float.self, using: RandomSource(seed: 0)).affineLayers
        /// One product: (rows of the result, columns of the result, inner size, transposes).
        var shapes: [(Int, Int, Int, Bool, Bool)] = []
        func forward(_ layers: [Affine<Float>]) { for l in layers { shapes.append((m, l.outputWidth, l.inputWidth, false, false)) } }
        func backward(_ layers: [Affine<Float>], weights: Bool, inputs: Bool, firstInput: Bool) {
            for (i, l) in layers.enumerated().reversed() {
                if weights { shapes.append((l.inputWidth, l.outputWidth, m, true, false)) }
                if inputs && (i > 0 || firstInput) { shapes.append((m, l.inputWidth, l.outputWidth, false, true)) }
            }
        }
        // D step: G forward; D forward and back on the real half and on the generated half.
        forward(g)
        for _ in 0..<2 { forward(d); backward(d, weights: true, inputs: true, firstInput: false) }
        // G step: G forward, D forward, D back (inputs only), G back.
        forward(g); forward(d)
        backward(d, weights: false, inputs: true, firstInput: true)
        backward(g, weights: true, inputs: true, firstInput: false)
        let operands = shapes.map { rows, columns, inner, transposeA, transposeB in
            (Matrix<Float>(rows: transposeA ? inner : rows, columns: transposeA ? rows : inner, repeating: 0.01),
             Matrix<Float>(rows: transposeB ? columns : inner, columns: transposeB ? inner : columns, repeating: 0.01),
             Matrix<Float>(rows: rows, columns: columns), transposeA, transposeB)
        }
        func run() { for (a, b, c, ta, tb) in operands { Matrix.multiply(a, transposed: ta, b, transposed: tb, into: c) } }
        for _ in 0..<5 { run() }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { run() }
        return Double(iterations) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The largest resident set this process has had, in bytes.
    public static var peakMemory: Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
