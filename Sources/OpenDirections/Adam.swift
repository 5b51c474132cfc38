import Foundation
import GANCore

/// Adam's update over a flat vector of parameters (Kingma & Ba 2015, Algorithm 1).
///
/// ```
/// m ← β₁ m + (1 − β₁) g          v ← β₂ v + (1 − β₂) g²
/// θ ← θ − η · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
/// ```
/// Not part of the GAN paper, whose networks train by momentum SGD: the
/// chapter's two small fits (the inference net, and z for each image in the
/// latent searches) use it because it needs no tuning of a learning-rate
/// schedule per problem. Each coordinate's step is about η at most, which
/// suits z, whose box [−√3, √3] has a known size.
public final class Adam {
    public let learningRate: Double
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public private(set) var steps = 0
    private var first: [Double]
    private var second: [Double]

    public init(count: Int, learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        precondition(count > 0 && learningRate > 0, "Adam needs parameters and a positive learning rate")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        first = [Double](repeating: 0, count: count)
        second = [Double](repeating: 0, count: count)
    }

    /// One descent step of `parameters` along `gradient`, both laid out alike.
    public func step(_ parameters: Matrix<Float>, gradient: Matrix<Float>) {
        precondition(parameters.count == first.count && gradient.count == first.count,
                     "Adam was made for \(first.count) parameters")
        steps += 1
        let correction1 = 1 - pow(beta1, Double(steps)), correction2 = 1 - pow(beta2, Double(steps))
        let theta = parameters.base, g = gradient.base
        for i in 0..<first.count {
            let gi = Double(g[i])
            first[i] = beta1 * first[i] + (1 - beta1) * gi
            second[i] = beta2 * second[i] + (1 - beta2) * gi * gi
            let update = learningRate * (first[i] / correction1) / ((second[i] / correction2).squareRoot() + epsilon)
            theta[i] = Float(Double(theta[i]) - update)
        }
    }
}
