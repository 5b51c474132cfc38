import Evaluation
import Figures
import FileFormats
import Foundation
import GANCore
import GeneratorStep
import ImageTraining

/// `study chapter 7`: §7's directions tried on Chapter 6's short run: a
/// conditional model, a learned inference net, D's features with 100 labels,
/// and a fill of hidden pixels by searching z.
public enum OpenDirectionsDemo: ChapterDemo {
    public static let number = 7
    public static let title = "What the paper left open"
    public static let summary = "§6–§7 on Fashion-MNIST: a conditional GAN that is told the class, an inference net from x back to z, D's features with 100 labels, and filling half an image by searching z."

    /// Both GANs: Chapter 6's short run (its recipe, rows and iterations).
    public static let recipe = TrainingRecipe.short
    public static let trainingRows = TrainingRecipe.shortRunRows
    public static let trainingIterations = TrainingRecipe.shortRunIterations
    public static let samplesPerClass = 200
    /// The inference net: hidden units and Adam steps.
    public static let inferenceHidden = 256
    public static let inferenceSteps = 500
    /// Test images reconstructed and filled in, and the searches' settings.
    public static let searchedImages = 100
    public static let search = LatentSearch()
    /// Of 28 rows, the top 14 are seen.
    public static let seenRows = 14
    public static let semiSupervised = SemiSupervisedFeatures()
    public static let probeSeeds: [UInt64] = [1, 2, 3]
    public static let testRows = 5000

    public static func run(_ context: DemoContext) throws {
        try report(context, iterations: trainingIterations)
    }

    /// What one seed's experiments measured, for `study openings`' table over seeds.
    public struct Summary: Sendable {
        public var seed: UInt64 = 0
        public var meanObedience = 0.0
        public var inferredError = 0.0
        public var searchedError = 0.0
        /// Mean test accuracy over the probe's seeds: raw pixels, D after training, D as initialised.
        public var probeAccuracy: [Double] = []
        /// Error on the hidden rows: G's fill, the nearest training image's.
        public var fillError = (generator: 0.0, nearest: 0.0)
    }

    /// One row per seed and a mean row: what `study openings` prints at its end.
    public static func summaryTable(_ summaries: [Summary]) -> [String] {
        var table = TextTable("seed", "obeyed", "G(E(x))", "searched", "pixels", "D trained", "D initial", "fill: G", "fill: nearest")
        func row(_ name: String, _ s: Summary) {
            table.add([name, fixed(100 * s.meanObedience, 1), fixed(s.inferredError), fixed(s.searchedError)]
                      + s.probeAccuracy.map { fixed(100 * $0, 1) } + [fixed(s.fillError.generator), fixed(s.fillError.nearest)])
        }
        summaries.forEach { row(String($0.seed), $0) }
        if summaries.count > 1 {
            let n = Double(summaries.count)
            var mean = Summary()
            mean.meanObedience = summaries.map(\.meanObedience).reduce(0, +) / n
            mean.inferredError = summaries.map(\.inferredError).reduce(0, +) / n
            mean.searchedError = summaries.map(\.searchedError).reduce(0, +) / n
            mean.probeAccuracy = (0..<summaries[0].probeAccuracy.count).map { i in summaries.map { $0.probeAccuracy[i] }.reduce(0, +) / n }
            mean.fillError = (summaries.map(\.fillError.generator).reduce(0, +) / n, summaries.map(\.fillError.nearest).reduce(0, +) / n)
            row("mean", mean)
        }
        return table.lines
    }

    /// The four experiments, with both GANs trained for `iterations`.
    @discardableResult
    public static func report(_ context: DemoContext, iterations: Int) throws -> Summary {
        var summary = Summary()
        summary.seed = context.seed
        let data = try DataSet()
        let side = data.training.images.rows
        let training = data.training.images.matrix(0..<trainingRows, as: Float.self)
        let trainingLabels = data.training.labels.values[0..<trainingRows].map(Int.init)
        let test = data.test.images.matrix(0..<testRows, as: Float.self)
        let testLabels = data.test.labels.values[0..<testRows].map(Int.init)
        let classifier = try FashionClassifier.bundled()
        let r = recipe, a = r.architecture
        context.say("Every experiment starts from Chapter 6's short run: recipe \(r.name), the first \(trainingRows) training images, \(iterations) iterations of m = \(r.batchSize), seed \(context.seed)")
        context.say("matrix products: \(MatrixProducts.path)")
        context.say()

        let model = ConditionalModel(architecture: a, classes: FashionClassifier.classNames.count)
        let conditional = conditionalTrainer(model: model, training: training, labels: trainingLabels, seed: context.seed)
        let plain = ImageTrainer(recipe: r, data: training, seed: context.seed)
        // The two runs share nothing, so they train side by side, one per core;
        // each is the same bits as alone (the portable product's sums do not depend on threads).
        trainTogether(conditional, plain, iterations: iterations, context: context)
        summary.meanObedience = try conditionalModel(context, trainer: conditional, model: model, classifier: classifier, test: test, testLabels: testLabels, side: side)
        context.say()

        context.say("2. Learned approximate inference: Chapter 6's short run trained again (the same seed, the same G), then E: x -> z")
        let recent = plain.history.last!
        context.say("the short run after \(plain.iteration) iterations: V \(fixed(recent.value)), D(x) \(fixed(recent.meanRealProbability, 3)), D(G(z)) \(fixed(recent.meanGeneratedProbability, 3)), as in Chapter 6's last row")
        (summary.inferredError, summary.searchedError) = try inference(context, generator: plain.generator, prior: a.noisePrior, training: training, test: test, testLabels: testLabels, side: side)
        context.say()

        summary.probeAccuracy = try semiSupervisedFeatures(context, discriminator: plain.discriminator, pool: training, poolLabels: trainingLabels,
                                   test: test, testLabels: testLabels)
        context.say()

        summary.fillError = try inpainting(context, generator: plain.generator, prior: a.noisePrior, training: training, test: test, side: side)
        return summary
    }

    // [excerpt: conditional-run]
    /// The conditional run: Chapter 6's short recipe on the rows [x | c], its
    /// trainer unchanged; G's output bias starts at the mean image, as in §5.
    public static func conditionalTrainer(model: ConditionalModel, training: Matrix<Float>, labels: [Int], seed: UInt64) -> ImageTrainer {
        ImageTrainer(recipe: recipe, data: model.labelledRows(images: training, labels: labels), seed: seed, prior: model.prior) { random in
            (model.generator(Float.self, pixelMeans: ImageTrainer.columnMeans(training), using: random),
             model.discriminator(Float.self, using: random))
        }
    }
    // [end: conditional-run]

    /// Trains both runs to `iterations`, at the same time.
    static func trainTogether(_ first: ImageTrainer, _ second: ImageTrainer, iterations: Int, context: DemoContext) {
        let runs = TwoRuns(first: first, second: second, context: context)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let trainer = index == 0 ? runs.first : runs.second
            while trainer.iteration < iterations {
                trainer.trainIteration()
                if index == 0 && trainer.iteration % 50 == 0 {
                    runs.context.reportProgress("training both GANs", done: trainer.iteration, of: iterations)
                }
            }
        }
    }

    static func conditionalModel(
        _ context: DemoContext, trainer: ImageTrainer, model: ConditionalModel, classifier: FashionClassifier,
        test: Matrix<Float>, testLabels: [Int], side: Int
    ) throws -> Double {
        let a = model.architecture, k = model.classes
        context.say("1. A conditional model p(x | c): c, one-hot with its entry at \(fixed(Double(model.conditionValue), 0)), beside z in G's input and beside x in D's input")
        context.say("G: \(a.noiseDimension) + \(k) -> \(a.generatorHidden) ReLU -> \(a.generatorHidden) ReLU -> \(a.pixels) sigmoid, c carried on to D; D: maxout \(a.discriminatorUnits)x\(a.discriminatorPieces) twice on \(a.pixels) + \(k), dropout on x only")
        let recent = trainer.history.last!
        context.say("after \(trainer.iteration) iterations: V \(fixed(recent.value)), D(x, c) \(fixed(recent.meanRealProbability, 3)), D(G(z, c), c) \(fixed(recent.meanGeneratedProbability, 3)) (last \(ImageTrainer.historyInterval) minibatches)")
        let obedience = ConditionalObedience.measure(
            generator: trainer.generator, model: model, classifier: classifier, samplesPerClass: samplesPerClass,
            testImages: test, testLabels: testLabels, seed: context.seed &+ 7)
        context.say("\(samplesPerClass) samples asked for each class, named by Chapter 6's classifier, beside its accuracy on the first \(test.rows) test images:")
        obedience.table(names: FashionClassifier.classNames).forEach { context.say("  " + $0) }
        let histogram = obedience.histogram
        context.say("coverage of all \(histogram.total) samples: \(histogram.classesReaching(SampleQuality.coverageThreshold)) classes >= 3%, smallest \(fixed(100 * histogram.smallestFraction, 1))%")
        let grid = try context.figure("chapter7-conditional-samples.png")
        let random = RandomSource(seed: context.seed &+ 8)
        let perRow = 10
        let rows = FashionClassifier.classNames.enumerated().map { c, name -> (label: String, tiles: [RasterImage]) in
            let x = model.samples(of: trainer.generator, classes: Array(repeating: c, count: perRow), using: random)
            return (name, (0..<perRow).map { RasterImage(grayValuesOf: x, row: $0, width: side, height: side) })
        }
        try LabelledGrid.render(title: "G(z, c): one row per class c, new z in every column", rows: rows).write(to: grid.url)
        context.say("one row per class, \(perRow) samples each, 3x: \(grid.displayName)")
        return obedience.meanObedience
    }

    static func inference(
        _ context: DemoContext, generator: MultilayerPerceptron<Float>, prior: NoisePrior,
        training: Matrix<Float>, test: Matrix<Float>, testLabels: [Int], side: Int
    ) throws -> (inferred: Double, searched: Double) {
        let random = RandomSource(seed: context.seed &+ 9)
        let e = InferenceNetwork(pixels: test.columns, hidden: inferenceHidden, prior: prior, using: random)
        let losses = e.fit(to: generator, steps: inferenceSteps, using: random) { done, total in
            context.reportProgress("fitting E", done: done, of: total)
        }
        context.say("E: \(test.columns) -> \(inferenceHidden) ReLU -> \(prior.width), \(inferenceSteps) Adam steps of m = \(e.batchSize) on pairs (z, G(z)); 1/2 |E(G(z)) - z|^2 \(fixed(losses.first!)) in the first tenth, \(fixed(losses.last!)) in the last")
        let images = firstRows(searchedImages, of: test)
        let own = Matrix<Float>(rows: searchedImages, columns: prior.width)
        prior.fill(own, using: random)
        let generated = generator.forward(own).copy()
        let inferredNoise = e.infer(images)
        let inferred = generator.forward(inferredNoise).copy()
        let searched = search.search(generator: generator, prior: prior, targets: images, starts: inferredNoise, seed: context.seed &+ 10)
        let pool = ParzenEvaluation.samples(of: generator, count: 2000, noiseDimension: prior.width, range: prior.lower...prior.upper,
                                            seed: context.seed &+ 11)
        let nearest = Inpainting.nearest(to: images, among: pool, mask: nil)
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
        let errors = [
            ("G's own samples, G(E(G(z)))", mean(Self.pixelErrors(generator.forward(e.infer(generated)), generated))),
            ("test images, G(E(x))", mean(Self.pixelErrors(inferred, images))),
            ("test images, z searched from E(x)", mean(searched.seenError)),
            ("test images, nearest of 2000 samples of G", mean(Self.pixelErrors(nearest, images))),
        ]
        context.say("mean squared error per pixel of \(searchedImages) reconstructions:")
        var table = TextTable("reconstructing", "error")
        for (name, value) in errors { table.add(name, fixed(value)) }
        table.lines.forEach { context.say("  " + $0) }
        let perClass = Self.pixelErrors(searched.images, images)
        var classes = TextTable("class", "images", "error, z searched")
        for (c, name) in FashionClassifier.classNames.enumerated() {
            let rows = (0..<searchedImages).filter { testLabels[$0] == c }
            classes.add(name, String(rows.count), rows.isEmpty ? "-" : fixed(mean(rows.map { perClass[$0] })))
        }
        context.say("by class of the test image:")
        classes.lines.forEach { context.say("  " + $0) }
        let figure = try context.figure("chapter7-reconstructions.png")
        let shown = 8
        let rows = (0..<shown).map { i -> (label: String, tiles: [RasterImage]) in
            (FashionClassifier.classNames[testLabels[i]], [images, inferred, searched.images].map { RasterImage(grayValuesOf: $0, row: i, width: side, height: side) })
        }
        try LabelledGrid.render(title: "Test images and what G makes of them", rows: rows, headings: ["x", "G(E(x))", "searched"])
            .write(to: figure.url)
        context.say("the first \(shown) test images, G(E(x)) and G(z) searched from E(x), 3x: \(figure.displayName)")
        return (errors[1].1, errors[2].1)
    }

    static func semiSupervisedFeatures(
        _ context: DemoContext, discriminator: MultilayerPerceptron<Float>, pool: Matrix<Float>, poolLabels: [Int],
        test: Matrix<Float>, testLabels: [Int]
    ) throws -> [Double] {
        let s = semiSupervised, k = FashionClassifier.classNames.count
        context.say("3. Semi-supervised: a linear classifier (ridge regression onto one-hot labels) on \(s.labelsPerClass * k) labels (\(s.labelsPerClass) per class from the \(pool.rows) training images the GANs saw), scored on \(test.rows) test images")
        context.say("features standardised over the \(pool.rows) images; lambda from \(s.penalties.map { String(Int($0)) }.joined(separator: ", ")) by \(s.folds)-fold cross-validation on the labels alone")
        let trained = (SemiSupervisedFeatures.discriminatorFeatures(discriminator, images: pool),
                       SemiSupervisedFeatures.discriminatorFeatures(discriminator, images: test))
        let pixels = (SemiSupervisedFeatures.pixels(pool), SemiSupervisedFeatures.pixels(test))
        var table = TextTable(header: ["features", "width"] + probeSeeds.map { "seed \($0)" } + ["mean"])
        var means: [Double] = []
        let rows: [(String, (Matrix<Double>, Matrix<Double>)?)] = [("raw pixels", pixels), ("D after training", trained), ("D as initialised", nil)]
        for index in rows.indices {
            var accuracies: [Double] = []
            var width = 0
            for seed in probeSeeds {
                let features: (Matrix<Double>, Matrix<Double>)
                if let given = rows[index].1 {
                    features = given
                } else {
                    let untrained = recipe.architecture.discriminator(Float.self, using: RandomSource(seed: seed &+ 100))
                    features = (SemiSupervisedFeatures.discriminatorFeatures(untrained, images: pool),
                                SemiSupervisedFeatures.discriminatorFeatures(untrained, images: test))
                }
                width = features.0.columns
                let chosen = s.labelledRows(of: poolLabels, classes: k, seed: seed)
                let outcome = try s.evaluate(pool: features.0, poolLabels: poolLabels, chosen: chosen, test: features.1,
                                             testLabels: testLabels, classes: k)
                accuracies.append(outcome.testAccuracy)
                context.reportProgress("linear classifiers", done: index * probeSeeds.count + accuracies.count, of: rows.count * probeSeeds.count)
            }
            means.append(accuracies.reduce(0, +) / Double(accuracies.count))
            table.add([rows[index].0, String(width)] + accuracies.map { fixed(100 * $0, 1) } + [fixed(100 * means[index], 1)])
        }
        context.say("test accuracy %, one labelled subset per seed (the untrained D also drawn per seed):")
        table.lines.forEach { context.say("  " + $0) }
        return means
    }

    static func inpainting(
        _ context: DemoContext, generator: MultilayerPerceptron<Float>, prior: NoisePrior,
        training: Matrix<Float>, test: Matrix<Float>, side: Int
    ) throws -> (generator: Double, nearest: Double) {
        let fill = Inpainting(side: side, seenRows: seenRows)
        context.say("4. Inpainting as a stand-in for p(x_S | x_not S): the top \(seenRows) of \(side) rows seen, z searched (\(search.restarts) starts, \(search.steps) Adam steps) to fit them, G(z) fills the rest")
        context.say("   (not §7's family of conditionals sharing parameters: G was never trained to fill, and the fill is one guess, not a sample)")
        let images = firstRows(searchedImages, of: test)
        let searched = search.search(generator: generator, prior: prior, targets: images, mask: fill.mask, seed: context.seed &+ 12)
        let nearest = fill.nearestOnSeenPixels(images, training: training)
        let mean = fill.meanImage(training, count: images.rows)
        func average(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
        let hidden = (average(fill.hiddenError(searched.images, truth: images)), average(fill.hiddenError(nearest, truth: images)))
        var table = TextTable("filling the hidden rows with", "error, seen rows", "error, hidden rows")
        table.add("G(z), z searched on the seen rows", fixed(average(searched.seenError)), fixed(hidden.0))
        table.add("the nearest of \(training.rows) training images on the seen rows", fixed(average(fill.seenError(nearest, truth: images))), fixed(hidden.1))
        table.add("the mean training image", fixed(average(fill.seenError(mean, truth: images))), fixed(average(fill.hiddenError(mean, truth: images))))
        context.say("mean squared error per pixel over \(images.rows) test images:")
        table.lines.forEach { context.say("  " + $0) }
        let figure = try context.figure("chapter7-inpainting.png")
        let shown = 8
        let masked = fill.masked(images), composed = fill.compose(seen: images, fill: searched.images)
        let rows = (0..<shown).map { i -> (label: String, tiles: [RasterImage]) in
            ("image \(i + 1)", [masked, composed, nearest, images].map { RasterImage(grayValuesOf: $0, row: i, width: side, height: side) })
        }
        try LabelledGrid.render(title: "The bottom half filled in", rows: rows, headings: ["seen", "G fills", "nearest", "truth"])
            .write(to: figure.url)
        context.say("the first \(shown) test images: what was seen, G's fill, the nearest training image's, the truth, 3x: \(figure.displayName)")
        return hidden
    }

    /// The first `count` rows of `matrix`, as a view.
    static func firstRows(_ count: Int, of matrix: Matrix<Float>) -> Matrix<Float> {
        precondition(count <= matrix.rows, "asked for \(count) of \(matrix.rows) rows")
        return Matrix(viewing: matrix.base, rows: count, columns: matrix.columns)
    }

    /// Mean squared error per pixel between matching rows.
    static func pixelErrors(_ a: Matrix<Float>, _ b: Matrix<Float>) -> [Double] {
        (0..<a.rows).map { Double(LatentSearch.squaredError(a, row: $0, b, row: $0, mask: nil)) / Double(a.columns) }
    }
}

/// Two runs handed to two threads: each thread touches only its own run, and
/// only the first reports progress.
private struct TwoRuns: @unchecked Sendable {
    let first: ImageTrainer
    let second: ImageTrainer
    let context: DemoContext
}
