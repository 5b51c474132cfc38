/// The logistic sigmoid, `y = σ(x) = 1 / (1 + e^(−x))`, element-wise.
///
/// ```
/// backward:  ∂L/∂x = ∂L/∂y · y (1 − y)
/// ```
/// The generator's output layer: pixel intensities in (0, 1).
public final class Sigmoid<Scalar: BLASScalar>: ParameterFreeLayer {
    public let inputWidth: Int
    public var outputWidth: Int { inputWidth }
    private var output: Matrix<Scalar>?
    private var inputGradient: Matrix<Scalar>?

    public init(_ width: Int) { inputWidth = width }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputWidth, "Sigmoid expects \(inputWidth) inputs, got \(x.columns)")
        let y = Matrix.reusing(output, rows: x.rows, columns: inputWidth)
        output = y
        if Scalar.self == Float.self {
            // Eight at a time: the generator's output layer is 784 sigmoids a sample.
            sigmoidInPlace(UnsafeMutableRawPointer(y.base).assumingMemoryBound(to: Float.self),
                           from: UnsafeRawPointer(x.base).assumingMemoryBound(to: Float.self), count: x.count)
        } else {
            let xs = x.base, ys = y.base
            for i in 0..<x.count { ys[i] = sigmoid(xs[i]) }
        }
        return y
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar> {
        guard let y = output else { preconditionFailure("Sigmoid.backward before forward") }
        let dx = Matrix.reusing(inputGradient, rows: y.rows, columns: inputWidth)
        inputGradient = dx
        let ys = y.base, dys = dy.base, dxs = dx.base
        for i in 0..<y.count { dxs[i] = dys[i] * ys[i] * (1 - ys[i]) }
        return dx
    }
}

/// y = σ(x) for `count` Floats: 1 / (1 + e^(−x)) eight lanes at a time.
///
/// `exponential` clamps its argument to [−86, 88], so e^(−x) never
/// overflows: σ saturates at 1 above x = 86 and at about 6·10⁻³⁹ below
/// x = −88, where the exact value is a subnormal Float or 0.
private func sigmoidInPlace(_ y: UnsafeMutablePointer<Float>, from x: UnsafePointer<Float>, count: Int) {
    let whole = count / 8 * 8
    let input = UnsafeRawPointer(x), output = UnsafeMutableRawPointer(y)
    for i in stride(from: 0, to: whole, by: 8) {
        let v = input.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
        output.storeBytes(of: 1 / (1 + exponential(-v)), toByteOffset: i * 4, as: SIMD8<Float>.self)
    }
    for i in whole..<count { y[i] = sigmoid(x[i]) }
}

/// σ(x), evaluated without overflow for large |x|.
@inlinable
public func sigmoid<Scalar: BLASScalar>(_ x: Scalar) -> Scalar {
    if x >= 0 {
        return 1 / (1 + Scalar.exp(-x))
    }
    let e = Scalar.exp(x)
    return e / (1 + e)
}
