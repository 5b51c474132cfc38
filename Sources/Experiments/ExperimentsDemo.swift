import Evaluation
import FileFormats
import Foundation
import GANCore
import ImageTraining

/// `study chapter 6`: §5's experiments in short versions: the single-image
/// warm-up, a short run of the `short` recipe measured by the project's
/// classifier (class coverage, Fréchet distance, precision and recall, each
/// beside real images), Figures 2 and 3, and Table 1's Parzen-window method
/// with the k-means row that exposes it.
public enum ExperimentsDemo: ChapterDemo {
    public static let number = 6
    public static let title = "The experiments"
    public static let summary = "§5 on Fashion-MNIST: a one-image warm-up, a short run measured by a classifier (coverage, Fréchet distance, precision, recall), Figures 2 and 3, Table 1's Parzen estimate with the k-means row that exposes it."

    /// The warm-up's image: row 0 of the training file (an ankle boot in Fashion-MNIST).
    public static let warmUpRow = 0
    /// The short run: its recipe, the first rows of the training split, and its iterations.
    public static let recipe = TrainingRecipe.short
    public static let trainingRows = TrainingRecipe.shortRunRows
    public static let trainingIterations = TrainingRecipe.shortRunIterations
    /// Measured during the short run: this many times, on this many samples of fixed z.
    public static let curvePoints = 10
    public static let curveSamples = 1000
    /// Samples measured at the end, and nearest-neighbour queries among them.
    public static let qualitySizes = SampleQuality.Sizes(samples: 2000, nearestNeighbourQueries: 500)
    /// The short Parzen evaluation: generator samples (and centroids), validation rows, test rows.
    public static let parzenSamples = 1000
    public static let validationRows = 200
    public static let testRows = 500
    /// The file of the samples the quality measures scored.
    public static let samplesFileName = "chapter6-short-samples.safetensors"

    public static func run(_ context: DemoContext) throws {
        let data = try DataSet()
        let side = data.training.images.rows
        try warmUp(context, data: data, side: side)
        context.say()

        context.say("The networks of §5, as the authors' recipe builds them:")
        ArchitectureDiagram.lines(TrainingRecipe.authors.architecture).forEach { context.say("  " + $0) }
        let diagram = try context.figure("chapter6-networks.png")
        try ArchitectureDiagram.render(TrainingRecipe.authors.architecture).write(to: diagram.url)
        context.say("diagram: \(diagram.displayName)")
        context.say()

        let classifier = try FashionClassifier.bundled()
        let testImages = data.test.images.matrix(as: Float.self)
        let accuracy = classifier.accuracy(images: testImages, labels: data.test.labels.values.map(Int.init))
        context.say("The classifier that measures samples: \(classifier.settings.architecture), trained on training rows \(FashionClassifier.dataSplit.training.lowerBound)..<\(FashionClassifier.dataSplit.training.upperBound) by 'study classifier' and bundled")
        context.say("  test accuracy \(fixed(accuracy, 4)) on the \(testImages.rows) test images")
        context.say()

        let training = data.training.images.matrix(0..<trainingRows, as: Float.self)
        let trainer = try shortRun(context, training: training, test: testImages, classifier: classifier, side: side)
        context.say()

        let generator = trainer.generator
        let a = trainer.recipe.architecture
        try measureSamples(context, generator: generator, architecture: a, training: training, test: testImages,
                           classifier: classifier, sizes: qualitySizes,
                           names: ("chapter6-class-histogram-short.png", samplesFileName), title: "short run",
                           metadata: ["recipe": trainer.recipe.json(), "seed": String(context.seed)])
        context.say()

        try figures(context, generator: generator, architecture: a, training: training, test: testImages, side: side,
                    names: ("chapter6-figure-2-short.png", "chapter6-figure-3-short.png", "chapter6-real-beside-generated-short.png"))
        context.say()

        let rows = parzenTable(
            generator: generator, architecture: a, data: data, samples: parzenSamples,
            validationRows: validationRows, testRows: testRows, seed: context.seed) { label, done, total in
                context.reportProgress(label, done: done, of: total)
            }
        context.say("Table 1's method, short: \(parzenSamples) centres per window, σ from \(ParzenWindow.logSpacedWidths().count) values on [0.1, 1] by \(validationRows) validation images (training-file rows from \(data.split.validation.lowerBound)), \(testRows) test images")
        ParzenEvaluation.table(rows).forEach(context.say)
        context.say()
        context.say("For context only (MNIST, another data set; the paper warns the estimator has high variance in high dimensions):")
        ParzenEvaluation.paperTable().forEach(context.say)
    }

    /// Draws `sizes.samples` samples of `generator` from the seed that
    /// `GeneratorEvaluation.Seeds` names, measures them beside real images,
    /// says the report, and writes the class histogram and the samples (z and x).
    @discardableResult
    public static func measureSamples(
        _ context: DemoContext, generator: MultilayerPerceptron<Float>, architecture a: MNISTArchitecture,
        training: Matrix<Float>, test: Matrix<Float>, classifier: FashionClassifier, sizes: SampleQuality.Sizes,
        names: (histogram: String, samples: String), title: String, metadata: [String: String]
    ) throws -> SampleQuality {
        let noise = Matrix<Float>(rows: sizes.samples, columns: a.noiseDimension)
        a.noisePrior.fill(noise, using: RandomSource(seed: GeneratorEvaluation.Seeds(context.seed).qualitySamples))
        let samples = ParzenEvaluation.generate(generator, from: noise)
        let quality = try SampleQuality.measure(samples: samples, training: training, test: test,
                                                classifier: classifier, sizes: sizes)
        context.say("Sample quality of \(sizes.samples) samples, beside \(sizes.samples) test images, both against \(sizes.samples) training images:")
        quality.lines().forEach(context.say)
        let histogram = try context.figure(names.histogram)
        try QualityFigures.classHistogram(
            fractions: quality.histogram.fractions, classNames: FashionClassifier.classNames,
            title: "Classes of \(sizes.samples) samples, \(title)", threshold: SampleQuality.coverageThreshold
        ).write(to: histogram.url)
        let samplesFile = try context.figure(names.samples)
        try Safetensors(tensors: ["z": Tensor(noise), "x": Tensor(samples)], metadata: metadata).write(to: samplesFile.url)
        context.say("class histogram: \(histogram.displayName); the samples (z and x): \(samplesFile.displayName)")
        return quality
    }

    /// The warm-up on one training image, with the two controls that explain its settings.
    static func warmUp(_ context: DemoContext, data: DataSet, side: Int) throws {
        let image = data.training.images.matrix(warmUpRow..<(warmUpRow + 1), as: Float.self)
        let warmUp = SingleImageWarmUp(image: image, seed: context.seed)
        let s = warmUp.settings
        context.say("Warm-up: one image (training row \(warmUpRow), \(side)x\(side)) is the whole data set")
        context.say("G: \(s.noiseDimension) -> \(s.hidden) ReLU -> \(image.columns) sigmoid; D: \(image.columns) -> \(s.hidden) ReLU -> logit; \(s.epochs) epochs of \(s.discriminatorSteps) D steps and \(s.generatorSteps) G steps")
        let before = warmUp.meanAbsoluteError()
        warmUp.train { done, total in context.reportProgress("warm-up", done: done, of: total) }
        let d = warmUp.discriminatorOutputs()
        context.say("G loss log(1 - D(G(z))), D at \(s.discriminatorLearningRate), G at \(s.generatorLearningRate): mean |G(z) - x| over pixels and 10 z \(fixed(warmUp.meanAbsoluteError())) (\(fixed(before)) before); D(x) \(fixed(d.real, 3)), D(G(z)) \(fixed(d.generated, 3))")

        var equal = Settings()
        equal.discriminatorLearningRate = 0.01
        equal.generatorLearningRate = 0.01
        let stalled = SingleImageWarmUp(image: image, settings: equal, seed: context.seed)
        var trace: [String] = []
        for epochs in [50, 200] {
            while stalled.epochsDone < epochs { stalled.trainEpoch() }
            trace.append("D(G(z)) \(fixed(stalled.discriminatorOutputs().generated, 3)) after \(epochs) epochs")
        }
        context.say("  control, both rates 0.01: \(trace.joined(separator: ", ")); mean |G(z) - x| \(fixed(stalled.meanAbsoluteError()))")

        let remedy = SingleImageWarmUp(image: image, settings: .nonSaturating, seed: context.seed)
        remedy.train()
        let r = remedy.settings
        context.say("  G loss -log D(G(z)) instead, D at \(r.discriminatorLearningRate), G at \(r.generatorLearningRate): mean |G(z) - x| \(fixed(remedy.meanAbsoluteError()))")
        let figure = try context.figure("chapter6-warm-up.png")
        try warmUp.comparison(width: side, height: side).write(to: figure.url)
        context.say("real (left) and generated (right), 4x: \(figure.displayName)")
    }

    typealias Settings = SingleImageWarmUp.Settings

    /// The short run, measured `curvePoints` times on samples of fixed z.
    static func shortRun(
        _ context: DemoContext, training: Matrix<Float>, test: Matrix<Float>, classifier: FashionClassifier, side: Int
    ) throws -> ImageTrainer {
        var recipe = Self.recipe
        recipe.architecture.pixels = training.columns
        let trainer = ImageTrainer(recipe: recipe, data: training, seed: context.seed)
        let a = recipe.architecture
        context.say("Short run: recipe \(recipe.name) (G: \(a.noiseDimension) -> \(a.generatorHidden) ReLU -> \(a.generatorHidden) ReLU -> \(a.pixels) sigmoid, weights U(±\(a.generatorWeightRange)); D: maxout \(a.discriminatorUnits)x\(a.discriminatorPieces) twice\(a.dropout == nil ? ", no dropout" : ", dropout")), \(recipe.updateRule), G loss \(recipe.generatorLoss)")
        context.say("on the first \(trainingRows) Fashion-MNIST training images, \(trainingIterations) iterations of m = \(recipe.batchSize)")
        // Float training of this length follows its products' rounding: the demo's portable product rounds alike on every CPU.
        context.say("matrix products: \(MatrixProducts.path)")
        let probe = TrainingProbe(trainer: trainer, training: training, classifier: classifier,
                                  samples: curveSamples, seed: context.seed &+ 5)
        var table = TextTable("iteration", "V", "D(x)", "D(G(z))", "Frechet", "classes >= 3%", "smallest class %")
        let every = trainingIterations / curvePoints
        while trainer.iteration < trainingIterations {
            trainer.trainIteration()
            if trainer.iteration % 50 == 0 { context.reportProgress("training", done: trainer.iteration, of: trainingIterations) }
            if trainer.iteration % every == 0 {
                let point = try probe.measure()
                let recent = trainer.history.last!
                table.add(String(point.iteration), fixed(recent.value), fixed(recent.meanRealProbability, 3),
                          fixed(recent.meanGeneratedProbability, 3), fixed(point.frechetDistance, 1),
                          String(point.classesCovered), fixed(100 * point.smallestClass, 1))
            }
        }
        context.say("every \(every) iterations: V, D(x), D(G(z)) averaged over the last \(ImageTrainer.historyInterval) minibatches (through D with its dropout, as trained);")
        context.say("Frechet distance and classes of \(curveSamples) samples of fixed z, against \(curveSamples) training images:")
        table.lines.forEach { context.say("  " + $0) }
        let curves = try context.figure("chapter6-short-run-curves.png")
        try probe.figure(history: trainer.history, title: "Short run: training and sample quality").write(to: curves.url)
        context.say("curves: \(curves.displayName)")
        return trainer
    }

    /// Figures 2 and 3 for `generator`, the nearest neighbours' distances, and
    /// real images beside generated ones; returns Figure 2's distances.
    @discardableResult
    public static func figures(
        _ context: DemoContext, generator: MultilayerPerceptron<Float>, architecture a: MNISTArchitecture,
        training: Matrix<Float>, test: Matrix<Float>, side: Int, names: (String, String, String), rows: Int = 5, perRow: Int = 6
    ) throws -> [Double] {
        let sheet = SampleFigures.figure2(generator: generator, noiseDimension: a.noiseDimension, range: a.noiseRange,
                                          training: training, rows: rows, perRow: perRow, side: side, seed: context.seed)
        let figure2 = try context.figure(names.0)
        try sheet.image.write(to: figure2.url)
        context.say("Figure 2: \(rows) rows of \(perRow) samples, each row's last sample beside its nearest training image (framed), 3x: \(figure2.displayName)")
        let distances = sheet.neighbours.map { fixed($0.squaredDistance, 1) }.joined(separator: ", ")
        context.say("  squared L2 to the nearest of \(training.rows) training images: \(distances)")
        let figure3 = try context.figure(names.1)
        try SampleFigures.figure3(generator: generator, noiseDimension: a.noiseDimension, range: a.noiseRange,
                                  lines: 4, steps: 10, side: side, seed: context.seed &+ 1).write(to: figure3.url)
        context.say("Figure 3: 4 straight lines in z space, 10 images each, 3x: \(figure3.displayName)")
        let besides = try context.figure(names.2)
        try SampleFigures.generatedBesideReal(generated: sheet.samples, real: SampleQuality.rows(0..<sheet.samples.rows, of: test),
                                              columns: perRow, side: side).write(to: besides.url)
        context.say("the same \(sheet.samples.rows) samples (left) beside the first \(sheet.samples.rows) test images (right), 3x: \(besides.displayName)")
        return sheet.neighbours.map(\.squaredDistance)
    }

    /// The four rows: the generator's samples, real training images, k-means
    /// centroids of training images (Theis et al.'s counterexample), uniform noise.
    public static func parzenTable(
        generator: MultilayerPerceptron<Float>, architecture a: MNISTArchitecture, data: DataSet,
        samples: Int, validationRows: Int, testRows: Int, seed: UInt64,
        kMeansTrainingImages: Int? = nil, kMeansCentroids: Int? = nil, kMeansIterations: Int = 20,
        progress: (String, Int, Int) -> Void
    ) -> [ParzenEvaluation.Row] {
        let validation = data.validation.images.matrix(0..<validationRows, as: Float.self)
        let test = data.test.images.matrix(0..<testRows, as: Float.self)
        let model = ParzenEvaluation.samples(of: generator, count: samples, noiseDimension: a.noiseDimension,
                                             range: a.noiseRange, seed: seed &+ 2)
        let real = data.training.images.matrix(0..<samples, as: Float.self)
        let clustered = data.training.images.matrix(0..<min(data.training.count, kMeansTrainingImages ?? 5 * samples), as: Float.self)
        let noise = ParzenEvaluation.uniformNoise(count: samples, pixels: a.pixels, seed: seed &+ 3)
        return [
            ParzenEvaluation.row(ParzenEvaluation.generatorRowName, centres: model, validation: validation, test: test, progress: progress),
            ParzenEvaluation.row("training images", centres: real, validation: validation, test: test, progress: progress),
            ParzenEvaluation.kMeansRow(training: clustered, count: kMeansCentroids ?? samples, validation: validation, test: test,
                                       maximumIterations: kMeansIterations, seed: GeneratorEvaluation.Seeds(seed).kMeans),
            ParzenEvaluation.row("uniform noise", centres: noise, validation: validation, test: test, progress: progress),
        ]
    }
}
