import GANCore

/// Points on the straight line between two noise vectors, for Figure 3.
///
/// ```
/// z(t) = (1 − t)·z_a + t·z_b,   t = 0, 1/(n−1), …, 1
/// ```
/// - Paper: §5, Figure 3 ("linearly interpolating between coordinates in z space").
public enum Interpolation {
    // [excerpt: interpolation]
    public static func line(from a: [Float], to b: [Float], steps: Int) -> Matrix<Float> {
        precondition(a.count == b.count && steps >= 2, "need two points of one dimension and at least 2 steps")
        let z = Matrix<Float>(rows: steps, columns: a.count)
        for i in 0..<steps {
            let t = Float(i) / Float(steps - 1)
            for j in 0..<a.count { z[i, j] = (1 - t) * a[j] + t * b[j] }
        }
        return z
    }
    // [end: interpolation]
}
