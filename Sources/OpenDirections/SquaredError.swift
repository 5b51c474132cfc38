import GANCore

/// Half the squared distance between predictions and targets, over the
/// entries a mask lets through, with its gradient.
///
/// With P and T (n×d), a mask w ∈ {0, 1}ᵈ shared by the rows (all ones when
/// none is given) and a scale s:
/// ```
/// L         = s · ½ Σ_i Σ_j w_j (P_ij − T_ij)²
/// ∂L/∂P_ij  = s · w_j (P_ij − T_ij)
/// ```
/// The inference net is fitted with s = 1/n (a mean over the minibatch);
/// the latent searches use s = 1, so that each row's z follows its own error
/// whatever the batch.
public enum SquaredError {
    // [excerpt: squared-error]
    /// L for `prediction` against `target`; writes ∂L/∂prediction into `gradient`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func loss<Scalar: BLASScalar>(
        prediction: Matrix<Scalar>, target: Matrix<Scalar>, mask: [Bool]? = nil, scale: Scalar = 1,
        gradient: Matrix<Scalar>
    ) -> Scalar {
        let (n, d) = (prediction.rows, prediction.columns)
        precondition(target.rows == n && target.columns == d && gradient.rows == n && gradient.columns == d,
                     "SquaredError: prediction, target and gradient must all be \(n)×\(d)")
        precondition(mask == nil || mask!.count == d, "SquaredError: a mask of \(mask!.count) for \(d) columns")
        var total: Scalar = 0
        for i in 0..<n {
            let p = prediction.base + i * d, t = target.base + i * d, g = gradient.base + i * d
            for j in 0..<d {
                let e = mask?[j] == false ? 0 : p[j] - t[j]
                g[j] = scale * e
                total += e * e
            }
        }
        return scale * total / 2
    }
    // [end: squared-error]
}
