import GANCore

/// A layer that carries a condition c past another layer, so that a chain of
/// layers can hand c from its input to its output: §7's "adding c as input
/// to both G and D".
///
/// The last k columns of a row are c. The inner layer f reads either the
/// rest u, or the whole row when it is to read c too:
/// ```
/// forward:   [u | c]  ↦  [f(u) | c]            or  [f([u | c]) | c]
/// backward:  ∂L/∂u = f′ᵀ ∂L/∂f,  ∂L/∂c = ∂L/∂c_out   (+ f's gradient in c, when f reads it)
/// ```
/// c is data, not a parameter, so ∂L/∂c matters only to the gradient checks;
/// it is computed anyway, so the layer is an honest function of its input.
public final class ConditionedLayer<Scalar: BLASScalar>: WrappingLayer {
    public let inner: any Layer<Scalar>
    /// k, the width of c.
    public let conditionWidth: Int
    /// Whether f reads c as well as u.
    public let innerReadsCondition: Bool

    public var inputWidth: Int { innerReadsCondition ? inner.inputWidth : inner.inputWidth + conditionWidth }
    public var outputWidth: Int { inner.outputWidth + conditionWidth }
    public var parameterCount: Int { inner.parameterCount }

    private var innerInput: Matrix<Scalar>?
    private var output: Matrix<Scalar>?
    private var innerOutputGradient: Matrix<Scalar>?
    private var inputGradient: Matrix<Scalar>?
    private var rows = 0

    public init(_ inner: any Layer<Scalar>, conditionWidth: Int, innerReadsCondition: Bool = false) {
        precondition(conditionWidth > 0, "a condition needs at least one column")
        precondition(!innerReadsCondition || inner.inputWidth > conditionWidth,
                     "an inner layer that reads c takes u and c: \(inner.inputWidth) inputs for a condition of \(conditionWidth)")
        self.inner = inner
        self.conditionWidth = conditionWidth
        self.innerReadsCondition = innerReadsCondition
    }

    public func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>) {
        inner.bind(parameters: parameters, gradients: gradients)
    }

    // [excerpt: conditioned-forward]
    public func forward(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputWidth, "ConditionedLayer expects \(inputWidth) inputs, got \(x.columns)")
        rows = x.rows
        let k = conditionWidth, n = inputWidth
        let f: Matrix<Scalar>
        if innerReadsCondition {
            f = inner.forward(x)
        } else {
            let u = Matrix.reusing(innerInput, rows: x.rows, columns: n - k)
            innerInput = u
            for r in 0..<x.rows { (u.base + r * (n - k)).update(from: x.base + r * n, count: n - k) }
            f = inner.forward(u)
        }
        let y = Matrix.reusing(output, rows: x.rows, columns: outputWidth)
        output = y
        let o = inner.outputWidth
        for r in 0..<x.rows {
            (y.base + r * outputWidth).update(from: f.base + r * o, count: o)
            (y.base + r * outputWidth + o).update(from: x.base + r * n + n - k, count: k)
        }
        return y
    }
    // [end: conditioned-forward]

    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar> {
        precondition(dy.rows == rows && dy.columns == outputWidth, "ConditionedLayer.backward: gradient shape mismatch")
        let k = conditionWidth, n = inputWidth, o = inner.outputWidth
        let df = Matrix.reusing(innerOutputGradient, rows: rows, columns: o)
        innerOutputGradient = df
        for r in 0..<rows { (df.base + r * o).update(from: dy.base + r * outputWidth, count: o) }
        let dInner = inner.backward(df, parameterGradients: parameterGradients)
        let dx = Matrix.reusing(inputGradient, rows: rows, columns: n)
        inputGradient = dx
        for r in 0..<rows {
            let row = dx.base + r * n, passed = dy.base + r * outputWidth + o
            if innerReadsCondition {
                row.update(from: dInner.base + r * n, count: n)
                for j in 0..<k { row[n - k + j] += passed[j] }
            } else {
                row.update(from: dInner.base + r * (n - k), count: n - k)
                (row + n - k).update(from: passed, count: k)
            }
        }
        return dx
    }
}
