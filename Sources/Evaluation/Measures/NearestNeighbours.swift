import GANCore

/// The training example nearest each query, in squared Euclidean distance:
/// Figure 2's check that samples are not copies of the training set.
///
/// ```
/// argmin_j ‖q − t_j‖² = argmin_j ( ‖t_j‖² − 2 q·t_j )      (‖q‖² is the same for every j)
/// ```
/// so one matrix product per batch of references finds them all.
/// - Paper: §5, Figure 2 (rightmost column).
public enum NearestNeighbours {
    // [excerpt: nearest-neighbours]
    /// For each row of `queries`, the index of the nearest row of `references`
    /// and the squared distance to it.
    public static func search(
        _ queries: Matrix<Float>, in references: Matrix<Float>, batchSize: Int = 4096
    ) -> [(index: Int, squaredDistance: Double)] {
        precondition(queries.columns == references.columns, "queries and references differ in dimension")
        let queryNorms = ParzenWindow.squaredNorms(queries)
        var best = [(index: Int, squaredDistance: Double)](repeating: (-1, .infinity), count: queries.rows)
        var start = 0
        while start < references.rows {
            let rows = min(batchSize, references.rows - start)
            let batch = Matrix<Float>(viewing: references.base + start * references.columns, rows: rows, columns: references.columns)
            let norms = ParzenWindow.squaredNorms(batch)
            let dots = Matrix<Float>(rows: queries.rows, columns: rows)
            Matrix.multiply(queries, transposed: false, batch, transposed: true, into: dots)
            for q in 0..<queries.rows {
                for j in 0..<rows {
                    let squared = Double(queryNorms[q]) - 2 * Double(dots[q, j]) + Double(norms[j])
                    if squared < best[q].squaredDistance { best[q] = (start + j, max(squared, 0)) }
                }
            }
            start += rows
        }
        return best
    }
    // [end: nearest-neighbours]
}
