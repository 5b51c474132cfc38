import AdversarialTraining
import Foundation
import DiscriminatorStep
import GANCore
import GeneratorStep
import Testing

/// Algorithm 1 as a whole: the order of updates, reproducibility, and
/// where training leads on Figure 1's 1-D problem.
@Suite struct AdversarialTrainingTests {
    /// Figure 1's world under another update rule.
    static func smallWorld(_ rule: TrainingConfiguration.UpdateRule) -> OneDimensionalGAN {
        var world = OneDimensionalGAN.figure1
        world.configuration.updateRule = rule
        return world
    }

    @Test func updateOrder_isKDiscriminatorStepsThenOneGeneratorStep() {
        let trainer = Self.smallWorld(.algorithm1(k: 3)).makeTrainer(seed: 3)
        var updates: [GANTrainer<Double>.Update] = []
        trainer.onUpdate = { updates.append($0) }
        trainer.train(iterations: 4)
        let kinds = updates.map(\.kind)
        let oneIteration: [GANTrainer<Double>.UpdateKind] = [.discriminator, .discriminator, .discriminator, .generator]
        #expect(kinds == Array([[GANTrainer<Double>.UpdateKind]](repeating: oneIteration, count: 4).joined()))
        // The counters after each update: D counts 1, 2, 3, then G counts 1, and so on.
        #expect(updates.map(\.discriminatorUpdates) == [1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9, 10, 11, 12, 12])
        #expect(updates.map(\.generatorUpdates) == [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4])
        #expect(updates.map(\.iteration) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3])
        #expect(trainer.iterations == 4 && trainer.discriminatorUpdates == 12 && trainer.generatorUpdates == 4)
    }

    @Test func simultaneousUpdate_stepsBothNetworksOncePerIterationOnAHalvedCost() {
        let trainer = Self.smallWorld(.simultaneous).makeTrainer(seed: 3)
        var kinds: [GANTrainer<Double>.UpdateKind] = []
        trainer.onUpdate = { kinds.append($0.kind) }
        let g = trainer.generator.parameters.elements, d = trainer.discriminator.parameters.elements
        trainer.train(iterations: 2)
        #expect(kinds == [.both, .both])
        #expect(trainer.discriminatorUpdates == 2 && trainer.generatorUpdates == 2)
        #expect(trainer.discriminatorStep.objectiveScale == 0.5)
        #expect(trainer.generator.parameters.elements != g && trainer.discriminator.parameters.elements != d)
    }

    /// The chapter splits the authors' halved D cost off by halving D's
    /// learning rate instead: momentum SGD's v ← μv + ηg is linear in ηg, and
    /// scaling by ½ is exact in floating point, so ten steps on the halved
    /// cost at rate η and on the full cost at rate η/2 agree bit for bit.
    @Test func halvingDsLearningRate_isHalvingItsCost_bitForBit() {
        let world = OneDimensionalGAN.figure1
        let m = world.configuration.minibatchSize, rate = world.configuration.discriminatorLearningRate
        func run(scale: Double, rate: Double) -> [Double] {
            let random = RandomSource(seed: 4)
            let step = DiscriminatorStep<Double>(discriminator: world.discriminator.make(using: random))
            step.objectiveScale = scale
            let real = Matrix<Double>(rows: m, columns: 1), generated = Matrix<Double>(rows: m, columns: 1)
            for _ in 0..<10 {
                world.data.fill(real, using: random)
                world.prior.fill(generated, using: random)
                step.step(real: real, generated: generated, learningRate: rate, momentum: world.configuration.momentum)
            }
            return step.discriminator.parameters.elements
        }
        let halvedCost = run(scale: 0.5, rate: rate), halvedRate = run(scale: 1, rate: rate / 2)
        #expect(halvedCost == halvedRate)
        // Negative control: the full cost at the full rate moves D differently.
        #expect(run(scale: 1, rate: rate) != halvedCost)
    }

    /// On a simultaneous step G's gradient comes from D's forward pass of the
    /// same minibatch, before D moves: it equals a separate G gradient computed
    /// at the same θ on the same noise.
    @Test func simultaneousGeneratorGradient_equalsTheGradientAtTheSameParameters() {
        let world = Self.smallWorld(.simultaneous)
        let trainer = world.makeTrainer(seed: 9)
        trainer.train(iterations: 5)
        // Replay the next iteration's draws on a copy of the random state.
        let state = trainer.random.state
        let m = world.configuration.minibatchSize
        let noise = Matrix<Double>(rows: m, columns: 1)
        world.prior.fill(noise, using: trainer.random)
        trainer.random.state = state
        let reference = GeneratorStep(generator: trainer.generator, discriminator: trainer.discriminator, loss: .nonSaturating)
        reference.computeGradient(noise: noise)
        let expected = trainer.generator.gradients.elements
        trainer.train(iterations: 1)
        #expect(trainer.generator.gradients.elements == expected)
    }

    /// Figure 1's run (seed 1): the estimated JSD starts above 0.6 and ends
    /// below 0.02 after 3000 iterations, with D within 0.05 of 1/2 on the data's bulk (the chapter prints 0.0111; another
    /// seed may land elsewhere, which is why the seed is fixed).
    @Test func trainedModel_divergenceFallsBelowTheBound() throws {
        let world = OneDimensionalGAN.figure1
        let trainer = world.makeTrainer(seed: 1)
        let start = try world.divergence(trainer)
        trainer.train(iterations: OneDimensionalGAN.iterations)
        let end = try world.divergence(trainer)
        #expect(start > 0.6)
        #expect(end < 0.02, "JSD = \(end)")
        // D has drifted to 1/2 where the data are (the chapter prints 0.0439).
        let centre = grid(1...3, count: 81)
        let farthest = trainer.discriminator.probabilities(at: centre).map { abs($0 - 0.5) }.max()!
        #expect(farthest < 0.05)
    }

    /// The same seed gives the same parameters bit for bit (same machine,
    /// same thread count); another seed does not.
    @Test(arguments: [TrainingConfiguration.UpdateRule.algorithm1(k: 2), .simultaneous])
    func sameSeed_givesTheSameParametersBitForBit(_ rule: TrainingConfiguration.UpdateRule) {
        func run(_ seed: UInt64) -> [Double] {
            let trainer = Self.smallWorld(rule).makeTrainer(seed: seed)
            trainer.train(iterations: 200)
            return trainer.generator.parameters.elements + trainer.discriminator.parameters.elements
        }
        #expect(run(5) == run(5))
        #expect(run(5) != run(6))
    }

    /// §6, as the chapter shows it (seed 1): after training, 1000 G steps
    /// with D frozen pile G's samples onto one point (sd 0.50 → 0.03).
    @Test func generatorTrainedAloneAgainstAFrozenD_collapses() throws {
        let world = OneDimensionalGAN.figure1
        let trainer = world.makeTrainer(seed: 1)
        trainer.train(iterations: OneDimensionalGAN.iterations)
        let before = try TrainingRecord(world, trainer)
        // As the demo does: G's learning rate back at its undecayed value.
        trainer.configuration.generatorLearningRate = world.configuration.generatorLearningRate
        trainer.trainGeneratorOnly(steps: AdversarialTrainingDemo.collapseSteps)
        let after = try TrainingRecord(world, trainer)
        #expect(after.generatedStandardDeviation < 0.1 * before.generatedStandardDeviation)
        #expect(after.divergence > 0.5)
    }

    /// The estimate against exact divergences: JSD(p, p) = 0, disjoint
    /// densities give log 2, and a kernel estimate from 20 000 draws of
    /// N(1, 1) recovers JSD(N(0, 1), N(1, 1)) (computed with the exact
    /// density) to 0.005: the smoothing bias at h ≈ 0.15 is about 0.001 and
    /// the sampling noise smaller.
    @Test func jensenShannonEstimate_agreesWithExactDivergences() throws {
        let p = Gaussian(mean: 0, standardDeviation: 1), q = Gaussian(mean: 1, standardDeviation: 1)
        #expect(abs(try JensenShannonEstimate.divergence(p, p)) < 1e-12)
        let far = try JensenShannonEstimate.divergence(Uniform(0, 1), Uniform(2, 3))
        #expect(abs(far - log(2.0)) < 1e-9)
        let exact = try JensenShannonEstimate.divergence(p, q)
        let random = RandomSource(seed: 17)
        let estimate = try JensenShannonEstimate.divergence(data: p, samples: (0..<20_000).map { _ in q.sample(using: random) })
        #expect(abs(estimate - exact) < 0.005, "estimate \(estimate), exact \(exact)")
        // Negative control: a shifted sample is far off.
        let wrong = try JensenShannonEstimate.divergence(data: p, samples: (0..<20_000).map { _ in q.sample(using: random) + 0.5 })
        #expect(abs(wrong - exact) > 0.02)
    }

    @Test func textCurve_mapsTheRangeOntoEightLevels() {
        #expect(TextCurve.sparkline([0, 1, 2, 3, 4, 5, 6, 7], range: 0...8) == "▁▂▃▄▅▆▇█")
        #expect(TextCurve.sparkline([3, 3]) == "▁▁")
    }
}
