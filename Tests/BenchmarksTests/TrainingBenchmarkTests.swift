import Benchmarks
import GANCore
import ImageTraining
import Testing

/// `study bench`'s FLOP count and its "2m stacked rows": the products a real
/// training step issues, recorded as it runs, against the step written out
/// by hand (`TrainingBenchmark.products`) and against the sum written out here.
@Suite struct TrainingBenchmarkTests {
    /// The products of one steady-state iteration of `recipe` on the authors' networks (m = 100).
    static func recordedStep(_ recipe: TrainingRecipe = TrainingBenchmark().recipe) -> (products: [MatrixProductShape], trainer: ImageTrainer) {
        let data = Matrix<Float>(rows: 300, columns: recipe.architecture.pixels)
        RandomSource(seed: 2).fillUniform(data, 0, 1)
        let trainer = ImageTrainer(recipe: recipe, data: data, seed: 1)
        trainer.trainIteration()  // the first iteration allocates the layers' buffers
        return (MatrixProducts.recording { trainer.trainIteration() }.products, trainer)
    }

    static func listed(for trainer: ImageTrainer) -> [MatrixProductShape] {
        TrainingBenchmark.products(
            generator: trainer.generator.affineLayers, discriminator: trainer.discriminator.affineLayers,
            batchSize: trainer.recipe.batchSize)
    }

    /// Where two lists of products first differ, for a failure message.
    static func firstDifference(_ recorded: [MatrixProductShape], _ listed: [MatrixProductShape]) -> String {
        guard let i = (0..<min(recorded.count, listed.count)).first(where: { recorded[$0] != listed[$0] }) else {
            return recorded.count == listed.count ? "none" : "recorded \(recorded.count) products, listed \(listed.count)"
        }
        return "product \(i): recorded \(recorded[i]), listed \(listed[i])"
    }

    @Test func listedProducts_areTheProductsATrainingStepIssues() {
        let (recorded, trainer) = Self.recordedStep()
        let listed = Self.listed(for: trainer)
        #expect(recorded == listed, "\(Self.firstDifference(recorded, listed))")
        #expect(recorded.count == 25)  // 3 + 3 + 3 + 2 in the D step; 3 + 3 + 3 + 3 + 2 in the G step
    }

    @Test func recordedFlops_matchTheStepWrittenOutByHand() {
        let m: Double = 100
        // 2·in·out per row for each affine layer: G 100→1200→1200→784, D 784→1200(240×5)→1200(240×5)→1.
        let gLayers: [Double] = [100 * 1200, 1200 * 1200, 1200 * 784]
        let dLayers: [Double] = [784 * 1200, 240 * 1200, 240 * 1]
        let g: Double = 2 * gLayers.reduce(0, +), gFirst: Double = 2 * gLayers[0]
        let d: Double = 2 * dLayers.reduce(0, +), dFirst: Double = 2 * dLayers[0]
        let discriminatorStep: Double = m * g + 2 * m * d + 2 * m * d + 2 * m * (d - dFirst)
        let generatorStep: Double = m * g + m * d + m * d + m * g + m * (g - gFirst)
        let recorded = Self.recordedStep().products
        #expect(recorded.reduce(0.0) { $0 + $1.flops } == discriminatorStep + generatorStep)
    }

    /// The rows a product runs over: op(A)'s rows, or the inner dimension of a weight gradient XᵀΔ.
    static func batchRows(_ p: MatrixProductShape) -> Int { p.transposeA ? p.inner : p.rows }

    @Test func discriminatorStep_runsOnTheStackedTwoMRows() {
        let recorded = Self.recordedStep().products
        // After G's 3 forward products: D's 3 forward, 3 weight and 2 input products, all on 2m = 200 rows;
        // every other product on m = 100.
        #expect(recorded.count == 25)
        #expect(recorded.indices.filter { Self.batchRows(recorded[$0]) == 200 } == Array(3..<11))
        #expect(recorded.indices.filter { Self.batchRows(recorded[$0]) == 100 } == Array(0..<3) + Array(11..<25))
    }

    /// Negative control: the recording follows the step, not the list. With
    /// k = 2 the step runs D's eleven products twice, and the k = 1 list no
    /// longer matches.
    @Test func recording_negativeControl_kEqualsTwoIssuesAnotherDiscriminatorStep() {
        var recipe = TrainingBenchmark().recipe
        recipe.updateRule = .algorithm1(k: 2)
        let (recorded, trainer) = Self.recordedStep(recipe)
        let listed = Self.listed(for: trainer)
        #expect(recorded.count == 36 && recorded != listed)
        #expect(Array(recorded[0..<11]) == Array(recorded[11..<22]) && Array(recorded[11...]) == listed)
    }

    /// `run` reports the products it recorded, whose sum is the FLOP count it prints.
    @Test func run_countsTheRecordedProducts() {
        let result = TrainingBenchmark().run(iterations: 1, warmUp: 1)
        #expect(result.products == Self.listed(for: ImageTrainer(recipe: TrainingBenchmark().recipe,
                                                                  data: Matrix<Float>(rows: 200, columns: 784), seed: 1)))
        #expect(abs(result.flopsPerIteration - 3.57e9) < 0.01e9, "\(result.flopsPerIteration)")
    }
}
