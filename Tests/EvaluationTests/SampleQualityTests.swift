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

    /// Samples that differ from the data in a known way: test images 600…1199
    /// (none of them the reference's), the first half turned upside down.
    static func samples(from test: Matrix<Float>) -> Matrix<Float> {
        let n = sizes.samples, side = 28
        let result = Matrix<Float>(rows: n, columns: 784)
        for r in 0..<n {
            let source = test.base + (n + r) * 784, target = result.base + r * 784
            for y in 0..<side {
                let from = r < n / 2 ? side - 1 - y : y
                (target + y * side).update(from: source + from * side, count: side)
            }
        }
        return result
    }

    /// The rows of `m` as Double vectors.
    static func rows(_ m: Matrix<Float>) -> [[Double]] {
        (0..<m.rows).map { m.row($0).map(Double.init) }
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += (a[i] - b[i]) * (a[i] - b[i]) }
        return sum
    }

    /// d² between the Gaussians fitted to two sets of n rows, by a route that
    /// shares nothing with `FrechetDistance` but a symmetric eigensolver. With
    /// A and B the centred rows, Σ₁ = AᵀA/(n − 1) and Σ₂ = BᵀB/(n − 1), and
    /// Σ₁Σ₂ = AᵀA BᵀB/(n − 1)² has the non-zero eigenvalues of
    /// (ABᵀ)(ABᵀ)ᵀ/(n − 1)²: tr (Σ₁Σ₂)^{1/2} is the sum of the singular values
    /// of ABᵀ over n − 1, found from the n × n matrix (ABᵀ)(ABᵀ)ᵀ, and tr Σ is
    /// ‖A‖²_F/(n − 1). No matrix square root is taken.
    static func frechetByGramMatrix(_ x: [[Double]], _ y: [[Double]]) throws -> Double {
        let n = x.count, d = x[0].count
        func centred(_ rows: [[Double]]) -> (mean: [Double], matrix: Matrix<Double>) {
            var mean = [Double](repeating: 0, count: d)
            for row in rows { for j in 0..<d { mean[j] += row[j] } }
            mean = mean.map { $0 / Double(n) }
            return (mean, Matrix(rows: n, columns: d, elements: rows.flatMap { row in (0..<d).map { row[$0] - mean[$0] } }))
        }
        let (meanX, a) = centred(x), (meanY, b) = centred(y)
        let k = Matrix<Double>(rows: n, columns: n), gram = Matrix<Double>(rows: n, columns: n)
        Matrix.multiply(a, transposed: false, b, transposed: true, into: k)
        Matrix.multiply(k, transposed: false, k, transposed: true, into: gram)
        SymmetricEigen.symmetrise(gram)
        let values = try SymmetricEigen.decompose(gram, vectors: false).values
        // The rank is at most d < n: the n − d smallest eigenvalues are zeros
        // computed as ±n·ε·λ_max. Their square roots (~1e-7·√λ_max each) are
        // not part of the trace; the d largest are.
        let singular = values.sorted(by: >).prefix(d).map { max($0, 0).squareRoot() }
        let crossTrace = singular.reduce(0, +) / Double(n - 1)
        let traces = (a.elements + b.elements).reduce(0) { $0 + $1 * $1 } / Double(n - 1)
        return squaredDistance(meanX, meanY) + traces - 2 * crossTrace
    }

    /// Precision and recall by the definition, pair by pair in Double, as
    /// lower and upper counts: a point within `margin` of a ball's boundary
    /// may fall either side in Float, where the measure works.
    static func precisionRecallBounds(real: [[Double]], generated: [[Double]], k: Int, margin: Double)
        -> (precise: ClosedRange<Int>, recalled: ClosedRange<Int>) {
        func radii(_ points: [[Double]]) -> [Double] {
            points.indices.map { i in points.indices.filter { $0 != i }.map { squaredDistance(points[i], points[$0]) }.sorted()[k - 1] }
        }
        let realRadii = radii(real), generatedRadii = radii(generated)
        let cross = generated.map { g in real.map { squaredDistance(g, $0) } }
        func count(_ queries: Int, _ centres: Int, _ distance: (Int, Int) -> Double, _ r: [Double]) -> ClosedRange<Int> {
            let surely = (0..<queries).count { q in (0..<centres).contains { distance(q, $0) <= r[$0] - margin } }
            let maybe = (0..<queries).count { q in (0..<centres).contains { distance(q, $0) <= r[$0] + margin } }
            return surely...maybe
        }
        return (count(generated.count, real.count, { cross[$0][$1] }, realRadii),
                count(real.count, generated.count, { cross[$1][$0] }, generatedRadii))
    }

    /// Every measure of samples that differ from the data, and of the test
    /// images beside them, against values computed here independently: class
    /// counts by hand, the Fréchet distance by another route, precision and
    /// recall and nearest-neighbour distances by brute force in Double.
    @Test func sampleQuality_matchesIndependentValues_onSamplesThatDifferFromTheData() throws {
        let n = Self.sizes.samples, q = Self.sizes.nearestNeighbourQueries
        let samples = Self.samples(from: test)
        let quality = try SampleQuality.measure(samples: samples, training: training, test: test,
                                                classifier: classifier, sizes: Self.sizes)
        let generated = SampleQuality.rows(0..<n, of: samples)
        let real = SampleQuality.rows(0..<n, of: training), held = SampleQuality.rows(0..<n, of: test)

        // The classes: counted by hand from the classifier's labels.
        let labels = classifier.predict(generated)
        #expect(quality.classCounts == (0..<10).map { c in labels.count { $0 == c } })

        // The Fréchet distances: another route, to 1e-6 relative (both in Double from Float features).
        let (g, r, h) = (Self.rows(classifier.features(generated)), Self.rows(classifier.features(real)), Self.rows(classifier.features(held)))
        let frechet = try Self.frechetByGramMatrix(g, r), floor = try Self.frechetByGramMatrix(h, r)
        #expect(abs(quality.frechetDistance - frechet) <= 1e-6 * frechet, "\(quality.frechetDistance) against \(frechet)")
        #expect(abs(quality.frechetFloor - floor) <= 1e-6 * floor, "\(quality.frechetFloor) against \(floor)")

        // Precision and recall: brute-force counts. The margin is Float's rounding of
        // ‖a‖² + ‖b‖² − 2a·b on features of squared norm up to `largest`.
        let largest = (g + r + h).map { $0.reduce(0) { $0 + $1 * $1 } }.max()!
        let margin = 1e-5 * largest
        for (name, rows, precision, recall) in [("samples", g, quality.precision, quality.recall),
                                                ("test images", h, quality.realPrecision, quality.realRecall)] {
            let bounds = Self.precisionRecallBounds(real: r, generated: rows, k: SampleQuality.neighbours, margin: margin)
            #expect(bounds.precise.contains(Int((precision * Double(n)).rounded())), "\(name): precision \(precision), counts \(bounds.precise)")
            #expect(bounds.recalled.contains(Int((recall * Double(n)).rounded())), "\(name): recall \(recall), counts \(bounds.recalled)")
            // The margin decides few points, or the check would be loose.
            #expect(bounds.precise.count <= 4 && bounds.recalled.count <= 4, "\(name): \(bounds)")
        }

        // Nearest training images: brute force in Double over all 600.
        let trainingRows = Self.rows(training)
        func nearest(_ images: Matrix<Float>) -> DistanceSummary {
            DistanceSummary(Self.rows(SampleQuality.rows(0..<q, of: images)).map { x in trainingRows.map { Self.squaredDistance(x, $0) }.min()! })
        }
        for (name, measured, exact) in [("samples", quality.sampleDistances, nearest(samples)), ("test images", quality.testDistances, nearest(test))] {
            let pairs = [(measured.minimum, exact.minimum), (measured.lowerQuartile, exact.lowerQuartile), (measured.median, exact.median),
                         (measured.upperQuartile, exact.upperQuartile), (measured.maximum, exact.maximum)]
            // ‖x‖², ‖t‖² ≤ 784: Float's expanded distance errs by ~1e-4 at most.
            #expect(measured.count == q && pairs.allSatisfy { abs($0.0 - $0.1) < 1e-2 }, "\(name): \(measured) against \(exact)")
        }

        // The samples are not the data: every pair of numbers differs by more
        // than the tolerances above (precision 0.732 against 0.883, recall
        // 0.868 against 0.885: 91 and 10 of 600, where the margin leaves at
        // most 4), so measuring the wrong set is caught.
        #expect(quality.frechetDistance > 3 * quality.frechetFloor, "\(quality.frechetDistance) against \(quality.frechetFloor)")
        #expect(abs(quality.precision - quality.realPrecision) * Double(n) > 4 && abs(quality.recall - quality.realRecall) * Double(n) > 4,
                "precision \(quality.precision) against \(quality.realPrecision), recall \(quality.recall) against \(quality.realRecall)")
        #expect(abs(quality.sampleDistances.median - quality.testDistances.median) > 1)
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
        let quality = try SampleQuality.measure(samples: Self.samples(from: test), training: training, test: test,
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
