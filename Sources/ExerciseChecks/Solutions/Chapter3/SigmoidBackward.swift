import GANCore

// [excerpt: sigmoid-backward]
/// The backward pass of G's sigmoid output layer, as `GANCore.Sigmoid`
/// computes it from its own output y = σ(x): ∂L/∂x = ∂L/∂y · y(1 − y).
func sigmoidBackward(output y: Matrix<Double>, outputGradient dy: Matrix<Double>) -> Matrix<Double> {
    Matrix(rows: y.rows, columns: y.columns, elements: zip(y.elements, dy.elements).map { y, g in g * y * (1 - y) })
}
// [end: sigmoid-backward]
