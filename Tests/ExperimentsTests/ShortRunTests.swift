import Evaluation
import Experiments
import FileFormats
import Foundation
import GANCore
import ImageTraining
import Testing

/// The short run of Chapter 6 must look like a working GAN for more than the
/// one seed its transcript shows: seed 1 is checked through the transcript,
/// seeds 2 and 3 here.
@Suite struct ShortRunTests {
    /// Classes at 3% or more that seeds 2 and 3 must reach. Measured with this
    /// test's protocol (2 000 samples, z from seed + 4) on OpenBLAS's Haswell
    /// kernel with 2 threads, its Haswell kernel with 1 and its SkylakeX kernel
    /// with 2, seeds 2 and 3 reached 9 and 10, 10 and 10, 10 and 10; over seeds
    /// 1–10 on the same three, 28 of 30 runs reached 9 or 10 and two reached 8
    /// (seed 5 on Haswell with 2 threads, seed 6 on SkylakeX). Another kernel
    /// or thread count trains another run, as another seed would.
    static let classesReached = 9

    static func classes(after iterations: Int, of recipe: TrainingRecipe, rows: Int, seed: UInt64, noiseSeed: UInt64) throws -> Int {
        let data = try DataSet()
        let training = data.training.images.matrix(0..<rows, as: Float.self)
        let trainer = ImageTrainer(recipe: recipe, data: training, seed: seed)
        while trainer.iteration < iterations { trainer.trainIteration() }
        let noise = Matrix<Float>(rows: 2000, columns: trainer.recipe.architecture.noiseDimension)
        trainer.recipe.architecture.noisePrior.fill(noise, using: RandomSource(seed: noiseSeed))
        let labels = try FashionClassifier.bundled().predict(ParzenEvaluation.generate(trainer.generator, from: noise))
        return ClassHistogram(labels: labels, classes: 10).classesReaching(SampleQuality.coverageThreshold)
    }

    @Test(arguments: [UInt64(2), 3])
    func shortRun_coversAtLeastNineClassesAtThreePercent(seed: UInt64) throws {
        let reached = try Self.classes(after: ExperimentsDemo.trainingIterations, of: ExperimentsDemo.recipe,
                                       rows: ExperimentsDemo.trainingRows, seed: seed, noiseSeed: seed &+ 4)
        #expect(reached >= Self.classesReached, "seed \(seed): \(reached) classes at 3%")
    }

    @Test func shortRun_negativeControl_theSmallRecipeAtThreeHundredIterationsCollapses() throws {
        // The short run this chapter had before `short`: 300 iterations of `small` draw one garment.
        let reached = try Self.classes(after: 300, of: .small, rows: 3000, seed: 1, noiseSeed: 5)
        #expect(reached < Self.classesReached, "\(reached) classes at 3%")
    }
}
