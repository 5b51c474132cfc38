import Foundation
import GANCore
import Experiments
import Testing

/// Chapter 6: the single-image warm-up, Figure 3's endpoints, the Parzen protocol's rows.
@Suite struct ExperimentsTests {
    /// A 28×28 image of a bright square on black, standing in for a data-set item
    /// (the tests do not depend on Fashion-MNIST being installed).
    static var square: Matrix<Float> {
        let image = Matrix<Float>(rows: 1, columns: 784)
        for y in 6..<22 { for x in 8..<20 { image[0, y * 28 + x] = 0.9 } }
        return image
    }

    @Test func warmUp_learnsTheImage() {
        let warmUp = SingleImageWarmUp(image: Self.square, seed: 1)
        let before = warmUp.meanAbsoluteError()
        warmUp.train()
        let after = warmUp.meanAbsoluteError()
        // Seed 1: untrained G draws grey (≈ 0.5 everywhere), about 0.45 from the square.
        // The bound 0.15 is what "visibly the same image" takes, with margin over the seed's result.
        #expect(before > 0.35, "negative control: an untrained G is far from the image")
        #expect(after < 0.15, "mean absolute error after training: \(after)")
    }

    @Test func warmUp_withEqualSmallRates_saturates() {
        // The negative control of the chosen rates: D at G's rate rejects G(z) and the saturating loss stalls G.
        var settings = SingleImageWarmUp.Settings()
        settings.generatorLearningRate = 0.01
        settings.discriminatorLearningRate = 0.01
        settings.epochs = 200
        let warmUp = SingleImageWarmUp(image: Self.square, settings: settings, seed: 1)
        warmUp.train()
        #expect(warmUp.meanAbsoluteError() > 0.35)
        #expect(warmUp.discriminatorOutputs().generated < 0.05)
    }

    @Test func warmUpImage_shrinksLargePNGsToTheMaximumSide() throws {
        let big = RasterImage(width: 200, height: 100, format: .gray, pixels: (0..<20_000).map { UInt8(($0 % 200) / 100 * 255) })
        let small = WarmUpImage.shrink(big, maximumSide: 64)
        #expect(small.width == 64 && small.height == 32)
        // Left half black, right half white: the box filter keeps the halves apart.
        #expect(small.pixels[0] == 0 && small.pixels[63] == 255)
    }

    @Test func warmUpImage_badPNG_namesTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-png-\(UUID().uuidString).png")
        try Data("hello".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try WarmUpImage(contentsOf: url)
        } throws: { error in
            String(describing: error).contains(url.path)
        }
    }

    @Test func interpolation_endpointsEqualGAtTheTwoZ() {
        let random = RandomSource(seed: 3)
        var architecture = MNISTArchitecture()
        architecture.noiseDimension = 10
        architecture.generatorHidden = 32
        architecture.pixels = 16
        let generator = architecture.generator(Float.self, pixelMeans: nil, using: random)
        let ends = Matrix<Float>(rows: 2, columns: 10)
        random.fillUniform(ends, -1, 1)
        let atEnds = generator.forward(ends).copy()
        let line = generator.forward(Interpolation.line(from: ends.row(0), to: ends.row(1), steps: 7)).copy()
        #expect(line.row(0) == atEnds.row(0) && line.row(6) == atEnds.row(1))
        // Negative control: an inner point is not G at either end.
        #expect(line.row(3) != atEnds.row(0) && line.row(3) != atEnds.row(1))
    }

    @Test func parzenProtocol_scoresRealDataAboveNoise() {
        // Centres on the data's own distribution must beat centres of uniform noise on held-out points.
        let random = RandomSource(seed: 4)
        func blobs(_ n: Int) -> Matrix<Float> {
            let m = Matrix<Float>(rows: n, columns: 16)
            for r in 0..<n { for c in 0..<16 { m[r, c] = Float(0.2 + 0.05 * random.gaussian()) } }
            return m
        }
        let real = ParzenEvaluation.row("real", centres: blobs(300), validation: blobs(50), test: blobs(80))
        let noise = ParzenEvaluation.row("noise", centres: ParzenEvaluation.uniformNoise(count: 300, pixels: 16, seed: 5),
                                         validation: blobs(50), test: blobs(80))
        #expect(real.mean > noise.mean + 10)
        #expect(real.width == ParzenWindow.logSpacedWidths()[real.validationScores.indices.max { real.validationScores[$0] < real.validationScores[$1] }!])
    }
}
