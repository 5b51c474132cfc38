import GANCore
import GeneratorStep

/// Inference by search: the z whose image G(z) comes closest to a target on
/// the pixels that are seen. With every pixel seen it reconstructs an image;
/// with half of them hidden it fills in the other half, a sample-free answer
/// to §7's p(x_S | x_not S).
///
/// For a target x and the mask w of seen pixels, each z minimises
/// ```
/// ℓ(z) = ½ Σ_j w_j (G(z)_j − x_j)²,      ∂ℓ/∂z = J_G(z)ᵀ [w ⊙ (G(z) − x)]
/// ```
/// by Adam, projected back onto p_z's box after every step, from several
/// starts; the start that ends lowest wins. ∂ℓ/∂z is Chapter 3's backward
/// pass through G, taken with respect to G's input instead of its weights.
public struct LatentSearch: Sendable {
    public var steps = 150
    /// Starts drawn from p_z for every target (a given start, such as the inference net's, adds one).
    public var restarts = 4
    public var learningRate = 0.05

    public init() {}

    public struct Result {
        /// The best z for each target, one per row.
        public let noise: Matrix<Float>
        /// G(z) for each best z.
        public let images: Matrix<Float>
        /// Each target's mean squared error over its seen pixels, at its best z.
        public let seenError: [Double]
    }

    // [excerpt: latent-search]
    /// Searches z for every row of `targets`; `mask[j]` is whether pixel j is seen (nil: all are).
    public func search(
        generator: MultilayerPerceptron<Float>, prior: NoisePrior, targets: Matrix<Float>, mask: [Bool]? = nil,
        starts given: Matrix<Float>? = nil, seed: UInt64
    ) -> Result {
        let (n, d, width) = (targets.rows, targets.columns, prior.width)
        precondition(generator.inputWidth == width && generator.outputWidth == d, "G must map \(width) noise values to \(d) pixels")
        precondition(given == nil || (given!.rows == n && given!.columns == width), "one given start per target")
        let starts = restarts + (given == nil ? 0 : 1), rows = n * starts
        // Row s·n + i is start s for target i.
        let z = Matrix<Float>(rows: rows, columns: width), repeated = Matrix<Float>(rows: rows, columns: d)
        prior.fill(z, using: RandomSource(seed: seed))
        if let given { (z.base + restarts * n * width).update(from: given.base, count: n * width) }
        for s in 0..<starts { (repeated.base + s * n * d).update(from: targets.base, count: n * d) }
        let gradient = Matrix<Float>(rows: rows, columns: d)
        let adam = Adam(count: z.count, learningRate: learningRate)
        let (lower, upper) = (Float(prior.lower), Float(prior.upper))
        for _ in 0..<steps {
            _ = SquaredError.loss(prediction: generator.forward(z), target: repeated, mask: mask, gradient: gradient)
            let dz = generator.backward(gradient, parameterGradients: false)!
            adam.step(z, gradient: dz)
            for i in 0..<z.count { z.storage[i] = min(max(z.storage[i], lower), upper) }
        }
        let images = generator.forward(z)
        let seen = Float(mask?.count { $0 } ?? d)
        var best = [Int](repeating: 0, count: n), error = [Double](repeating: .infinity, count: n)
        for s in 0..<starts {
            for i in 0..<n {
                let e = Double(Self.squaredError(images, row: s * n + i, targets, row: i, mask: mask) / seen)
                if e < error[i] { (error[i], best[i]) = (e, s) }
            }
        }
        let noise = Matrix<Float>(rows: n, columns: width), chosen = Matrix<Float>(rows: n, columns: d)
        for i in 0..<n {
            (noise.base + i * width).update(from: z.base + (best[i] * n + i) * width, count: width)
            (chosen.base + i * d).update(from: images.base + (best[i] * n + i) * d, count: d)
        }
        return Result(noise: noise, images: chosen, seenError: error)
    }
    // [end: latent-search]

    /// Σ_j w_j (a_j − b_j)² between row `i` of `a` and row `k` of `b`.
    static func squaredError(_ a: Matrix<Float>, row i: Int, _ b: Matrix<Float>, row k: Int, mask: [Bool]?) -> Float {
        let d = a.columns
        var total: Float = 0
        for j in 0..<d where mask?[j] ?? true {
            let e = a[i, j] - b[k, j]
            total += e * e
        }
        return total
    }
}
