import GANCore

// [excerpt: sample-gradient]
/// ∂L/∂xᵢ for the non-saturating loss L = −(1/m) Σ log σ(aᵢ) through a
/// logistic D, aᵢ = xᵢ·w + c: the logit's gradient −σ(−aᵢ)/m, times
/// ∂aᵢ/∂xᵢ = w, row by row. This is what G's backward pass receives.
func sampleGradient(samples x: Matrix<Double>, weights w: [Double], bias c: Double) -> Matrix<Double> {
    let m = Double(x.rows)
    let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
    for i in 0..<x.rows {
        let a = (0..<x.columns).reduce(c) { $0 + x[i, $1] * w[$1] }
        let delta = -LogTerms.logDDerivative(logit: a) / m
        for j in 0..<x.columns { dx[i, j] = delta * w[j] }
    }
    return dx
}
// [end: sample-gradient]
