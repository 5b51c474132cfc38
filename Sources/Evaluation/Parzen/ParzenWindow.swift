import Foundation
import GANCore

/// A Gaussian Parzen window: the paper's Table 1 estimator of log-likelihood.
///
/// Centred on n samples μ_j of G with a common width σ, the density of a
/// d-dimensional x is
/// ```
/// p(x) = (1/n) Σ_j 𝒩(x; μ_j, σ²I)
/// log p(x) = logmeanexp_j( −‖x − μ_j‖² / (2σ²) ) − d·log(σ√(2π))
/// ```
/// Squared distances come from one matrix product per batch,
/// ‖x − μ‖² = ‖x‖² − 2 x·μ + ‖μ‖², and the log-mean-exp subtracts the
/// largest exponent before exponentiating.
/// - Paper: §5, Table 1 (estimator of Breuleux et al. 2011).
public struct ParzenWindow {
    public let centres: Matrix<Float>
    private let centreNorms: [Float]
    /// Test rows per matrix product: bounds the distance matrix at batch × n floats.
    public var batchSize = 500

    public init(centres: Matrix<Float>) {
        self.centres = centres
        centreNorms = Self.squaredNorms(centres)
    }

    /// Mean log-likelihood and its standard error (s/√N) over the rows of
    /// `points`, for each width in `widths`.
    public func meanLogLikelihood(
        of points: Matrix<Float>, widths: [Double], progress: (Int, Int) -> Void = { _, _ in }
    ) -> [(mean: Double, standardError: Double)] {
        let values = logLikelihoods(of: points, widths: widths, progress: progress)
        return values.map { column in
            let n = Double(column.count)
            let mean = column.reduce(0, +) / n
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)
            return (mean, (variance / n).squareRoot())
        }
    }

    // [excerpt: parzen-log-likelihood]
    /// log p(x) for every row x of `points`, for every width: result[w][i].
    public func logLikelihoods(
        of points: Matrix<Float>, widths: [Double], progress: (Int, Int) -> Void = { _, _ in }
    ) -> [[Double]] {
        precondition(points.columns == centres.columns, "points have \(points.columns) dimensions, centres \(centres.columns)")
        let n = centres.rows, d = Double(centres.columns)
        let normalisers = widths.map { d * log($0 * (2 * Double.pi).squareRoot()) }
        let result = Matrix<Double>(rows: widths.count, columns: points.rows)
        let pointNorms = Self.squaredNorms(points)
        let distances = Matrix<Float>(rows: min(batchSize, points.rows), columns: n)
        var start = 0
        while start < points.rows {
            let rows = min(batchSize, points.rows - start)
            let batch = Matrix<Float>(viewing: points.base + start * points.columns, rows: rows, columns: points.columns)
            let squared = Matrix<Float>(viewing: distances.base, rows: rows, columns: n)
            Matrix.multiply(batch, transposed: false, centres, transposed: true, into: squared, alpha: -2)  // −2 x·μ_j
            concurrentChunks(rows) { chunk in
                for r in chunk {
                    let i = start + r, row = squared.base + r * n
                    let nearest = completeSquaredDistances(row, pointNorm: pointNorms[i])
                    for (w, sigma) in widths.enumerated() {
                        // The largest exponent, −nearest/(2σ²), comes out of the sum before exponentiating.
                        let scale = Float(-1 / (2 * sigma * sigma))
                        let sum = Self.sumOfExponentials(row, count: n, shift: nearest, scale: scale)
                        result[w, i] = Double(nearest * scale) + log(sum / Double(n)) - normalisers[w]
                    }
                }
            }
            start += rows
            progress(start, points.rows)
        }
        return (0..<widths.count).map { result.row($0) }
    }
    // [end: parzen-log-likelihood]

    /// Turns a row of −2 x·μ_j into ‖x − μ_j‖² = ‖x‖² − 2 x·μ_j + ‖μ_j‖²
    /// (clamped at 0 against rounding) and returns the smallest.
    private func completeSquaredDistances(_ row: UnsafeMutablePointer<Float>, pointNorm: Float) -> Float {
        let n = centres.rows
        var nearest = Float.infinity
        centreNorms.withUnsafeBufferPointer { norms in
            for j in 0..<n {
                let squared = max(row[j] + pointNorm + norms[j], 0)
                row[j] = squared
                nearest = min(nearest, squared)
            }
        }
        return nearest
    }

    /// Σ_j exp((s_j − shift)·scale) over `count` values, eight lanes at a time.
    static func sumOfExponentials(_ values: UnsafePointer<Float>, count: Int, shift: Float, scale: Float) -> Double {
        var lanes = SIMD8<Float>()
        let whole = count / 8 * 8
        let raw = UnsafeRawPointer(values)
        for j in stride(from: 0, to: whole, by: 8) {
            let s = raw.loadUnaligned(fromByteOffset: j * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
            lanes += exponential((s - shift) * scale)
        }
        var sum = Double(lanes.sum())
        for j in whole..<count { sum += Double(Foundation.exp((values[j] - shift) * scale)) }
        return sum
    }

    static func squaredNorms(_ m: Matrix<Float>) -> [Float] {
        (0..<m.rows).map { r in
            let row = m.base + r * m.columns
            var total: Float = 0
            for c in 0..<m.columns { total += row[c] * row[c] }
            return total
        }
    }

    /// The authors' grid: `count` widths log-spaced from `lower` to `upper`.
    public static func logSpacedWidths(_ lower: Double = 0.1, _ upper: Double = 1, count: Int = 10) -> [Double] {
        (0..<count).map { i in lower * pow(upper / lower, Double(i) / Double(count - 1)) }
    }

    /// The width in `widths` with the highest mean log-likelihood on `validation`.
    public func selectWidth(on validation: Matrix<Float>, widths: [Double]) -> (width: Double, scores: [Double]) {
        let scores = meanLogLikelihood(of: validation, widths: widths).map(\.mean)
        let best = scores.indices.max { scores[$0] < scores[$1] }!
        return (widths[best], scores)
    }
}
