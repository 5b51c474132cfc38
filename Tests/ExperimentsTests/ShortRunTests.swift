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
    @Test(arguments: [UInt64(2), 3])
    func shortRun_coversAtLeastSixClassesAtThreePercent(seed: UInt64) throws {
        let data = try DataSet()
        let training = data.training.images.matrix(0..<ExperimentsDemo.trainingRows, as: Float.self)
        let trainer = ImageTrainer(recipe: ExperimentsDemo.recipe, data: training, seed: seed)
        while trainer.iteration < ExperimentsDemo.trainingIterations { trainer.trainIteration() }
        let noise = Matrix<Float>(rows: 2000, columns: trainer.recipe.architecture.noiseDimension)
        trainer.recipe.architecture.noisePrior.fill(noise, using: RandomSource(seed: seed &+ 4))
        let labels = try FashionClassifier.bundled().predict(ParzenEvaluation.generate(trainer.generator, from: noise))
        let histogram = ClassHistogram(labels: labels, classes: 10)
        // Chapter 6's criterion for a short run that works; seeds 1–3 reached 9 or 10 classes
        // when the recipe was chosen, so 6 leaves room for another BLAS kernel's rounding.
        #expect(histogram.classesReaching(SampleQuality.coverageThreshold) >= 6, "seed \(seed): \(histogram.fractions)")
    }

    @Test func shortRun_negativeControl_theSmallRecipeAtThreeHundredIterationsCollapses() throws {
        // The short run this chapter had before `short`: 300 iterations of `small` draw one garment.
        let data = try DataSet()
        let training = data.training.images.matrix(0..<3000, as: Float.self)
        let trainer = ImageTrainer(recipe: .small, data: training, seed: 1)
        while trainer.iteration < 300 { trainer.trainIteration() }
        let noise = Matrix<Float>(rows: 2000, columns: trainer.recipe.architecture.noiseDimension)
        trainer.recipe.architecture.noisePrior.fill(noise, using: RandomSource(seed: 5))
        let labels = try FashionClassifier.bundled().predict(ParzenEvaluation.generate(trainer.generator, from: noise))
        #expect(ClassHistogram(labels: labels, classes: 10).classesReaching(SampleQuality.coverageThreshold) < 6)
    }
}
