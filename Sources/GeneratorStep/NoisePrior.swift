import GANCore

/// What a generator is fed, one row per sample: p_z's noise, or (Chapter 7's
/// conditional model) noise beside a condition.
public protocol GeneratorInputSource: Sendable {
    /// The width of one row of G's input.
    var width: Int { get }
    /// Fills `batch` (m × width) with independent draws.
    func fill<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource)
}

/// p_z, the noise the generator is fed: uniform on an interval in every coordinate.
///
/// - Paper: Algorithm 1 ("noise prior p_g(z)"); §5 and the authors' code use
///   uniform noise (MNIST: z ∈ [−√3, √3]¹⁰⁰, unit variance).
public struct NoisePrior: GeneratorInputSource, CustomStringConvertible {
    public let width: Int
    public let lower: Double
    public let upper: Double

    public init(width: Int, uniformOn lower: Double, _ upper: Double) {
        precondition(width > 0 && lower < upper, "NoisePrior needs width > 0 and lower < upper")
        self.width = width
        self.lower = lower
        self.upper = upper
    }

    /// The authors' MNIST prior: 100 coordinates uniform on [−√3, √3].
    public static let authorsMNIST = NoisePrior(width: 100, uniformOn: -3.0.squareRoot(), 3.0.squareRoot())

    /// Fills `batch` (m × width) with independent draws.
    public func fill<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource) {
        precondition(batch.columns == width, "noise batch has \(batch.columns) columns, the prior \(width)")
        random.fillUniform(batch, lower, upper)
    }

    public var description: String { width == 1 ? "U[\(lower), \(upper)]" : "U[\(lower), \(upper)]^\(width)" }
}
