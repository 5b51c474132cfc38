import Foundation
import GANCore

/// `study chapter 6`: §5's experiments in short versions: the single-image
/// warm-up, Figure 2 with nearest neighbours, Figure 3, and Table 1's
/// Parzen-window method beside reference rows.
public enum ExperimentsDemo: ChapterDemo {
    public static let number = 6
    public static let title = "The experiments"
    public static let summary = "§5 on Fashion-MNIST: a one-image warm-up, Figure 2 with nearest neighbours, Figure 3's interpolation, Table 1's Parzen-window estimate beside reference rows."

    /// The warm-up's image: row 0 of the training file (an ankle boot in Fashion-MNIST).
    public static let warmUpRow = 0
    /// The short training run: the first rows of the training split, and iterations of the small recipe.
    public static let trainingRows = 3000
    public static let trainingIterations = 300
    /// The short Parzen evaluation: generator samples, validation rows, test rows.
    public static let parzenSamples = 1000
    public static let validationRows = 200
    public static let testRows = 500

    public static func run(_ context: DemoContext) throws {
        let data = try DataSet()
        let side = data.training.images.rows
        try warmUp(context, data: data, side: side)
        context.say()

        let training = data.training.images.matrix(0..<trainingRows, as: Float.self)
        var recipe = TrainingRecipe.small
        recipe.architecture.pixels = training.columns
        let trainer = ImageTrainer(recipe: recipe, data: training, seed: context.seed)
        let a = recipe.architecture
        context.say("Short run: recipe \(recipe.name) (G: \(a.noiseDimension) -> \(a.generatorHidden) ReLU -> \(a.generatorHidden) ReLU -> \(a.pixels) sigmoid; D: maxout \(a.discriminatorUnits)x\(a.discriminatorPieces) twice, dropout), \(recipe.updateRule), G loss \(recipe.generatorLoss)")
        context.say("on the first \(trainingRows) Fashion-MNIST training images, \(trainingIterations) iterations of m = \(recipe.batchSize)")
        while trainer.iteration < trainingIterations {
            trainer.trainIteration()
            if trainer.iteration % 50 == 0 { context.reportProgress("training", done: trainer.iteration, of: trainingIterations) }
        }
        let recent = trainer.history.last!
        context.say("last \(ImageTrainer.historyInterval) iterations: V \(fixed(recent.value)), D(x) \(fixed(recent.meanRealProbability, 3)), D(G(z)) \(fixed(recent.meanGeneratedProbability, 3))")
        context.say()

        let generator = trainer.generator
        try figures(context, generator: generator, architecture: a, training: training, side: side,
                    names: ("chapter6-figure-2-short.png", "chapter6-figure-3-short.png"))
        context.say()

        let rows = parzenTable(
            generator: generator, architecture: a, data: data, samples: parzenSamples,
            validationRows: validationRows, testRows: testRows, seed: context.seed) { label, done, total in
                context.reportProgress(label, done: done, of: total)
            }
        context.say("Table 1's method, short: \(parzenSamples) centres per window, σ from \(ParzenWindow.logSpacedWidths().count) values on [0.1, 1] by \(validationRows) validation images, \(testRows) test images")
        ParzenEvaluation.table(rows).forEach(context.say)
        context.say()
        context.say("For context only (MNIST, another data set; the paper warns the estimator has high variance in high dimensions):")
        ParzenEvaluation.paperTable().forEach(context.say)
    }

    /// The warm-up on one training image.
    static func warmUp(_ context: DemoContext, data: DataSet, side: Int) throws {
        let image = data.training.images.matrix(warmUpRow..<(warmUpRow + 1), as: Float.self)
        let warmUp = SingleImageWarmUp(image: image, seed: context.seed)
        let s = warmUp.settings
        context.say("Warm-up: one image (training row \(warmUpRow), \(side)x\(side)) is the whole data set")
        context.say("G: \(s.noiseDimension) -> \(s.hidden) ReLU -> \(image.columns) sigmoid; D: \(image.columns) -> \(s.hidden) ReLU -> logit; \(s.epochs) epochs of \(s.discriminatorSteps) D steps and \(s.generatorSteps) G steps, G loss log(1 - D(G(z)))")
        let before = warmUp.meanAbsoluteError()
        warmUp.train { done, total in context.reportProgress("warm-up", done: done, of: total) }
        let after = warmUp.meanAbsoluteError()
        context.say("mean |G(z) - x| over pixels and 10 z: \(fixed(before)) before training, \(fixed(after)) after")
        let figure = try context.figure("chapter6-warm-up.png")
        try warmUp.comparison(width: side, height: side).write(to: figure.url)
        context.say("real (left) and generated (right): \(figure.displayName)")
    }

    /// Figures 2 and 3 for `generator`, with the nearest neighbours' distances.
    public static func figures(
        _ context: DemoContext, generator: MultilayerPerceptron<Float>, architecture a: MNISTArchitecture,
        training: Matrix<Float>, side: Int, names: (String, String), rows: Int = 5, perRow: Int = 6
    ) throws {
        let sheet = SampleFigures.figure2(generator: generator, noiseDimension: a.noiseDimension, range: a.noiseRange,
                                          training: training, rows: rows, perRow: perRow, side: side, seed: context.seed)
        let figure2 = try context.figure(names.0)
        try sheet.image.write(to: figure2.url)
        context.say("Figure 2: \(rows) rows of \(perRow) samples, each row's last sample beside its nearest training image (framed): \(figure2.displayName)")
        let distances = sheet.neighbours.map { fixed($0.squaredDistance, 1) }.joined(separator: ", ")
        context.say("  squared L2 to the nearest of \(training.rows) training images: \(distances)")
        let figure3 = try context.figure(names.1)
        try SampleFigures.figure3(generator: generator, noiseDimension: a.noiseDimension, range: a.noiseRange,
                                  lines: 4, steps: 10, side: side, seed: context.seed &+ 1).write(to: figure3.url)
        context.say("Figure 3: 4 straight lines in z space, 10 images each: \(figure3.displayName)")
    }

    /// The three rows: the generator's samples, real training images, uniform noise.
    public static func parzenTable(
        generator: MultilayerPerceptron<Float>, architecture a: MNISTArchitecture, data: DataSet,
        samples: Int, validationRows: Int, testRows: Int, seed: UInt64,
        progress: (String, Int, Int) -> Void
    ) -> [ParzenEvaluation.Row] {
        let validation = data.validation.images.matrix(0..<validationRows, as: Float.self)
        let test = data.test.images.matrix(0..<testRows, as: Float.self)
        let model = ParzenEvaluation.samples(of: generator, count: samples, noiseDimension: a.noiseDimension,
                                             range: a.noiseRange, seed: seed &+ 2)
        let real = data.training.images.matrix(0..<samples, as: Float.self)
        let noise = ParzenEvaluation.uniformNoise(count: samples, pixels: a.pixels, seed: seed &+ 3)
        return [
            ParzenEvaluation.row("generator samples", centres: model, validation: validation, test: test, progress: progress),
            ParzenEvaluation.row("training images", centres: real, validation: validation, test: test, progress: progress),
            ParzenEvaluation.row("uniform noise", centres: noise, validation: validation, test: test, progress: progress),
        ]
    }
}
