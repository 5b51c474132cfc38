/// One stage of a multilayer perceptron, with a forward pass and its
/// hand-derived backward pass.
///
/// A batch is a matrix with one example per row. `forward` keeps what
/// `backward` needs (its input, a mask, the winning pieces); `backward` takes
/// ∂L/∂output for the same batch, writes ∂L/∂θ into the layer's slice of the
/// network's gradient vector, and returns ∂L/∂input. Outputs are buffers the
/// layer reuses: read them before the next call.
public protocol Layer<Scalar>: AnyObject {
    associatedtype Scalar: BLASScalar
    var inputWidth: Int { get }
    var outputWidth: Int { get }
    /// How many scalars of the network's flat parameter vector this layer owns.
    var parameterCount: Int { get }
    /// Points the layer at its slice of the network's parameters and gradients.
    func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>)
    func forward(_ input: Matrix<Scalar>) -> Matrix<Scalar>
    /// - Parameter parameterGradients: false when only ∂L/∂input is wanted
    ///   (the generator step backpropagates through a discriminator it does not update).
    func backward(_ outputGradient: Matrix<Scalar>, parameterGradients: Bool) -> Matrix<Scalar>
}

/// Layers without parameters.
public protocol ParameterFreeLayer: Layer {}

extension ParameterFreeLayer {
    public var parameterCount: Int { 0 }
    public func bind(parameters: UnsafeMutablePointer<Scalar>, gradients: UnsafeMutablePointer<Scalar>) {}
}

/// A layer that applies another inside it (Chapter 7's `ConditionedLayer`):
/// a network's switches, such as dropout's training mode, reach the inner one.
public protocol WrappingLayer<Scalar>: Layer {
    var inner: any Layer<Scalar> { get }
}
