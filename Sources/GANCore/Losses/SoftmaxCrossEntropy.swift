/// The mean softmax cross-entropy of a batch of logits against class labels,
/// with its gradient.
///
/// Row i of the logits is z_i (one entry per class), y_i its label, m the
/// batch size and c_i = max_k z_ik:
/// ```
/// p_ik     = exp(z_ik − c_i) / Σ_k' exp(z_ik' − c_i)             (softmax)
/// L        = (1/m) Σ_i −log p_{i y_i}
///          = (1/m) Σ_i [ c_i + log Σ_k exp(z_ik − c_i) − z_{i y_i} ]
/// ∂L/∂z_ik = (p_ik − 1[k = y_i]) / m
/// ```
/// The gradient, for one row: ℓ = log Σ_k exp(z_k) − z_y, and
/// ∂/∂z_k log Σ_k' exp(z_k') = exp(z_k) / Σ_k' exp(z_k') = p_k while
/// ∂(−z_y)/∂z_k = −1[k = y]; the mean over rows divides each by m.
/// Subtracting c_i changes nothing in value (it cancels between the two
/// terms) but keeps every exponent ≤ 0, so exp cannot overflow, and the sum is
/// at least 1, so log never sees 0: the log-sum-exp trick.
///
/// - Source: the negative log-likelihood of a softmax (multinoulli) output
///   unit; Goodfellow, Bengio & Courville, *Deep Learning* (2016), §6.2.2.3.
///   Not part of the GAN paper: Chapter 6 uses it to train the classifier
///   that measures the generator's samples.
public enum SoftmaxCrossEntropy {
    // [excerpt: softmax-cross-entropy]
    /// L for `logits` (m×K, one example per row) and `labels` (m classes in
    /// 0..<K); writes ∂L/∂logits into `gradient`, an m×K buffer the caller
    /// keeps from step to step.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func loss<Scalar: BLASScalar>(
        logits: Matrix<Scalar>, labels: [Int], gradient: Matrix<Scalar>
    ) -> Scalar {
        let (m, classes) = (logits.rows, logits.columns)
        precondition(m > 0 && classes > 0, "SoftmaxCrossEntropy needs at least one row and one class")
        precondition(labels.count == m, "SoftmaxCrossEntropy: \(m) rows of logits but \(labels.count) labels")
        precondition(gradient.rows == m && gradient.columns == classes,
                     "SoftmaxCrossEntropy: gradient must be \(m)×\(classes), is \(gradient.rows)×\(gradient.columns)")
        let inverseM = 1 / Scalar(m)
        var total: Scalar = 0
        for i in 0..<m {
            let y = labels[i]
            precondition((0..<classes).contains(y), "SoftmaxCrossEntropy: label \(y) of row \(i) is not in 0..<\(classes)")
            let z = logits.base + i * classes, g = gradient.base + i * classes
            var c = z[0]
            for k in 1..<classes { c = max(c, z[k]) }
            var sum: Scalar = 0
            for k in 0..<classes {
                let e = Scalar.exp(z[k] - c)
                g[k] = e
                sum += e
            }
            total += c + Scalar.log(sum) - z[y]
            // g ← (p − onehot)/m, with p = e/sum.
            let scale = inverseM / sum
            for k in 0..<classes { g[k] *= scale }
            g[y] -= inverseM
        }
        return total * inverseM
    }
    // [end: softmax-cross-entropy]
}
