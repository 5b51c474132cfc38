import GANCore

// [excerpt: affine-backward]
/// The affine layer's backward pass, as `GANCore.Affine` computes it, for
/// Y = X W + 1 bᵀ with X: n×i, W: i×o:
/// ```
/// ∂L/∂X = ∂L/∂Y Wᵀ      ∂L/∂W = Xᵀ ∂L/∂Y      ∂L/∂b = Σ_rows ∂L/∂Y
/// ```
func affineBackward(
    input x: Matrix<Double>, weights w: Matrix<Double>, outputGradient dy: Matrix<Double>
) -> (input: Matrix<Double>, weights: Matrix<Double>, bias: [Double]) {
    let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
    let dw = Matrix<Double>(rows: w.rows, columns: w.columns)
    Matrix.multiply(dy, transposed: false, w, transposed: true, into: dx)
    Matrix.multiply(x, transposed: true, dy, transposed: false, into: dw)
    let db = (0..<dy.columns).map { j in (0..<dy.rows).reduce(0.0) { $0 + dy[$1, j] } }
    return (dx, dw, db)
}
// [end: affine-backward]
