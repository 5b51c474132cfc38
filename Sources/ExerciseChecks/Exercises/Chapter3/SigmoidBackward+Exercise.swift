import Foundation
import GANCore

extension Catalogue {
    /// Exercise 3.4: G's output layer.
    public static var sigmoidBackward: Exercise<(Matrix<Double>, Matrix<Double>) -> Matrix<Double>> {
        let info = ExerciseInfo(
            "3.4", "The sigmoid layer's backward pass", kind: .derive,
            task: ["∂L/∂x of the element-wise sigmoid y = σ(x), G's output layer on MNIST (pixels in (0, 1)),",
                   "given the layer's output y (its forward pass keeps y, not x) and ∂L/∂y, both n×d."],
            paper: "§5 (G's sigmoid output units)", answer: "Chapter 3, \"Through D and into G\"",
            solution: .solutions("Chapter3/SigmoidBackward.swift", region: "sigmoid-backward", function: "sigmoidBackward"))
        func elementwise(_ y: Matrix<Double>, _ dy: Matrix<Double>, _ f: (Double, Double) -> Double) -> Matrix<Double> {
            Matrix(rows: y.rows, columns: y.columns, elements: zip(y.elements, dy.elements).map(f))
        }
        return Exercise(info, solution: { ExerciseChecks.sigmoidBackward(output: $0, outputGradient: $1) }, mistakes: [
            .recognised("derivative-missing", "∂L/∂y passed through",
                        hint: "sigmoid derivative missing: ∂L/∂x = ∂L/∂y · σ′(x), and σ′(x) = y(1 − y)", { _, dy in dy.copy() }),
            .recognised("sigmoid-of-output", "σ(y)(1 − σ(y)): the sigmoid applied again",
                        hint: "the layer's output is already y = σ(x): σ′(x) = y(1 − y), not σ(y)(1 − σ(y))",
                        { y, dy in elementwise(y, dy) { y, g in g * sigmoid(y) * (1 - sigmoid(y)) } }),
        ]) { random in
            [(1, 3), (4, 5), (6, 12)].map { n, d in
                let x = Inputs.uniform(n * d, random, -4, 4), dy = Inputs.uniform(n * d, random, -1, 1)
                let projected: ([Double]) -> Double = { x in zip(x, dy).reduce(0) { $0 + $1.1 * ReferenceLogTerms.sigmoid($1.0) } }
                return CheckCase("\(n)×\(d), inputs from [−4, 4]",
                                 references: [.gradient("∂L/∂x", shape: .matrix(n, d), at: x, of: projected)]) { f in
                    [.matrix("∂L/∂x", f(Inputs.matrix(n, d, x.map(ReferenceLogTerms.sigmoid)), Inputs.matrix(n, d, dy)))]
                }
            }
        }
    }
}
