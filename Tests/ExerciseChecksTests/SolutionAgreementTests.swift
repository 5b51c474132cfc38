import ExerciseChecks
import GANCore
import OpenDirections
import TheoreticalResults
import Testing

/// The solutions shipped for pieces the chapters compute inside their
/// layers and types give what the chapters' own code gives, so the answer a
/// reader is sent to read is the one the check holds them to.
@Suite struct SolutionAgreementTests {
    let random = RandomSource(seed: 17)

    func matrix(_ rows: Int, _ columns: Int, _ lower: Double = -1, _ upper: Double = 1) -> Matrix<Double> {
        let m = Matrix<Double>(rows: rows, columns: columns)
        random.fillUniform(m, lower, upper)
        return m
    }

    static func same(_ a: Matrix<Double>, _ b: Matrix<Double>, _ tolerance: Double = 1e-12) -> Bool {
        a.rows == b.rows && a.columns == b.columns && zip(a.elements, b.elements).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func maxoutSolution_isGANCoresMaxout() {
        let layer = Maxout<Double>(units: 3, pieces: 4)
        let x = matrix(5, 12), dy = matrix(5, 3)
        _ = layer.forward(x)
        let expected = layer.backward(dy, parameterGradients: true)
        #expect(Self.same(Catalogue.maxoutBackward.solution(x, 4, dy), expected))
    }

    @Test func dropoutSolution_isGANCoresDropout() {
        let layer = Dropout<Double>(6, keep: 0.5, random: RandomSource(seed: 3))
        let ones = Matrix<Double>(rows: 4, columns: 6, repeating: 1), dy = matrix(4, 6)
        // On an input of ones the forward pass shows the mask times the scale.
        let shown = layer.forward(ones).elements
        let expected = layer.backward(dy, parameterGradients: true)
        let mask = Matrix<Double>(rows: 4, columns: 6, elements: shown.map { $0 == 0 ? 0 : 1 })
        #expect(Self.same(Catalogue.dropoutBackward.solution(dy, mask, 2), expected))
    }

    @Test func affineSolution_isGANCoresAffine() {
        let layer = Affine<Double>(3, 4)
        let network = MultilayerPerceptron<Double>([layer])
        random.fillUniform(network.parameters, -1, 1)
        let x = matrix(5, 3), dy = matrix(5, 4)
        _ = network.forward(x)
        let dx = layer.backward(dy, parameterGradients: true).copy()
        let gradients = network.gradients.elements
        let solution = Catalogue.affineBackward.solution(x, layer.weights, dy)
        #expect(Self.same(solution.input, dx))
        #expect(zip(solution.weights.elements + solution.bias, gradients).allSatisfy { abs($0 - $1) <= 1e-12 })
    }

    @Test func sigmoidSolution_isGANCoresSigmoid() {
        let layer = Sigmoid<Double>(7)
        let x = matrix(3, 7, -4, 4), dy = matrix(3, 7)
        let y = layer.forward(x).copy()
        #expect(Self.same(Catalogue.sigmoidBackward.solution(y, dy), layer.backward(dy, parameterGradients: true)))
    }

    @Test(arguments: [false, true])
    func conditionedSolutions_areChapter7sConditionedLayer(_ readsCondition: Bool) {
        let (u, k, o) = (3, 2, 4)
        let affine = Affine<Double>(readsCondition ? u + k : u, o)
        let layer = ConditionedLayer<Double>(affine, conditionWidth: k, innerReadsCondition: readsCondition)
        let network = MultilayerPerceptron<Double>([layer])
        random.fillUniform(network.parameters, -1, 1)
        let x = matrix(4, u + k), dy = matrix(4, o + k)
        _ = network.forward(x)
        let expected = layer.backward(dy, parameterGradients: true)
        let solution = readsCondition ? Catalogue.conditionReadingAffineBackward.solution : Catalogue.conditionedAffineBackward.solution
        #expect(Self.same(solution(x, affine.weights, k, dy), expected))
    }

    @Test func gridSolutions_areSimplexDescents() {
        let data = [0.1, 0.0, 0.3, 0.2, 0.4], generator = [0.25, 0.15, 0.2, 0.3, 0.1]
        let descent = SimplexDescent(data: data, stepSize: 0.5)
        #expect(abs(Catalogue.discreteCriterion.solution(data, generator) - descent.criterion(generator)) < 1e-15)
        #expect(zip(Catalogue.criterionGradient.solution(data, generator), descent.gradient(generator)).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(zip(Catalogue.exponentiatedGradientStep.solution(data, generator, 0.5), descent.step(generator)).allSatisfy { abs($0 - $1) < 1e-15 })
    }
}
