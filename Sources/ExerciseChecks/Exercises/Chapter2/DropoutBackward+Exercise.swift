import GANCore

extension Catalogue {
    /// Exercise 2.3: dropout's backward pass.
    public static var dropoutBackward: Exercise<(Matrix<Double>, Matrix<Double>, Double) -> Matrix<Double>> {
        let info = ExerciseInfo(
            "2.3", "Dropout's backward pass", kind: .derive,
            task: ["∂L/∂x of dropout, given ∂L/∂y, the mask μ its forward pass drew (0 or 1 for each entry),",
                   "and the scale s. The forward pass was y = x ⊙ μ · s, with s = 1/keep (the authors keep D's",
                   "input with p = 0.8, so s = 1.25, and its hidden units with p = 0.5, s = 2)."],
            paper: "§5 (D trained with dropout)", answer: "Chapter 2, \"Back through the layers\"",
            solution: .solutions("Chapter2/DropoutBackward.swift", region: "dropout-backward", function: "dropoutBackward"))
        func elementwise(_ dy: Matrix<Double>, _ mask: Matrix<Double>, _ f: (Double, Double) -> Double) -> Matrix<Double> {
            Matrix(rows: dy.rows, columns: dy.columns, elements: zip(dy.elements, mask.elements).map(f))
        }
        return Exercise(info, solution: { ExerciseChecks.dropoutBackward(outputGradient: $0, mask: $1, scale: $2) }, mistakes: [
            .recognised("mask-forgotten", "∂L/∂y · s, without the mask",
                        hint: "the dropout mask is forgotten: an entry the mask dropped passed nothing forward, so it gets no gradient back",
                        { dy, mask, s in elementwise(dy, mask) { g, _ in g * s } }),
            .recognised("scale-forgotten", "∂L/∂y ⊙ μ, without the scale",
                        hint: "the scale is forgotten: the forward pass multiplied the kept entries by s = 1/keep, so their gradient is multiplied by s too",
                        { dy, mask, _ in elementwise(dy, mask) { g, m in g * m } }),
            .recognised("scale-divided", "∂L/∂y ⊙ μ / s",
                        hint: "the scale divides instead of multiplying: y = x ⊙ μ · s, so ∂y/∂x = μ · s",
                        { dy, mask, s in elementwise(dy, mask) { g, m in g * m / s } }),
        ]) { random in
            [(2, 3, 0.8), (4, 6, 0.5), (6, 10, 0.5)].map { rows, columns, keep in
                let count = rows * columns
                // A mask with both kept and dropped entries, so that neither can be left out unnoticed.
                var mask = (0..<count).map { _ in random.uniform() < keep ? 1.0 : 0.0 }
                mask[0] = 1
                mask[count - 1] = 0
                let scale = 1 / keep
                let x = Inputs.uniform(count, random, -2, 2), dy = Inputs.uniform(count, random, -1, 1)
                let projected: ([Double]) -> Double = { x in (0..<count).reduce(0) { $0 + dy[$1] * x[$1] * mask[$1] * scale } }
                return CheckCase("\(rows)×\(columns), keep \(keep), scale \(scale)",
                                 references: [.gradient("∂L/∂x", shape: .matrix(rows, columns), at: x, of: projected)]) { f in
                    [.matrix("∂L/∂x", f(Inputs.matrix(rows, columns, dy), Inputs.matrix(rows, columns, mask), scale))]
                }
            }
        }
    }
}
