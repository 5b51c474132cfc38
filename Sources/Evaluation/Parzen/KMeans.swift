import GANCore

/// k-means clustering of the rows of a matrix by Lloyd's algorithm, seeded
/// by k-means++.
///
/// ```
/// J(c, a) = Σ_n ‖x_n − c_{a(n)}‖²
/// assign:  a(n) ← argmin_j ‖x_n − c_j‖² = argmin_j ( ‖c_j‖² − 2 x_n·c_j )
/// update:  c_j  ← mean of { x_n : a(n) = j }
/// seed (k-means++): c_1 uniform over the rows; then row x with probability
///          ∝ min_{chosen c} ‖x − c‖²
/// ```
/// Each step minimises J over one argument with the other fixed, so J never
/// increases; Lloyd stops when the assignments stop changing (a fixed point:
/// the update would return the same centroids) or after `maximumIterations`.
/// - Paper: Lloyd 1982, "Least squares quantization in PCM"; Arthur and
///   Vassilvitskii 2007, "k-means++: the advantages of careful seeding".
///   Chapter 6 needs it for Theis, van den Oord and Bethge 2016
///   (arXiv:1511.01844): a Parzen window on k-means centroids of the
///   training data scores better than one on real data (`ParzenFlawTests`).
public enum KMeans {
    public struct Result {
        /// k × d: row j is the mean of the rows assigned to cluster j.
        public let centroids: Matrix<Float>
        /// For each row of the data, its cluster in 0..<k.
        public let assignments: [Int]
        /// J after each assignment step, in Double: element t belongs to the
        /// t-th assignment (the first is against the k-means++ seeds).
        public let objectives: [Double]
        /// Whether the last assignment step changed nothing.
        public let converged: Bool
    }

    // [excerpt: k-means]
    /// Clusters the rows of `points` into `k` clusters.
    public static func cluster(
        _ points: Matrix<Float>, k: Int, maximumIterations: Int = 100, using random: RandomSource
    ) -> Result {
        let centroids = seeds(points, k: k, using: random)
        var (assignments, _) = assign(points, to: centroids)
        var objectives = [objective(points, centroids, assignments)]
        var converged = false
        for _ in 0..<maximumIterations {
            update(centroids, from: points, assignments: assignments)
            let (next, _) = assign(points, to: centroids)
            objectives.append(objective(points, centroids, next))
            converged = next == assignments
            assignments = next
            if converged { break }
        }
        return Result(centroids: centroids, assignments: assignments, objectives: objectives, converged: converged)
    }
    // [end: k-means]

    /// k-means++ seeds: k rows of `points` (distinct unless rows repeat), each drawn with
    /// probability proportional to its squared distance from the seeds so far.
    public static func seeds(_ points: Matrix<Float>, k: Int, using random: RandomSource) -> Matrix<Float> {
        let n = points.rows, d = points.columns
        precondition(k >= 1 && k <= n, "k-means needs 1 ≤ k ≤ rows, got k = \(k) for \(n) rows")
        let norms = ParzenWindow.squaredNorms(points)
        let centroids = Matrix<Float>(rows: k, columns: d)
        var nearest = [Double](repeating: .infinity, count: n)
        let dots = Matrix<Float>(rows: n, columns: 1)
        var chosen = random.index(below: n)
        for j in 0..<k {
            (centroids.base + j * d).update(from: points.base + chosen * d, count: d)
            if j == k - 1 { break }
            // Distances from every row to the new seed: one matrix–vector product.
            let seed = Matrix<Float>(viewing: centroids.base + j * d, rows: 1, columns: d)
            Matrix.multiply(points, transposed: false, seed, transposed: true, into: dots)
            var total = 0.0
            for i in 0..<n {
                let squared = max(Double(norms[i]) - 2 * Double(dots.storage[i]) + Double(norms[chosen]), 0)
                nearest[i] = min(nearest[i], squared)
                total += nearest[i]
            }
            nearest[chosen] = 0  // never drawn again, even if rounding left it above 0
            chosen = total > 0 ? draw(proportionalTo: nearest, total: total, using: random)
                               : random.index(below: n)  // every row coincides with a seed: no weight to follow
        }
        return centroids
    }

    /// An index i with probability weights[i] / total (inverse CDF). Rows of
    /// weight 0 are never returned, even when the uniform draw is 0.
    private static func draw(proportionalTo weights: [Double], total: Double, using random: RandomSource) -> Int {
        let target = random.uniform() * total
        var cumulative = 0.0
        var last = 0
        for (i, w) in weights.enumerated() where w > 0 {
            cumulative += w
            last = i
            if cumulative > target { return i }
        }
        return last  // rounding left the sum a hair short of `total`
    }

    /// Each row's nearest centroid and its squared distance, from one matrix
    /// product: ‖x‖² is the same for every centroid, so argmin_j (‖c_j‖² − 2 x·c_j).
    public static func assign(_ points: Matrix<Float>, to centroids: Matrix<Float>) -> (assignments: [Int], squaredDistances: [Float]) {
        precondition(points.columns == centroids.columns,
                     "points have \(points.columns) dimensions, centroids \(centroids.columns)")
        let n = points.rows, k = centroids.rows
        let norms = ParzenWindow.squaredNorms(points), centroidNorms = ParzenWindow.squaredNorms(centroids)
        let products = Matrix<Float>(rows: n, columns: k)
        Matrix.multiply(points, transposed: false, centroids, transposed: true, into: products, alpha: -2)
        var assignments = [Int](repeating: 0, count: n)
        var distances = [Float](repeating: 0, count: n)
        assignments.withUnsafeMutableBufferPointer { assignments in
            distances.withUnsafeMutableBufferPointer { distances in
                concurrentChunks(n, minimumPiece: 64) { rows in
                    for i in rows {
                        let row = products.base + i * k
                        var best = 0, bestValue = Float.infinity
                        for j in 0..<k where row[j] + centroidNorms[j] < bestValue {
                            best = j
                            bestValue = row[j] + centroidNorms[j]
                        }
                        assignments[i] = best
                        distances[i] = max(bestValue + norms[i], 0)
                    }
                }
            }
        }
        return (assignments, distances)
    }

    /// Moves each centroid to the mean of its rows, summed in Double. A
    /// cluster left empty keeps its centroid: that leaves J unchanged, so J
    /// still never increases (re-seeding it elsewhere could raise J).
    static func update(_ centroids: Matrix<Float>, from points: Matrix<Float>, assignments: [Int]) {
        let k = centroids.rows, d = points.columns
        let sums = Matrix<Double>(rows: k, columns: d)
        var counts = [Int](repeating: 0, count: k)
        for (i, j) in assignments.enumerated() {
            counts[j] += 1
            let source = points.base + i * d, target = sums.base + j * d
            for c in 0..<d { target[c] += Double(source[c]) }
        }
        for j in 0..<k where counts[j] > 0 {
            let scale = 1 / Double(counts[j])
            for c in 0..<d { centroids[j, c] = Float(sums[j, c] * scale) }
        }
    }

    /// J = Σ_n ‖x_n − c_{a(n)}‖², computed directly in Double (not from the
    /// matrix product) so that it is a faithful record of the objective.
    public static func objective(_ points: Matrix<Float>, _ centroids: Matrix<Float>, _ assignments: [Int]) -> Double {
        precondition(assignments.count == points.rows, "one assignment per row: \(assignments.count) for \(points.rows)")
        let d = points.columns
        var total = 0.0
        for (i, j) in assignments.enumerated() {
            precondition(j >= 0 && j < centroids.rows, "assignment \(j) of row \(i) outside 0..<\(centroids.rows)")
            let x = points.base + i * d, c = centroids.base + j * d
            for col in 0..<d {
                let delta = Double(x[col]) - Double(c[col])
                total += delta * delta
            }
        }
        return total
    }
}
