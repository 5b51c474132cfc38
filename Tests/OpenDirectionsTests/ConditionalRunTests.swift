import Evaluation
import FileFormats
import GANCore
import OpenDirections
import Testing

/// The conditional run of Chapter 7 must obey c for more than the one seed
/// its transcript shows (seed 1): seeds 2 and 3 here, and the control that
/// explains c's value of 4.
@Suite struct ConditionalRunTests {
    static func meanObedience(conditionValue: Float, seed: UInt64) throws -> Double {
        let data = try DataSet()
        let rows = OpenDirectionsDemo.trainingRows
        let training = data.training.images.matrix(0..<rows, as: Float.self)
        let labels = data.training.labels.values[0..<rows].map(Int.init)
        var model = ConditionalModel(architecture: OpenDirectionsDemo.recipe.architecture, classes: 10)
        model.conditionValue = conditionValue
        let trainer = OpenDirectionsDemo.conditionalTrainer(model: model, training: training, labels: labels, seed: seed)
        while trainer.iteration < OpenDirectionsDemo.trainingIterations { trainer.trainIteration() }
        let test = data.test.images.matrix(0..<1000, as: Float.self)
        return ConditionalObedience.measure(
            generator: trainer.generator, model: model, classifier: try FashionClassifier.bundled(), samplesPerClass: 100,
            testImages: test, testLabels: data.test.labels.values[0..<1000].map(Int.init), seed: seed &+ 7
        ).meanObedience
    }

    // Seed 1's transcript shows 72.6%; half leaves room for another BLAS kernel's rounding.
    @Test(arguments: [UInt64(2), 3])
    func conditionAtFour_isObeyedByMostSamples(seed: UInt64) throws {
        let obedience = try Self.meanObedience(conditionValue: 4, seed: seed)
        #expect(obedience > 0.5, "seed \(seed): \(obedience)")
    }

    // With c's entry at 1, D barely reads c in the short run: its samples follow c little more than chance (10%).
    @Test func conditionAtOne_isBarelyObeyed() throws {
        let obedience = try Self.meanObedience(conditionValue: 1, seed: 1)
        #expect(obedience < 0.25, "\(obedience)")
    }
}
