import GANCore

/// Views of a network as functions of a flat vector, for the gradient checker.
extension MultilayerPerceptron where Scalar == Double {
    /// Runs `body` with θ temporarily replaced by `theta`, then restores θ.
    public func with<R>(parameters theta: [Double], _ body: () -> R) -> R {
        let saved = parameters.elements
        _ = parameters.storage.update(fromContentsOf: theta)
        defer { _ = parameters.storage.update(fromContentsOf: saved) }
        return body()
    }
}

/// Σ_ij R_ij · Y_ij: a scalar whose gradient with respect to Y is R. Checking
/// a layer through a random projection R checks its whole Jacobian product.
public func projection(_ y: Matrix<Double>, _ r: Matrix<Double>) -> Double {
    precondition(y.rows == r.rows && y.columns == r.columns, "projection: shapes differ")
    var total = 0.0
    for i in 0..<y.count { total += y.storage[i] * r.storage[i] }
    return total
}
