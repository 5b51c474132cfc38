/// Maxout units (Goodfellow et al. 2013), the discriminator's activation in §5.
///
/// The input holds `units × pieces` pre-activations, unit u's pieces in
/// columns u·pieces ..< (u+1)·pieces; each unit outputs the largest:
/// ```
/// forward:   y_u = max_p x_{u,p}
/// backward:  ∂L/∂x_{u,p} = ∂L/∂y_u if p is the winning piece, else 0
/// ```
/// The preceding `Affine` layer supplies the pieces' linear maps.
public final class Maxout<Scalar: BLASScalar>: ParameterFreeLayer {
    public let units: Int
    public let pieces: Int
    public var inputWidth: Int { units * pieces }
    public var outputWidth: Int { units }
    private var output: Matrix<Scalar>?
    private var inputGradient: Matrix<Scalar>?
    /// For each output entry, the input column of its winning piece.
    private var winners: [Int32] = []

    public init(units: Int, pieces: Int) {
        precondition(units > 0 && pieces > 0, "Maxout needs positive units and pieces")
        self.units = units
        self.pieces = pieces
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputWidth, "Maxout expects \(inputWidth) inputs, got \(x.columns)")
        let y = Matrix.reusing(output, rows: x.rows, columns: units)
        output = y
        if winners.count < y.count { winners = [Int32](repeating: 0, count: y.count) }
        let xs = x.base, ys = y.base
        winners.withUnsafeMutableBufferPointer { w in
            for r in 0..<x.rows {
                for u in 0..<units {
                    let first = r * inputWidth + u * pieces
                    var best = first
                    for p in 1..<max(pieces, 1) where xs[first + p] > xs[best] { best = first + p }
                    ys[r * units + u] = xs[best]
                    w[r * units + u] = Int32(best - r * inputWidth)
                }
            }
        }
        return y
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar> {
        guard let y = output else { preconditionFailure("Maxout.backward before forward") }
        let dx = Matrix.reusing(inputGradient, rows: y.rows, columns: inputWidth)
        inputGradient = dx
        dx.fill(0)
        let dys = dy.base, dxs = dx.base
        winners.withUnsafeBufferPointer { w in
            for r in 0..<y.rows {
                for u in 0..<units {
                    dxs[r * inputWidth + Int(w[r * units + u])] = dys[r * units + u]
                }
            }
        }
        return dx
    }
}
