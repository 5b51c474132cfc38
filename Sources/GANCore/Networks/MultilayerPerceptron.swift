/// A chain of layers with all its parameters in one flat vector.
///
/// Keeping θ contiguous gives the gradient checks a single vector to perturb
/// and the optimiser a single fused loop over parameters, velocity and
/// gradient. Each layer views its own slice.
public final class MultilayerPerceptron<Scalar: BLASScalar> {
    public let layers: [any Layer<Scalar>]
    /// θ: every layer's parameters, in layer order.
    public let parameters: Matrix<Scalar>
    /// ∂L/∂θ from the last `backward`, laid out like `parameters`.
    public let gradients: Matrix<Scalar>

    public init(_ layers: [any Layer<Scalar>]) {
        precondition(!layers.isEmpty, "A network needs at least one layer")
        for (a, b) in zip(layers, layers.dropFirst()) {
            precondition(a.outputWidth == b.inputWidth,
                         "Layer widths do not chain: \(type(of: a)) gives \(a.outputWidth), \(type(of: b)) takes \(b.inputWidth)")
        }
        self.layers = layers
        let total = layers.reduce(0) { $0 + $1.parameterCount }
        parameters = Matrix(rows: 1, columns: total)
        gradients = Matrix(rows: 1, columns: total)
        var offset = 0
        for layer in layers {
            layer.bind(parameters: parameters.base + offset, gradients: gradients.base + offset)
            offset += layer.parameterCount
        }
    }

    public var inputWidth: Int { layers[0].inputWidth }
    public var outputWidth: Int { layers[layers.count - 1].outputWidth }
    public var parameterCount: Int { parameters.count }

    /// The network's output for a batch (one example per row).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func forward(_ input: Matrix<Scalar>) -> Matrix<Scalar> {
        var x = input
        for layer in layers { x = layer.forward(x) }
        return x
    }

    /// Backpropagates ∂L/∂output from the last `forward`; fills `gradients`
    /// (unless `parameterGradients` is false) and returns ∂L/∂input, or nil
    /// when `inputGradient` is false: then the layers below the first with
    /// parameters are skipped, and that layer computes no ∂L/∂input.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @discardableResult
    public func backward(
        _ outputGradient: Matrix<Scalar>, parameterGradients: Bool = true, inputGradient: Bool = true
    ) -> Matrix<Scalar>? {
        var g = outputGradient
        for (index, layer) in layers.enumerated().reversed() {
            if !inputGradient && index == firstParameterLayer, let affine = layer as? Affine<Scalar> {
                affine.backward(g, parameterGradients: parameterGradients, inputGradient: false)
                return nil
            }
            g = layer.backward(g, parameterGradients: parameterGradients)
        }
        return inputGradient ? g : nil
    }

    /// The index of the first layer with parameters (0 when none has any).
    private lazy var firstParameterLayer: Int = layers.firstIndex { $0.parameterCount > 0 } ?? 0

    /// Switches dropout between training (random masks) and evaluation (identity).
    public var isTraining: Bool {
        get { dropoutLayers.first?.isTraining ?? false }
        set { for layer in dropoutLayers { layer.isTraining = newValue } }
    }

    /// Holds dropout masks fixed, so the network is a deterministic function of θ.
    public var holdsDropoutMasks: Bool {
        get { dropoutLayers.first?.holdsMask ?? false }
        set { for layer in dropoutLayers { layer.holdsMask = newValue } }
    }

    private var dropoutLayers: [Dropout<Scalar>] {
        layers.compactMap { layer in
            var current: any Layer<Scalar> = layer
            while let wrapper = current as? any WrappingLayer<Scalar> { current = wrapper.inner }
            return current as? Dropout<Scalar>
        }
    }

    /// The layers that carry parameters, in order.
    public var affineLayers: [Affine<Scalar>] { layers.compactMap { $0 as? Affine<Scalar> } }
}
