import Foundation
import GANCore

/// Table 1's protocol: a Parzen window on samples, its width chosen on
/// validation images, then the test images' mean log-likelihood ± standard error.
///
/// ```
/// σ* = argmax_{σ ∈ grid} (1/N_v) Σ_v log p_σ(x_v)
/// L  = (1/N_t) Σ_t log p_σ*(x_t),   ± s/√N_t
/// ```
/// - Paper: §5, Table 1.
public enum ParzenEvaluation {
    /// The name of the row whose centres are the generator's samples.
    public static let generatorRowName = "generator samples"

    /// One row of the table.
    public struct Row: Sendable, Codable {
        public let name: String
        public let width: Double
        /// Mean validation log-likelihood at each width of the grid.
        public let validationScores: [Double]
        public let mean: Double
        public let standardError: Double

        public init(name: String, width: Double, validationScores: [Double], mean: Double, standardError: Double) {
            self.name = name
            self.width = width
            self.validationScores = validationScores
            self.mean = mean
            self.standardError = standardError
        }
    }

    // [excerpt: parzen-protocol]
    /// Scores a Parzen window centred on `centres`: σ from `widths` by
    /// validation, then the test set at that σ.
    public static func row(
        _ name: String, centres: Matrix<Float>, validation: Matrix<Float>, test: Matrix<Float>,
        widths: [Double] = ParzenWindow.logSpacedWidths(), progress: (String, Int, Int) -> Void = { _, _, _ in }
    ) -> Row {
        let window = ParzenWindow(centres: centres)
        let scores = window.meanLogLikelihood(of: validation, widths: widths) { progress("\(name): choosing σ", $0, $1) }
            .map(\.mean)
        let best = scores.indices.max { scores[$0] < scores[$1] }!
        let result = window.meanLogLikelihood(of: test, widths: [widths[best]]) { progress("\(name): test set", $0, $1) }[0]
        return Row(name: name, width: widths[best], validationScores: scores, mean: result.mean, standardError: result.standardError)
    }
    // [end: parzen-protocol]

    /// `count` images of independent U[0, 1] pixels: the reference row a
    /// density that knows nothing about the data should score.
    public static func uniformNoise(count: Int, pixels: Int, seed: UInt64) -> Matrix<Float> {
        let noise = Matrix<Float>(rows: count, columns: pixels)
        RandomSource(seed: seed).fillUniform(noise, 0, 1)
        return noise
    }

    /// `count` samples of `generator` for z uniform on `range`, drawn in
    /// batches (the generator's buffers stay small).
    public static func samples(
        of generator: MultilayerPerceptron<Float>, count: Int, noiseDimension: Int, range: ClosedRange<Double>,
        seed: UInt64, batchSize: Int = 500
    ) -> Matrix<Float> {
        let z = Matrix<Float>(rows: count, columns: noiseDimension)
        let random = RandomSource(seed: seed)
        var start = 0
        while start < count {  // batch by batch, so the draws match those of earlier versions
            let rows = min(batchSize, count - start)
            random.fillUniform(Matrix(viewing: z.base + start * noiseDimension, rows: rows, columns: noiseDimension),
                               range.lowerBound, range.upperBound)
            start += rows
        }
        return generate(generator, from: z, batchSize: batchSize)
    }

    /// G(z) for every row of `z`, in batches of `batchSize` rows.
    public static func generate(_ generator: MultilayerPerceptron<Float>, from z: Matrix<Float>, batchSize: Int = 500) -> Matrix<Float> {
        let out = Matrix<Float>(rows: z.rows, columns: generator.outputWidth)
        var start = 0
        while start < z.rows {
            let rows = min(batchSize, z.rows - start)
            let x = generator.forward(Matrix(viewing: z.base + start * z.columns, rows: rows, columns: z.columns))
            (out.base + start * out.columns).update(from: x.base, count: rows * out.columns)
            start += rows
        }
        return out
    }

    /// The paper's Table 1, MNIST column (log-likelihood, ± standard error over test examples).
    public static let paperMNIST: [(model: String, mean: Double, standardError: Double)] = [
        ("DBN", 138, 2), ("Stacked CAE", 121, 1.6), ("Deep GSN", 214, 1.1), ("Adversarial nets", 225, 2),
    ]

    /// The rows as a table: model, σ, mean log-likelihood ± standard error.
    public static func table(_ rows: [Row]) -> [String] {
        var table = TextTable("Parzen window on", "sigma", "test log-likelihood", "± s.e.")
        for row in rows {
            table.add(row.name, fixed(row.width, 3), fixed(row.mean, 1), fixed(row.standardError, 1))
        }
        return table.lines
    }

    /// The paper's rows, for context.
    public static func paperTable() -> [String] {
        var table = TextTable("Table 1 (MNIST, paper)", "log-likelihood", "± s.e.")
        for row in paperMNIST { table.add(row.model, fixed(row.mean, 0), fixed(row.standardError, 1)) }
        return table.lines
    }
}
