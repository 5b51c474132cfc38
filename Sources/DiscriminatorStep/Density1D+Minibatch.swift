import GANCore

extension Density1D {
    /// Fills every entry of `batch` with an independent draw: a minibatch of
    /// 1-D samples, one per row.
    public func fill<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource) {
        for i in 0..<batch.count { batch.storage[i] = Scalar(sample(using: random)) }
    }
}
