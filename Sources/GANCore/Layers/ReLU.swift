/// Rectified linear units, `y = max(0, x)`, element-wise.
///
/// ```
/// backward:  ∂L/∂x = ∂L/∂y · 1[x > 0]
/// ```
public final class ReLU<Scalar: BLASScalar>: ParameterFreeLayer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    private var output: Matrix<Scalar>?
    private var inputGradient: Matrix<Scalar>?

    public init(_ width: Int) { inputWidth = width }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputWidth, "ReLU expects \(inputWidth) inputs, got \(x.columns)")
        let y = Matrix.reusing(output, rows: x.rows, columns: inputWidth)
        output = y
        let xs = x.base, ys = y.base
        for i in 0..<x.count { ys[i] = max(xs[i], 0) }
        return y
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar> {
        guard let y = output else { preconditionFailure("ReLU.backward before forward") }
        let dx = Matrix.reusing(inputGradient, rows: y.rows, columns: inputWidth)
        inputGradient = dx
        // y > 0 exactly where x > 0, so the kept output serves as the mask.
        let ys = y.base, dys = dy.base, dxs = dx.base
        for i in 0..<y.count { dxs[i] = ys[i] > 0 ? dys[i] : 0 }
        return dx
    }
}
