import GANCore

/// The inner loop of Algorithm 1: one ascent step of D on a minibatch, G fixed.
///
/// ```
/// θ_d ← θ_d + step( ∇θ_d V̂ ),   V̂ = (1/m) Σ_i [ log D(x⁽ⁱ⁾) + log(1 − D(G(z⁽ⁱ⁾))) ]
/// ```
/// The real and the generated halves go through D one after the other, m
/// rows each, so every layer buffer keeps the shape the generator step also
/// uses (m rows) and the steady-state step allocates nothing; the gradient
/// of the real half is kept aside and added to that of the generated half.
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

    /// D's logits for the generated half of the latest minibatch: the
    /// simultaneous update reuses this forward pass for G's gradient. A
    /// buffer of D's, overwritten by its next forward pass.
    public private(set) var generatedLogits: Matrix<Scalar>?

    private var logitGradient: Matrix<Scalar>?
    private let realGradient: Matrix<Scalar>

    public init(discriminator: MultilayerPerceptron<Scalar>) {
        precondition(discriminator.outputWidth == 1, "the discriminator must output one logit, got \(discriminator.outputWidth)")
        self.discriminator = discriminator
        optimiser = MomentumSGD(parameterCount: discriminator.parameterCount)
        realGradient = Matrix(rows: 1, columns: discriminator.parameterCount)
    }

    // [excerpt: compute-gradient]
    /// Fills `discriminator.gradients` with ∇θ_d of the scaled V̂ and returns the objective.
    ///
    /// `real` holds x⁽¹⁾…x⁽ᵐ⁾ and `generated` holds G(z⁽¹⁾)…G(z⁽ᵐ⁾), one per row.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func computeGradient(real: Matrix<Scalar>, generated: Matrix<Scalar>) -> Objective {
        precondition(real.rows == generated.rows && real.rows > 0, "real and generated minibatches must both have m > 0 rows")
        let realHalf = half(real, isReal: true, backward: true)
        realGradient.assign(discriminator.gradients)
        let generatedHalf = half(generated, isReal: false, backward: true)
        let g = discriminator.gradients.base, r = realGradient.base
        for i in 0..<discriminator.parameterCount { g[i] += r[i] }
        return objective(realHalf, generatedHalf, m: real.rows)
    }
    // [end: compute-gradient]

    /// V̂ on a minibatch, without touching any gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func evaluate(real: Matrix<Scalar>, generated: Matrix<Scalar>) -> Objective {
        precondition(real.rows == generated.rows && real.rows > 0, "real and generated minibatches must both have m > 0 rows")
        return objective(
            half(real, isReal: true, backward: false), half(generated, isReal: false, backward: false), m: real.rows)
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

    /// Forward (and backward) of one half; returns (Σ log term, Σ D).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func half(_ batch: Matrix<Scalar>, isReal: Bool, backward: Bool) -> (logTerms: Double, probabilities: Double) {
        let logits = discriminator.forward(batch)
        if !isReal { generatedLogits = logits }
        let m = batch.rows
        let delta = Matrix.reusing(logitGradient, rows: m, columns: 1)
        logitGradient = delta
        let scale = objectiveScale / Scalar(m)
        var logTerms = 0.0, probabilities = 0.0
        for i in 0..<m {
            let a = logits.storage[i]
            // [excerpt: logit-gradient]
            // ∂V̂/∂a for one sample: (1/m)(1 − D(x)) for a real one, −(1/m) D(G(z)) for a generated one.
            if isReal {
                logTerms += Double(LogTerms.logD(logit: a))
                delta.storage[i] = scale * LogTerms.logDDerivative(logit: a)
            } else {
                logTerms += Double(LogTerms.logOneMinusD(logit: a))
                delta.storage[i] = scale * LogTerms.logOneMinusDDerivative(logit: a)
            }
            // [end: logit-gradient]
            probabilities += Double(sigmoid(a))
        }
        if backward { discriminator.backward(delta, inputGradient: false) }
        return (logTerms, probabilities)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private func objective(_ real: (logTerms: Double, probabilities: Double), _ generated: (logTerms: Double, probabilities: Double), m: Int) -> Objective {
        let n = Double(m)
        return Objective(
            value: Double(objectiveScale) * (real.logTerms + generated.logTerms) / n,
            meanRealProbability: real.probabilities / n,
            meanGeneratedProbability: generated.probabilities / n)
    }
}
