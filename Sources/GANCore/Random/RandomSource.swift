import CGSL

/// Seeded random numbers from GSL's Mersenne Twister (`gsl_rng_mt19937`).
///
/// Every random choice in the project (initial weights, noise z, minibatch
/// order, dropout masks) draws from one of these, so a seed fixes a run.
public final class RandomSource {
    private let generator: UnsafeMutablePointer<gsl_rng>
    public let seed: UInt64

    public init(seed: UInt64) {
        GSL.prepare()
        guard let generator = gsl_rng_alloc(study_rng_mt19937()) else {
            preconditionFailure("gsl_rng_alloc failed: out of memory")
        }
        self.generator = generator
        self.seed = seed
        gsl_rng_set(generator, UInt(truncatingIfNeeded: seed))
    }

    deinit { gsl_rng_free(generator) }

    /// Uniform on [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// Uniform on (0, 1): never exactly 0, for logarithms and inverse CDFs.
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

    /// Uniform on [lower, upper).
    public func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * gsl_rng_uniform(generator)
    }

    /// Gaussian with the given mean and standard deviation (GSL's ziggurat).
    public func gaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        mean + gsl_ran_gaussian_ziggurat(generator, standardDeviation)
    }

    /// An integer uniform on 0..<n.
    public func index(below n: Int) -> Int {
        precondition(n > 0 && n <= Int(UInt32.max), "index(below:) needs 0 < n ≤ 2³², got \(n)")
        return Int(gsl_rng_uniform_int(generator, UInt(n)))
    }

    /// A uniformly random permutation of 0..<n (Fisher–Yates).
    public func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            order.swapAt(i, index(below: i + 1))
        }
        return order
    }

    /// Fills `matrix` with draws uniform on [lower, upper).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func fillUniform<Scalar: BLASScalar>(_ matrix: Matrix<Scalar>, _ lower: Double, _ upper: Double) {
        for i in 0..<matrix.count { matrix.storage[i] = Scalar(uniform(lower, upper)) }
    }

    /// Fills `matrix` with Gaussian draws.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func fillGaussian<Scalar: BLASScalar>(_ matrix: Matrix<Scalar>, mean: Double = 0, standardDeviation: Double = 1) {
        for i in 0..<matrix.count {
            matrix.storage[i] = Scalar(gaussian(mean: mean, standardDeviation: standardDeviation))
        }
    }

    /// The generator's complete internal state, to save in a checkpoint.
    public var state: [UInt8] {
        get {
            let size = gsl_rng_size(generator)
            let raw = gsl_rng_state(generator)!
            return Array(UnsafeRawBufferPointer(start: raw, count: size))
        }
        set {
            let size = gsl_rng_size(generator)
            precondition(newValue.count == size, "RandomSource state must be \(size) bytes, got \(newValue.count)")
            if let problem = Self.stateProblem(newValue) { preconditionFailure("RandomSource state: \(problem)") }
            let raw = gsl_rng_state(generator)!
            newValue.withUnsafeBytes { raw.copyMemory(from: $0.baseAddress!, byteCount: size) }
        }
    }

    /// Bytes in GSL's mt19937 state: `unsigned long mt[624]` then `int mti` (padded).
    public static let stateByteCount = MemoryLayout<UInt>.size * 624 + MemoryLayout<UInt>.size

    /// What is wrong with `bytes` as GSL's mt19937 state, or nil when GSL may use it.
    ///
    /// GSL trusts its state: a position word (`mti`) outside 0…624 indexes
    /// outside `mt` (INT_MIN is a segmentation fault), a word above 32 bits
    /// makes `gsl_rng_uniform` return values ≥ 1, and an all-zero key makes
    /// every draw 0, so that `gsl_rng_uniform_pos` loops for ever. After any
    /// draw the position is in 1…624 (GSL's `mt_get` increments it after
    /// reading, and seeding sets it to 624), so 0 is refused as well.
    public static func stateProblem(_ bytes: [UInt8]) -> String? {
        guard bytes.count == stateByteCount else {
            return "has \(bytes.count) bytes; GSL's mt19937 state has \(stateByteCount)"
        }
        let wordSize = MemoryLayout<UInt>.size
        return bytes.withUnsafeBytes { raw -> String? in
            let position = raw.loadUnaligned(fromByteOffset: 624 * wordSize, as: Int32.self)
            guard (1...624).contains(position) else {
                return "position word is \(position); expected 1…624"
            }
            var anyNonZero = false
            for i in 0..<624 {
                let word = raw.loadUnaligned(fromByteOffset: i * wordSize, as: UInt.self)
                guard word <= 0xFFFF_FFFF else {
                    return "key word \(i) is \(word); expected a 32-bit value (at most 4294967295)"
                }
                if word != 0 { anyNonZero = true }
            }
            return anyNonZero ? nil : "key words are all 0; expected at least one non-zero word"
        }
    }
}
