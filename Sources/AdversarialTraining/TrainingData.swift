import DiscriminatorStep
import GANCore

/// Where Algorithm 1 draws its m examples x⁽¹⁾…x⁽ᵐ⁾ from p_data.
public protocol TrainingData {
    /// The width of one example (1 for the 1-D pictures, 784 for MNIST).
    var width: Int { get }
    /// Fills `batch` (m × width) with a minibatch of examples.
    func fillMinibatch<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource)
}

/// Independent draws from a 1-D density: the data of Figure 1.
public struct DensitySamples: TrainingData {
    public let density: any Density1D
    public init(_ density: any Density1D) { self.density = density }
    public var width: Int { 1 }
    public func fillMinibatch<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource) {
        density.fill(batch, using: random)
    }
}
