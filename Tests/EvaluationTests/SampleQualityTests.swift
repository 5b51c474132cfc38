import Evaluation
import Figures
import FileFormats
import Foundation
import GANCore
import ImageTraining
import Testing

/// Chapter 6's report of a generator's samples, on generators whose answers are known:
/// one that draws real images, and one that has collapsed onto a single image.
@Suite struct SampleQualityTests {
    static let sizes = SampleQuality.Sizes(samples: 600, nearestNeighbourQueries: 100)
    let classifier: FashionClassifier
    let training: Matrix<Float>
    let test: Matrix<Float>

    init() throws {
        let data = try DataSet()
        classifier = try FashionClassifier.bundled()
        training = data.training.images.matrix(0..<600, as: Float.self)
        test = data.test.images.matrix(0..<1200, as: Float.self)
    }

    @Test func sampleQuality_ofRealImages_equalsTheRealImageReference() throws {
        // A perfect generator's samples are fresh real images: the test images
        // themselves. Every measure must then equal its reference column exactly.
        let quality = try SampleQuality.measure(samples: test, training: training, test: test,
                                                classifier: classifier, sizes: Self.sizes)
        #expect(quality.frechetDistance == quality.frechetFloor)
        #expect(quality.precision == quality.realPrecision && quality.recall == quality.realRecall)
        #expect(quality.sampleDistances == quality.testDistances)
        #expect(quality.histogram.classesReaching(SampleQuality.coverageThreshold) == 10, "test images cover every class")
        #expect(quality.frechetFloor < 5, "two sets of real images are close in the classifier's features: \(quality.frechetFloor)")
    }

    @Test func sampleQuality_ofACollapsedGenerator_showsTheCollapse() throws {
        // Negative control: every sample is one training image (row 0, an ankle boot).
        let copies = Matrix<Float>(rows: 600, columns: 784)
        for r in 0..<600 { (copies.base + r * 784).update(from: training.base, count: 784) }
        let quality = try SampleQuality.measure(samples: copies, training: training, test: test,
                                                classifier: classifier, sizes: Self.sizes)
        let histogram = quality.histogram
        #expect(histogram.classesReaching(SampleQuality.coverageThreshold) == 1 && histogram.counts[9] == 600)
        #expect(quality.recall < 0.05, "one image recalls almost none of the data: \(quality.recall)")
        #expect(quality.frechetDistance > 20 * quality.frechetFloor)
        #expect(quality.sampleDistances.maximum < 1e-3, "a copy sits at distance 0 from its training image")
    }

    @Test func generatorEvaluation_roundTripsThroughJSONWithItsDerivedSeeds() throws {
        let quality = try SampleQuality.measure(samples: test, training: training, test: test,
                                                classifier: classifier, sizes: Self.sizes)
        let row = ParzenEvaluation.Row(name: "x", width: 0.2, validationScores: [1, 2], mean: 3, standardError: 0.5)
        let result = GeneratorEvaluation(
            checkpoint: "c", recipe: .small, iteration: "7", seed: 10, classifierTestAccuracy: 0.9, quality: quality,
            figure2NearestDistances: [1.5], parzen: [row], parzenSizes: .init(centres: 1, kMeansTrainingImages: 2, validation: 3, test: 4))
        let decoded = try GeneratorEvaluation.decode(try result.json())
        #expect(decoded.seeds == GeneratorEvaluation.Seeds(10) && decoded.seeds.qualitySamples == 14 && decoded.seeds.kMeans == 16)
        #expect(decoded.quality.classCounts == quality.classCounts && decoded.quality.frechetDistance == quality.frechetDistance)
        #expect(decoded.parzen[0].mean == 3 && decoded.recipe == .small)
    }

    @Test func generate_inBatches_matchesOneForwardPassInOrder() {
        let random = RandomSource(seed: 5)
        var architecture = MNISTArchitecture()
        architecture.noiseDimension = 6
        architecture.generatorHidden = 16
        architecture.pixels = 9
        let generator = architecture.generator(Float.self, pixelMeans: nil, using: random)
        let z = Matrix<Float>(rows: 23, columns: 6)
        random.fillUniform(z, -1, 1)
        let batched = ParzenEvaluation.generate(generator, from: z, batchSize: 5).elements
        let whole = generator.forward(z).elements
        // BLAS blocks a product by its number of rows, so sums may round differently: equal to a few ulp.
        #expect(zip(batched, whole).allSatisfy { abs($0 - $1) < 1e-6 })
        // Negative control: the rows must come back in order (two rows swapped differ by far more).
        let swapped = Array(whole[9..<18]) + Array(whole[0..<9]) + Array(whole[18...])
        #expect(!zip(batched, swapped).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func scaled_repeatsEachPixelAsABlock() {
        let image = RasterImage(width: 2, height: 1, format: .rgb, pixels: [1, 2, 3, 4, 5, 6])
        let big = image.scaled(by: 3)
        #expect(big.width == 6 && big.height == 3)
        #expect(big.color(x: 2, y: 2) == image.color(x: 0, y: 0) && big.color(x: 3, y: 0) == image.color(x: 1, y: 0))
        #expect(big.color(x: 3, y: 1) != image.color(x: 0, y: 0), "negative control: the second block is the second pixel")
    }

    @Test func classHistogramFigure_drawsAtTheRequestedSize() {
        let figure = QualityFigures.classHistogram(fractions: [0.5, 0.5] + [Double](repeating: 0, count: 8),
                                                   classNames: FashionClassifier.classNames, title: "t", threshold: 0.03)
        #expect(figure.width == 900 && figure.height == 460)
        #expect(figure.contains(.vermillion), "classes under the threshold are drawn in the warning colour")
    }
}
