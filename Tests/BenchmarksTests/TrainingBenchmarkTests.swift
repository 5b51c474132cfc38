import Benchmarks
import GANCore
import Testing

/// `study bench`'s FLOP count: the products the step runs, against the sum written out by hand.
@Suite struct TrainingBenchmarkTests {
    static func authorsProducts() -> [TrainingBenchmark.MatrixProductShape] {
        let architecture = TrainingBenchmark().recipe.architecture
        let random = RandomSource(seed: 0)
        return TrainingBenchmark.products(
            generator: architecture.generator(Float.self, pixelMeans: nil, using: random).affineLayers,
            discriminator: architecture.discriminator(Float.self, using: random).affineLayers,
            batchSize: 100)
    }

    @Test func flops_matchTheStepWrittenOutByHand() {
        let m: Double = 100
        // 2·in·out per row for each affine layer: G 100→1200→1200→784, D 784→1200(240×5)→1200(240×5)→1.
        let gLayers: [Double] = [100 * 1200, 1200 * 1200, 1200 * 784]
        let dLayers: [Double] = [784 * 1200, 240 * 1200, 240 * 1]
        let g: Double = 2 * gLayers.reduce(0, +), gFirst: Double = 2 * gLayers[0]
        let d: Double = 2 * dLayers.reduce(0, +), dFirst: Double = 2 * dLayers[0]
        let discriminatorStep: Double = m * g + 2 * m * d + 2 * m * d + 2 * m * (d - dFirst)
        let generatorStep: Double = m * g + m * d + m * d + m * g + m * (g - gFirst)
        let products = Self.authorsProducts()
        let counted = products.reduce(0.0) { $0 + $1.flops }
        #expect(counted == discriminatorStep + generatorStep)
        #expect(products.count == 25)  // 3 + 3 + 3 + 2 in the D step; 3 + 3 + 3 + 3 + 2 in the G step
    }

    @Test func discriminatorStep_runsOnTheStackedTwoMRows() {
        let products = Self.authorsProducts()
        // After G's 3 forward products: D's 3 forward, 3 weight and 2 input products, all on 2m = 200 rows.
        for p in products[3..<11] { #expect(p.transposeA ? p.inner == 200 : p.rows == 200) }
        for p in products[0..<3] + products[11...] { #expect(p.transposeA ? p.inner == 100 : p.rows == 100) }
    }
}
