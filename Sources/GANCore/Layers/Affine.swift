import Foundation

/// A fully connected layer, `y = x·W + b`.
///
/// ```
/// forward:   Y = X W + 1 bᵀ            X: n×i, W: i×o, b: o
/// backward:  ∂L/∂W = Xᵀ ∂L/∂Y
///            ∂L/∂b = Σ_rows ∂L/∂Y
///            ∂L/∂X = ∂L/∂Y Wᵀ
/// ```
/// Parameters are stored W first (row-major, i×o), then b.
public final class Affine<Scalar: BLASScalar>: Layer {
    public let inputWidth: Int
    public let outputWidth: Int
    public var parameterCount: Int { inputWidth * outputWidth + outputWidth }

    public private(set) var weights: Matrix<Scalar>!
    public private(set) var bias: Matrix<Scalar>!
    private var weightGradient: Matrix<Scalar>!
    private var biasGradient: Matrix<Scalar>!

    private var input: Matrix<Scalar>?
    private var output: Matrix<Scalar>?
    private var inputGradientBuffer: Matrix<Scalar>?

    public init(_ inputWidth: Int, _ outputWidth: Int) {
        precondition(inputWidth > 0 && outputWidth > 0, "Affine widths must be positive")
        self.inputWidth = inputWidth
        self.outputWidth = outputWidth
    }

    public func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>) {
        let w = inputWidth * outputWidth
        weights = Matrix(viewing: parameters, rows: inputWidth, columns: outputWidth)
        bias = Matrix(viewing: parameters + w, rows: 1, columns: outputWidth)
        weightGradient = Matrix(viewing: gradients, rows: inputWidth, columns: outputWidth)
        biasGradient = Matrix(viewing: gradients + w, rows: 1, columns: outputWidth)
    }

    /// Weights uniform on ±`range`, biases set to `bias`: the authors' initialisation.
    public func initialise(weightRange range: Double, bias value: Scalar = 0, using random: RandomSource) {
        random.fillUniform(weights, -range, range)
        bias.fill(value)
    }

    /// Sets each output's bias so that σ(b_j) = `means[j]`, i.e. b_j = log(μ_j / (1 − μ_j)).
    ///
    /// The authors start the generator's sigmoid output at the data's mean
    /// pixel; means are clipped to [1e-3, 1 − 1e-3] so that all-black or
    /// all-white pixels get a finite bias.
    ///
    /// Deviation from the authors' code: pylearn2's `init_sigmoid_bias_from_array`
    /// clips at 1e-7, giving a pixel that is black in every training image the
    /// bias logit(1e-7) ≈ −16, where σ'(b) ≈ 1.1e-7: G could hardly ever light
    /// it. At 1e-3 the bias is ≈ −6.9 and σ'(b) ≈ 1e-3, still near black.
    public func initialiseBiasToLogits(ofMeans means: [Double]) {
        precondition(means.count == outputWidth, "need \(outputWidth) means, got \(means.count)")
        for (j, mean) in means.enumerated() {
            let mu = min(max(mean, 1e-3), 1 - 1e-3)
            bias[0, j] = Scalar(Foundation.log(mu / (1 - mu)))
        }
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ x: Matrix<Scalar>) -> Matrix<Scalar> {
        precondition(x.columns == inputWidth, "Affine expects \(inputWidth) inputs, got \(x.columns)")
        let y = Matrix.reusing(output, rows: x.rows, columns: outputWidth)
        output = y
        input = x
        // Y ← 1·bᵀ, then Y ← X W + Y: the bias rides in gemm's β term.
        let b = bias.base
        for r in 0..<x.rows { (y.base + r * outputWidth).update(from: b, count: outputWidth) }
        Matrix.multiplyInHalves(x, weights, into: y, beta: 1)
        return y
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar> {
        backward(dy, parameterGradients: parameterGradients, inputGradient: true)!
    }

    /// The backward pass, skipping ∂L/∂X when nobody needs it (the first
    /// layer of a network whose input is data or noise): one matrix product fewer.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func backward(_ dy: Matrix<Scalar>, parameterGradients: Bool, inputGradient: Bool) -> Matrix<Scalar>? {
        guard let x = input else { preconditionFailure("Affine.backward before forward") }
        precondition(dy.rows == x.rows && dy.columns == outputWidth, "Affine.backward: gradient shape mismatch")
        guard inputGradient else {
            if parameterGradients {
                Matrix.multiplyInHalves(x, transposed: true, dy, into: weightGradient)
                sumBiasGradient(dy)
            }
            return nil
        }
        let dx = Matrix.reusing(inputGradientBuffer, rows: x.rows, columns: inputWidth)
        inputGradientBuffer = dx
        if parameterGradients {
            // ∂L/∂W and ∂L/∂X need only ∂L/∂Y: under the paired schedule they run side by side.
            MatrixProducts.together(
                { Matrix.multiply(x, transposed: true, dy, into: self.weightGradient); self.sumBiasGradient(dy) },
                { Matrix.multiply(dy, transposed: false, self.weights, transposed: true, into: dx) })
        } else {
            Matrix.multiplyInHalves(dy, transposed: false, weights, transposed: true, into: dx)
        }
        return dx
    }

    /// ∂L/∂b = Σ_rows ∂L/∂Y.
    private func sumBiasGradient(_ dy: Matrix<Scalar>) {
        let db = biasGradient.base
        db.update(repeating: 0, count: outputWidth)
        for r in 0..<dy.rows {
            let row = dy.base + r * outputWidth
            for j in 0..<outputWidth { db[j] += row[j] }
        }
    }
}
