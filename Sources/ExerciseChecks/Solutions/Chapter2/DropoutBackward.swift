import GANCore

// [excerpt: dropout-backward]
/// Dropout's backward pass, as `GANCore.Dropout` computes it: within a step
/// the mask μ is a constant, so y = x ⊙ μ · s gives ∂L/∂x = ∂L/∂y ⊙ μ · s.
func dropoutBackward(outputGradient dy: Matrix<Double>, mask: Matrix<Double>, scale: Double) -> Matrix<Double> {
    let dx = Matrix<Double>(rows: dy.rows, columns: dy.columns)
    for i in 0..<dy.count { dx.storage[i] = dy.storage[i] * mask.storage[i] * scale }
    return dx
}
// [end: dropout-backward]
