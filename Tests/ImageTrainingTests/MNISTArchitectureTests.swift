import Foundation
import GANCore
import ImageTraining
import Testing

/// The authors' MNIST networks: shapes, parameter counts, initial ranges.
@Suite struct MNISTArchitectureTests {
    let architecture = MNISTArchitecture()

    @Test func generator_hasTheAuthorsShapeAndStartsAtThePixelMeans() {
        let means = (0..<784).map { Double($0 % 7) / 7 }
        let g = architecture.generator(Float.self, pixelMeans: means, using: RandomSource(seed: 1))
        #expect(g.inputWidth == 100 && g.outputWidth == 784)
        #expect(g.parameterCount == 100 * 1200 + 1200 + 1200 * 1200 + 1200 + 1200 * 784 + 784)
        let weights = g.affineLayers[1].weights.elements
        #expect(weights.allSatisfy { abs($0) <= 0.05 } && weights.contains { abs($0) > 0.045 })
        // With zero noise the hidden units are ReLU(b) = 0, so G(0) = σ(b_out) = the clipped pixel means.
        let x = g.forward(Matrix<Float>(rows: 1, columns: 100))
        for j in 0..<784 {
            let expected = min(max(means[j], 1e-3), 1 - 1e-3)
            #expect(abs(Double(x[0, j]) - expected) < 1e-5)
        }
    }

    @Test func discriminator_hasTheAuthorsShapeAndDropout() {
        let d = architecture.discriminator(Float.self, using: RandomSource(seed: 2))
        #expect(d.inputWidth == 784 && d.outputWidth == 1)
        #expect(d.parameterCount == 784 * 1200 + 1200 + 240 * 1200 + 1200 + 240 + 1)
        let dropouts = d.layers.compactMap { $0 as? Dropout<Float> }
        #expect(dropouts.map(\.keep) == [0.8, 0.5, 0.5])
        #expect(dropouts.map(\.scale) == [1.25, 2, 2])
        #expect(d.affineLayers[0].weights.elements.allSatisfy { abs($0) <= 0.005 })
    }

    @Test func architecture_roundTripsThroughJSON() throws {
        var custom = architecture
        custom.dropout = nil
        for a in [architecture, custom] {
            let decoded = try JSONDecoder().decode(MNISTArchitecture.self, from: JSONEncoder().encode(a))
            #expect(decoded == a)
        }
        #expect(architecture != custom)
    }
}
