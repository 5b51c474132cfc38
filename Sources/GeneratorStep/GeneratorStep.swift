import GANCore

/// The outer step of Algorithm 1: one descent step of G through a fixed D.
///
/// ```
/// θ_g ← θ_g − step( ∇θ_g L ),   L = (1/m) Σ_i ℓ(a(G(z⁽ⁱ⁾)))
/// ∇θ_g L = Σ_i (∂G(z⁽ⁱ⁾)/∂θ_g)ᵀ (∂a/∂x)ᵀ ℓ′(a) / m
/// ```
/// ℓ is the chosen `GeneratorLoss`. The gradient flows through D, which is
/// only read: D's backward pass runs with `parameterGradients: false`, so
/// neither D's parameters nor its gradient buffer change.
/// - Paper: Algorithm 1 (outer step), §3.
public final class GeneratorStep<Scalar: BLASScalar> {
    /// What one evaluation of L found.
    public struct Result: Sendable {
        /// L, the mean loss over the minibatch.
        public let value: Double
        /// (1/m) Σ D(G(z⁽ⁱ⁾)).
        public let meanGeneratedProbability: Double
    }

    public let generator: MultilayerPerceptron<Scalar>
    public let discriminator: MultilayerPerceptron<Scalar>
    public let optimiser: MomentumSGD<Scalar>
    public var loss: GeneratorLoss

    private var logitGradient: Matrix<Scalar>?
    private var generatedRowsView: Matrix<Scalar>?

    public init(generator: MultilayerPerceptron<Scalar>, discriminator: MultilayerPerceptron<Scalar>, loss: GeneratorLoss) {
        precondition(generator.outputWidth == discriminator.inputWidth,
                     "G outputs \(generator.outputWidth) values, D takes \(discriminator.inputWidth)")
        precondition(discriminator.outputWidth == 1, "the discriminator must output one logit")
        self.generator = generator
        self.discriminator = discriminator
        self.loss = loss
        optimiser = MomentumSGD(parameterCount: generator.parameterCount)
    }

    // [excerpt: generator-gradient]
    /// Fills `generator.gradients` with ∇θ_g L for the noise minibatch `noise` (m × width of z).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func computeGradient(noise: Matrix<Scalar>) -> Result {
        let samples = generator.forward(noise)
        let logits = discriminator.forward(samples)
        return backpropagate(logits: logits)
    }

    /// The backward half: from D's logits on G's latest samples down into θ_g.
    ///
    /// `logits` is D's output from its latest forward pass; G's samples are
    /// its rows `generatedRows` (all of them, unless that pass also carried
    /// real samples). The simultaneous update of Chapter 4 calls it on the
    /// discriminator step's stacked pass; the real rows get a zero gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func backpropagate(logits: Matrix<Scalar>, generatedRows: Range<Int>? = nil) -> Result {
        let rows = generatedRows ?? 0..<logits.rows
        let m = rows.count
        let delta = Matrix.reusing(logitGradient, rows: logits.rows, columns: 1)
        logitGradient = delta
        if rows.count != logits.rows { delta.fill(0) }
        var total = 0.0, probabilities = 0.0
        for i in rows {
            let a = logits.storage[i]
            total += Double(loss.value(logit: a))
            delta.storage[i] = loss.derivative(logit: a) / Scalar(m)
            probabilities += Double(sigmoid(a))
        }
        // ∂L/∂G(z): through D's layers, reading D's weights, writing none of its gradients.
        let inputGradient = discriminator.backward(delta, parameterGradients: false)!
        // z is noise: G's first layer needs no gradient with respect to it.
        generator.backward(sampleGradient(inputGradient, rows: rows), inputGradient: false)
        return Result(value: total / Double(m), meanGeneratedProbability: probabilities / Double(m))
    }
    // [end: generator-gradient]

    /// The rows of ∂L/∂(D's input) that belong to G's samples, as a view kept between steps.
    private func sampleGradient(_ all: Matrix<Scalar>, rows: Range<Int>) -> Matrix<Scalar> {
        if rows.count == all.rows { return all }
        let start = all.base + rows.lowerBound * all.columns
        if let view = generatedRowsView, view.base == start, view.rows == rows.count, view.columns == all.columns { return view }
        let view = Matrix(viewing: start, rows: rows.count, columns: all.columns)
        generatedRowsView = view
        return view
    }

    /// L on a noise minibatch, without touching any gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func evaluate(noise: Matrix<Scalar>) -> Result {
        let logits = discriminator.forward(generator.forward(noise))
        var total = 0.0, probabilities = 0.0
        for i in 0..<logits.rows {
            total += Double(loss.value(logit: logits.storage[i]))
            probabilities += Double(sigmoid(logits.storage[i]))
        }
        return Result(value: total / Double(logits.rows), meanGeneratedProbability: probabilities / Double(logits.rows))
    }

    // [excerpt: descent-step]
    /// One generator step of Algorithm 1: the gradient, then a descent step with momentum.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func step(noise: Matrix<Scalar>, learningRate: Scalar, momentum: Scalar) -> Result {
        let result = computeGradient(noise: noise)
        optimiser.step(generator, learningRate: learningRate, momentum: momentum, direction: .descend)
        return result
    }
    // [end: descent-step]
}
