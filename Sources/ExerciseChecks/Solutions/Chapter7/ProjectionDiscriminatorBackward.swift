import GANCore

// [excerpt: projection-discriminator-backward]
/// The backward pass of a projection discriminator's output (Miyato and
/// Koyama 2018, arXiv:1802.05637): from features φᵢ and class yᵢ, the logit
/// is aᵢ = φᵢ·v + e_{yᵢ}·φᵢ, with v the output weights and e_c row c of the
/// class embedding. Given δᵢ = ∂L/∂aᵢ,
/// ```
/// ∂L/∂φᵢ = δᵢ (v + e_{yᵢ})        ∂L/∂e_c = Σ_{i: yᵢ = c} δᵢ φᵢ
/// ```
/// A class no sample of the batch belongs to gets a zero gradient.
func projectionDiscriminatorBackward(
    features phi: Matrix<Double>, classes: [Int], embedding e: Matrix<Double>, outputWeights v: [Double], logitGradient delta: [Double]
) -> (features: Matrix<Double>, embedding: Matrix<Double>) {
    let dPhi = Matrix<Double>(rows: phi.rows, columns: phi.columns)
    let dE = Matrix<Double>(rows: e.rows, columns: e.columns)
    for i in 0..<phi.rows {
        let c = classes[i]
        for j in 0..<phi.columns {
            dPhi[i, j] = delta[i] * (v[j] + e[c, j])
            dE[c, j] += delta[i] * phi[i, j]
        }
    }
    return (dPhi, dE)
}
// [end: projection-discriminator-backward]
