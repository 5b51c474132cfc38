import GANCore

/// Improved precision and recall of a generative model: how much of what G
/// draws lies on the data's manifold, and how much of the data's manifold G
/// reaches, each manifold estimated by k-nearest-neighbour balls.
///
/// ```
/// r_k(φ, Φ)   = ‖φ − NN_k(φ, Φ \ {φ})‖          (distance to the k-th nearest other point)
/// f(φ, Φ)     = 1  if ‖φ − φ'‖ ≤ r_k(φ', Φ) for some φ' ∈ Φ,  else 0
/// precision   = (1/|Φ_g|) Σ_{φ ∈ Φ_g} f(φ, Φ_r)
/// recall      = (1/|Φ_r|) Σ_{φ ∈ Φ_r} f(φ, Φ_g)
/// ```
/// Φ_r are feature vectors of real images, Φ_g of generated ones, k = 3 as
/// in the paper. A point is its own nearest neighbour at distance 0, so it is
/// excluded by index: counting it would make every ball the (k−1)-NN ball.
/// All squared distances come from matrix products,
/// ‖a − b‖² = ‖a‖² − 2 a·b + ‖b‖², in batches of rows; one cross product of
/// generated against real rows serves both precision and recall.
/// - Paper: Kynkäänniemi et al. 2019, "Improved precision and recall metric
///   for assessing generative models" (arXiv:1904.06991). Not in
///   Goodfellow et al. 2014; Chapter 6 uses it beside Table 1's Parzen window.
public enum PrecisionRecall {
    public struct Result: Sendable, Equatable {
        /// The fraction of generated rows inside some real row's k-NN ball.
        public let precision: Double
        /// The fraction of real rows inside some generated row's k-NN ball.
        public let recall: Double

        public init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
        }
    }

    // [excerpt: precision-recall]
    /// Precision and recall of `generated` against `real` (rows are feature
    /// vectors of the same dimension), with k-NN balls of `k` neighbours.
    public static func evaluate(real: Matrix<Float>, generated: Matrix<Float>, k: Int = 3, batchSize: Int = 512) -> Result {
        precondition(real.columns == generated.columns,
                     "real and generated features differ in dimension: \(real.columns) and \(generated.columns)")
        let realRadii = squaredRadii(real, k: k, batchSize: batchSize)
        let generatedRadii = squaredRadii(generated, k: k, batchSize: batchSize)
        let (precise, recalled) = coverage(
            generated: generated, generatedRadii: generatedRadii, real: real, realRadii: realRadii, batchSize: batchSize)
        return Result(precision: Double(precise) / Double(generated.rows), recall: Double(recalled) / Double(real.rows))
    }
    // [end: precision-recall]

    /// r_k² for every row: the squared distance to its k-th nearest other row.
    public static func squaredRadii(_ points: Matrix<Float>, k: Int, batchSize: Int = 512) -> [Float] {
        precondition(k >= 1, "k-NN radius needs k ≥ 1, got \(k)")
        precondition(points.rows > k, "k-NN radius with k = \(k) needs more than \(k) rows, got \(points.rows)")
        let n = points.rows
        let norms = ParzenWindow.squaredNorms(points)
        var radii = [Float](repeating: 0, count: n)
        let buffer = Matrix<Float>(rows: min(batchSize, n), columns: n)
        radii.withUnsafeMutableBufferPointer { radii in
            norms.withUnsafeBufferPointer { norms in
                var start = 0
                while start < n {
                    let rows = min(batchSize, n - start)
                    let batch = Matrix<Float>(viewing: points.base + start * points.columns, rows: rows, columns: points.columns)
                    let distances = Matrix<Float>(viewing: buffer.base, rows: rows, columns: n)
                    Matrix.multiply(batch, transposed: false, points, transposed: true, into: distances, alpha: -2)
                    concurrentChunks(rows) { chunk in
                        // The k smallest so far, ascending; one buffer per thread.
                        withUnsafeTemporaryAllocation(of: Float.self, capacity: k) { smallest in
                            for r in chunk {
                                let i = start + r, row = distances.base + r * n
                                smallest.initialize(repeating: .infinity)
                                // Every j but i itself: the two ranges skip it without a test per entry.
                                for range in [0..<i, (i + 1)..<n] {
                                    for j in range {
                                        let squared = max(row[j] + norms[i] + norms[j], 0)
                                        guard squared < smallest[k - 1] else { continue }
                                        var slot = k - 1
                                        while slot > 0 && smallest[slot - 1] > squared {
                                            smallest[slot] = smallest[slot - 1]
                                            slot -= 1
                                        }
                                        smallest[slot] = squared
                                    }
                                }
                                radii[i] = smallest[k - 1]
                            }
                        }
                    }
                    start += rows
                }
            }
        }
        return radii
    }

    /// How many generated rows fall in some real ball, and how many real rows
    /// in some generated ball (‖·‖² ≤ r², boundary included, as in the paper).
    public static func coverage(
        generated: Matrix<Float>, generatedRadii: [Float], real: Matrix<Float>, realRadii: [Float], batchSize: Int = 512
    ) -> (precise: Int, recalled: Int) {
        precondition(generatedRadii.count == generated.rows && realRadii.count == real.rows,
                     "one radius per row: \(generatedRadii.count) for \(generated.rows) generated, \(realRadii.count) for \(real.rows) real")
        let nReal = real.rows
        let realNorms = ParzenWindow.squaredNorms(real), generatedNorms = ParzenWindow.squaredNorms(generated)
        var precise = [Bool](repeating: false, count: generated.rows)
        var recalled = [Bool](repeating: false, count: nReal)
        let buffer = Matrix<Float>(rows: min(batchSize, generated.rows), columns: nReal)
        precise.withUnsafeMutableBufferPointer { precise in
            recalled.withUnsafeMutableBufferPointer { recalled in
                var start = 0
                while start < generated.rows {
                    let rows = min(batchSize, generated.rows - start)
                    let batch = Matrix<Float>(viewing: generated.base + start * generated.columns, rows: rows, columns: generated.columns)
                    let distances = Matrix<Float>(viewing: buffer.base, rows: rows, columns: nReal)
                    Matrix.multiply(batch, transposed: false, real, transposed: true, into: distances, alpha: -2)
                    // Rows in parallel: complete the squared distances, and ask
                    // whether generated row g lies in any real ball.
                    concurrentChunks(rows) { chunk in
                        for r in chunk {
                            let g = start + r, row = distances.base + r * nReal
                            var inside = false
                            for j in 0..<nReal {
                                let squared = max(row[j] + generatedNorms[g] + realNorms[j], 0)
                                row[j] = squared
                                if squared <= realRadii[j] { inside = true }
                            }
                            precise[g] = inside
                        }
                    }
                    // Columns in parallel: whether real row j lies in the ball of
                    // any generated row of this batch. Each thread owns its columns.
                    concurrentChunks(nReal, minimumPiece: 256) { columns in
                        for r in 0..<rows {
                            let radius = generatedRadii[start + r], row = distances.base + r * nReal
                            for j in columns where row[j] <= radius { recalled[j] = true }
                        }
                    }
                    start += rows
                }
            }
        }
        return (precise.count { $0 }, recalled.count { $0 })
    }
}
