import Foundation
import GANCore
import Testing

/// The authors' MNIST schedule, entry by entry.
@Suite struct TrainingScheduleTests {
    let schedule = TrainingSchedule.authorsMNIST

    @Test func learningRate_decaysGeometricallyToItsFloor() {
        #expect(schedule.learningRate(afterMinibatches: 0) == 0.1)
        #expect(abs(schedule.learningRate(afterMinibatches: 1) - 0.1 / 1.000004) < 1e-15)
        // 0.1 / 1.000004^t reaches 1e-6 at t = ln(1e5)/ln(1.000004) ≈ 2 878 236.
        #expect(abs(schedule.learningRate(afterMinibatches: 2_000_000) - 0.1 * pow(1.000004, -2_000_000)) < 1e-12)
        #expect(schedule.learningRate(afterMinibatches: 3_000_000) == 1e-6)
    }

    @Test func momentum_risesLinearlyBetweenEpochs1And250() {
        #expect(schedule.momentum(epoch: 1) == 0.5)
        #expect(abs(schedule.momentum(epoch: 125) - (0.5 + 0.2 * 124 / 249)) < 1e-15)
        #expect(schedule.momentum(epoch: 250) == 0.7)
        #expect(schedule.momentum(epoch: 400) == 0.7)
    }
}
