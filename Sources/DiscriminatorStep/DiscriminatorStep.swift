import GANCore

/// The inner loop of Algorithm 1: one ascent step of D on a minibatch, G fixed.
///
/// ```
/// θ_d ← θ_d + step( ∇θ_d V̂ ),   V̂ = (1/m) Σ_i [ log D(x⁽ⁱ⁾) + log(1 − D(G(z⁽ⁱ⁾))) ]
/// ```
/// The real and the generated samples go through D together, stacked into
/// one batch of 2m rows (real on top): θ_d is shared by both terms of V̂, so
/// one backward pass over the stack gives the gradient of their sum, and
/// each matrix product is twice as tall, which BLAS runs faster per row.
/// - Paper: Algorithm 1 (inner loop), Eq. (1).
public final class DiscriminatorStep<Scalar: BLASScalar> {
    /// What one evaluation of V̂ found.
    public struct Objective: Sendable {
        /// V̂, times `objectiveScale`.
        public let value: Double
        /// (1/m) Σ D(x⁽ⁱ⁾): how real D finds the real samples.
        public let meanRealProbability: Double
        /// (1/m) Σ D(G(z⁽ⁱ⁾)): how real D finds the generated samples.
        public let meanGeneratedProbability: Double
    }

    public let discriminator: MultilayerPerceptron<Scalar>
    public let optimiser: MomentumSGD<Scalar>
    /// Multiplies V̂: 1 in Algorithm 1; ½ in the authors' released code,
    /// which minimises half the sum of the two cross-entropies (Chapter 4).
    public var objectiveScale: Scalar = 1

    /// D's logits for the latest minibatch, real rows then generated rows:
    /// the simultaneous update reuses this forward pass for G's gradient. A
    /// buffer of D's, overwritten by its next forward pass.
    public private(set) var logits: Matrix<Scalar>?
    /// The rows of `logits` (and of D's latest forward pass) that hold G(z⁽¹⁾)…G(z⁽ᵐ⁾).
    public private(set) var generatedRows = 0..<0

    private var stacked: Matrix<Scalar>?
    private var logitGradient: Matrix<Scalar>?

    public init(discriminator: MultilayerPerceptron<Scalar>) {
        precondition(discriminator.outputWidth == 1, "the discriminator must output one logit, got \(discriminator.outputWidth)")
        self.discriminator = discriminator
        optimiser = MomentumSGD(parameterCount: discriminator.parameterCount)
    }

    // [excerpt: compute-gradient]
    /// Fills `discriminator.gradients` with ∇θ_d of the scaled V̂ and returns the objective.
    ///
    /// `real` holds x⁽¹⁾…x⁽ᵐ⁾ and `generated` holds G(z⁽¹⁾)…G(z⁽ᵐ⁾), one per row.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func computeGradient(real: Matrix<Scalar>, generated: Matrix<Scalar>) -> Objective {
        let objective = forward(real: real, generated: generated)
        // One backward pass over all 2m rows: Σ over real rows + Σ over generated rows.
        discriminator.backward(logitGradient!, inputGradient: false)
        return objective
    }
    // [end: compute-gradient]

    /// V̂ on a minibatch, without touching any gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func evaluate(real: Matrix<Scalar>, generated: Matrix<Scalar>) -> Objective {
        forward(real: real, generated: generated)
    }

    // [excerpt: ascent-step]
    /// One step of Algorithm 1's inner loop: the gradient, then an ascent step with momentum.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func step(real: Matrix<Scalar>, generated: Matrix<Scalar>, learningRate: Scalar, momentum: Scalar) -> Objective {
        let result = computeGradient(real: real, generated: generated)
        optimiser.step(discriminator, learningRate: learningRate, momentum: momentum, direction: .ascend)
        return result
    }
    // [end: ascent-step]

    /// D forward on the stacked minibatch; fills `logitGradient` with ∂V̂/∂a for every row.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func forward(real: Matrix<Scalar>, generated: Matrix<Scalar>) -> Objective {
        precondition(real.rows == generated.rows && real.rows > 0, "real and generated minibatches must both have m > 0 rows")
        precondition(real.columns == generated.columns, "real and generated samples differ in width")
        let m = real.rows
        // [excerpt: stacked-batch]
        // One batch of 2m rows: x⁽¹⁾…x⁽ᵐ⁾, then G(z⁽¹⁾)…G(z⁽ᵐ⁾).
        let batch = Matrix.reusing(stacked, rows: 2 * m, columns: real.columns)
        stacked = batch
        batch.base.update(from: real.base, count: real.count)
        (batch.base + real.count).update(from: generated.base, count: generated.count)
        let logits = discriminator.forward(batch)
        // [end: stacked-batch]
        self.logits = logits
        generatedRows = m..<(2 * m)
        let delta = Matrix.reusing(logitGradient, rows: 2 * m, columns: 1)
        logitGradient = delta
        let scale = objectiveScale / Scalar(m)
        var realLogTerms = 0.0, generatedLogTerms = 0.0, realProbabilities = 0.0, generatedProbabilities = 0.0
        for i in 0..<(2 * m) {
            let a = logits.storage[i]
            // [excerpt: logit-gradient]
            // ∂V̂/∂a for one sample: (1/m)(1 − D(x)) for a real one (rows 0..<m),
            // −(1/m) D(G(z)) for a generated one (rows m..<2m).
            if i < m {
                realLogTerms += Double(LogTerms.logD(logit: a))
                delta.storage[i] = scale * LogTerms.logDDerivative(logit: a)
                realProbabilities += Double(sigmoid(a))
            } else {
                generatedLogTerms += Double(LogTerms.logOneMinusD(logit: a))
                delta.storage[i] = scale * LogTerms.logOneMinusDDerivative(logit: a)
                generatedProbabilities += Double(sigmoid(a))
            }
            // [end: logit-gradient]
        }
        let n = Double(m)
        return Objective(
            value: Double(objectiveScale) * (realLogTerms + generatedLogTerms) / n,
            meanRealProbability: realProbabilities / n,
            meanGeneratedProbability: generatedProbabilities / n)
    }
}
