import Foundation

/// The learning-rate and momentum schedules of the authors' MNIST run.
///
/// ```
/// η_t = max(η₀ / d^t, η_min)                       t = minibatches so far
/// μ_e = μ₀ + (μ₁ − μ₀) · clamp((e − e₀)/(e₁ − e₀), 0, 1)   e = epoch, counted from 1
/// ```
/// with η₀ = 0.1, d = 1.000004, η_min = 1e-6, μ₀ = 0.5, μ₁ = 0.7, e₀ = 1, e₁ = 250.
/// The paper says only that momentum was used; these values come from the
/// configuration released with it.
public struct TrainingSchedule: Sendable, Equatable, Codable {
    public var initialLearningRate: Double
    public var decayFactor: Double
    public var minimumLearningRate: Double
    public var initialMomentum: Double
    public var finalMomentum: Double
    public var momentumStartEpoch: Int
    public var momentumSaturationEpoch: Int

    public init(
        initialLearningRate: Double, decayFactor: Double = 1, minimumLearningRate: Double = 0,
        initialMomentum: Double, finalMomentum: Double? = nil,
        momentumStartEpoch: Int = 1, momentumSaturationEpoch: Int = 1
    ) {
        precondition(initialLearningRate > 0 && decayFactor >= 1, "learning rate must be positive and decay ≥ 1")
        precondition(momentumSaturationEpoch >= momentumStartEpoch, "momentum ramp must not end before it starts")
        self.initialLearningRate = initialLearningRate
        self.decayFactor = decayFactor
        self.minimumLearningRate = minimumLearningRate
        self.initialMomentum = initialMomentum
        self.finalMomentum = finalMomentum ?? initialMomentum
        self.momentumStartEpoch = momentumStartEpoch
        self.momentumSaturationEpoch = momentumSaturationEpoch
    }

    // [excerpt: authors-schedule]
    /// The authors' MNIST schedule.
    public static let authorsMNIST = TrainingSchedule(
        initialLearningRate: 0.1, decayFactor: 1.000004, minimumLearningRate: 1e-6,
        initialMomentum: 0.5, finalMomentum: 0.7, momentumStartEpoch: 1, momentumSaturationEpoch: 250)
    // [end: authors-schedule]

    /// η after `minibatches` minibatches.
    public func learningRate(afterMinibatches minibatches: Int) -> Double {
        max(initialLearningRate * pow(decayFactor, -Double(minibatches)), minimumLearningRate)
    }

    /// μ during `epoch` (counted from 1).
    public func momentum(epoch: Int) -> Double {
        guard momentumSaturationEpoch > momentumStartEpoch else { return epoch >= momentumStartEpoch ? finalMomentum : initialMomentum }
        let progress = Double(epoch - momentumStartEpoch) / Double(momentumSaturationEpoch - momentumStartEpoch)
        return initialMomentum + (finalMomentum - initialMomentum) * min(max(progress, 0), 1)
    }
}
