/// Dropout on a layer's input, as in the authors' discriminator.
///
/// While training, each entry is kept with probability `keep` and scaled by
/// `scale`; the authors use scale = 1/keep (input: keep 0.8, scale 1.25;
/// hidden layers: keep 0.5, scale 2), so the expected input is unchanged and
/// evaluation is the identity.
/// ```
/// forward:   y = x ⊙ m · scale,   m_ij ~ Bernoulli(keep)
/// backward:  ∂L/∂x = ∂L/∂y ⊙ m · scale
/// ```
public final class Dropout<Scalar: BLASScalar>: ParameterFreeLayer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    public let keep: Double
    public let scale: Scalar
    /// Off for evaluation: the layer passes its input through.
    public var isTraining = true
    /// Reuse the last mask instead of drawing a new one, so a function of the
    /// parameters is deterministic for finite differences.
    public var holdsMask = false

    private let random: RandomSource
    private var mask: Matrix<Scalar>?
    private var output: Matrix<Scalar>?
    private var inputGradient: Matrix<Scalar>?

    public init(_ width: Int, keep: Double, scale: Double? = nil, random: RandomSource) {
        precondition(keep > 0 && keep <= 1, "Dropout keep probability must be in (0, 1], got \(keep)")
        inputWidth = width
        self.keep = keep
        self.scale = Scalar(scale ?? 1 / keep)
        self.random = random
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputWidth, "Dropout expects \(inputWidth) inputs, got \(x.columns)")
        guard isTraining else { return x }
        let y = Matrix.reusing(output, rows: x.rows, columns: inputWidth)
        output = y
        let m: Matrix<Scalar>
        if holdsMask, let held = mask, held.rows == x.rows {
            m = held
        } else {
            m = Matrix.reusing(mask, rows: x.rows, columns: inputWidth)
            mask = m
            for i in 0..<m.count { m.storage[i] = random.uniform() < keep ? scale : 0 }
        }
        let xs = x.base, ms = m.base, ys = y.base
        for i in 0..<x.count { ys[i] = xs[i] * ms[i] }
        return y
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar> {
        guard isTraining else { return dy }
        guard let m = mask else { preconditionFailure("Dropout.backward before forward") }
        let dx = Matrix.reusing(inputGradient, rows: m.rows, columns: inputWidth)
        inputGradient = dx
        let ms = m.base, dys = dy.base, dxs = dx.base
        for i in 0..<m.count { dxs[i] = dys[i] * ms[i] }
        return dx
    }
}
