import AdversarialTraining
import GANCore

/// Draws minibatches of training rows without replacement, epoch by epoch,
/// in an order shuffled from the run's random source.
public final class MinibatchSampler {
    public let data: Matrix<Float>
    public let batchSize: Int
    /// The current epoch's order of rows.
    public private(set) var order: [Int]
    /// How many rows of `order` have been used.
    public private(set) var position = 0
    /// Epochs begun, counted from 1.
    public private(set) var epoch = 1
    private let random: RandomSource

    public init(data: Matrix<Float>, batchSize: Int, random: RandomSource) {
        precondition(batchSize > 0 && batchSize <= data.rows, "batch size \(batchSize) must be in 1...\(data.rows)")
        self.data = data
        self.batchSize = batchSize
        self.random = random
        order = random.permutation(data.rows)
    }

    /// Restores a sampler mid-epoch (from a checkpoint).
    public func restore(order: [Int], position: Int, epoch: Int) {
        precondition(order.count == data.rows && order.sorted() == Array(0..<data.rows), "order must be a permutation of the rows")
        precondition((0...data.rows).contains(position) && epoch >= 1, "position or epoch out of range")
        self.order = order
        self.position = position
        self.epoch = epoch
    }

    /// Copies the next `batchSize` rows into `batch`; starts a new epoch,
    /// with a fresh order, when fewer than `batchSize` rows are left.
    public func next(into batch: Matrix<Float>) {
        precondition(batch.rows == batchSize && batch.columns == data.columns, "batch must be \(batchSize)×\(data.columns)")
        if position + batchSize > order.count {
            order = random.permutation(data.rows)
            position = 0
            epoch += 1
        }
        for r in 0..<batchSize {
            (batch.base + r * data.columns).update(from: data.base + order[position + r] * data.columns, count: data.columns)
        }
        position += batchSize
    }

    /// Whether this epoch has no full minibatch left: the next one starts a new epoch.
    public var isEpochComplete: Bool { position + batchSize > order.count }

    /// Minibatches per epoch.
    public var batchesPerEpoch: Int { data.rows / batchSize }
}

extension MinibatchSampler: TrainingData {
    public var width: Int { data.columns }

    /// The next minibatch, in the sampler's shuffled order (the order is drawn
    /// from the sampler's own source, which is the run's).
    public func fillMinibatch<Scalar: BLASScalar>(_ batch: Matrix<Scalar>, using random: RandomSource) {
        guard let floats = batch as? Matrix<Float> else {
            preconditionFailure("image minibatches are Float, asked for \(Scalar.self)")
        }
        next(into: floats)
    }
}
