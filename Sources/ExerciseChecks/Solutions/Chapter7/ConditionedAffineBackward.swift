import GANCore

// [excerpt: conditioned-affine-backward]
/// The backward pass of `ConditionedLayer` around an affine map that reads u
/// only: the forward pass maps a row [u | c] (c its last k columns) to
/// [u W + b | c], so
/// ```
/// ∂L/∂u = ∂L/∂f Wᵀ        ∂L/∂c = ∂L/∂c_out   (c is copied, so its gradient is passed back)
/// ```
func conditionedAffineBackward(
    input x: Matrix<Double>, weights w: Matrix<Double>, conditionWidth k: Int, outputGradient dy: Matrix<Double>
) -> Matrix<Double> {
    let (i, o) = (w.rows, w.columns)
    let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
    for r in 0..<x.rows {
        for a in 0..<i { dx[r, a] = (0..<o).reduce(0.0) { $0 + dy[r, $1] * w[a, $1] } }
        for j in 0..<k { dx[r, i + j] = dy[r, o + j] }
    }
    return dx
}
// [end: conditioned-affine-backward]

// [excerpt: condition-reading-affine-backward]
/// The same layer when the affine map reads c as well: [u | c] ↦ [[u | c] W + b | c],
/// W with i + k rows. c reaches the output twice, through W and copied, and
/// its gradient is the sum of both:
/// ```
/// ∂L/∂[u | c] = ∂L/∂f Wᵀ + [0 | ∂L/∂c_out]
/// ```
func conditionReadingAffineBackward(
    input x: Matrix<Double>, weights w: Matrix<Double>, conditionWidth k: Int, outputGradient dy: Matrix<Double>
) -> Matrix<Double> {
    let (n, o) = (w.rows, w.columns)
    let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
    for r in 0..<x.rows {
        for a in 0..<n { dx[r, a] = (0..<o).reduce(0.0) { $0 + dy[r, $1] * w[a, $1] } }
        for j in 0..<k { dx[r, n - k + j] += dy[r, o + j] }
    }
    return dx
}
// [end: condition-reading-affine-backward]
