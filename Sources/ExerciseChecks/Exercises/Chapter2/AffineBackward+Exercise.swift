import GANCore

extension Catalogue {
    /// Exercise 2.4: the affine layer's three gradients.
    public static var affineBackward: Exercise<
        (Matrix<Double>, Matrix<Double>, Matrix<Double>) -> (input: Matrix<Double>, weights: Matrix<Double>, bias: [Double])
    > {
        let info = ExerciseInfo(
            "2.4", "The affine layer's backward pass", kind: .derive,
            task: ["For Y = X W + 1 bᵀ (X: n×i, one sample per row; W: i×o; b: o), given ∂L/∂Y (n×o), return",
                   "∂L/∂X, ∂L/∂W and ∂L/∂b. Every layer of D and G below a nonlinearity is one of these.",
                   "Matrix.multiply(a, transposed:, b, transposed:, into:) computes products with either factor transposed."],
            paper: "Algorithm 1 (∇θ_d through D's layers)", answer: "Chapter 2, \"Back through the layers\"",
            solution: .solutions("Chapter2/AffineBackward.swift", region: "affine-backward", function: "affineBackward"))
        typealias Gradients = (input: Matrix<Double>, weights: Matrix<Double>, bias: [Double])
        func solution(_ x: Matrix<Double>, _ w: Matrix<Double>, _ dy: Matrix<Double>) -> Gradients {
            ExerciseChecks.affineBackward(input: x, weights: w, outputGradient: dy)
        }
        return Exercise(info, solution: solution, mistakes: [
            .diagnosed("weights-transposed", "∂L/∂W as (∂L/∂Y)ᵀ X", expecting: "transpose", { x, w, dy in
                let right = solution(x, w, dy)
                let dw = Matrix<Double>(rows: dy.columns, columns: x.columns)
                Matrix.multiply(dy, transposed: true, x, transposed: false, into: dw)
                return (right.input, dw, right.bias)
            }),
            .diagnosed("bias-averaged", "∂L/∂b as the mean of the rows", expecting: "it does not average", { x, w, dy in
                let right = solution(x, w, dy)
                return (right.input, right.weights, right.bias.map { $0 / Double(dy.rows) })
            }),
            .recognised("bias-first-row", "∂L/∂b from the first row only",
                        hint: "∂L/∂b must add the gradient of every row: b is added to each row of Y, so each row's ∂L/∂Y reaches it",
                        { x, w, dy in
                            let right = solution(x, w, dy)
                            return (right.input, right.weights, dy.row(0))
                        }),
        ]) { random in
            [(1, 2, 3), (4, 3, 5), (6, 5, 2)].map { n, i, o in
                let x = Inputs.uniform(n * i, random, -1, 1), w = Inputs.uniform(i * o, random, -1, 1)
                let b = Inputs.uniform(o, random, -1, 1), dy = Inputs.uniform(n * o, random, -1, 1)
                func projected(_ x: [Double], _ w: [Double], _ b: [Double]) -> Double {
                    var total = 0.0
                    for r in 0..<n {
                        for c in 0..<o {
                            let y = (0..<i).reduce(b[c]) { $0 + x[r * i + $1] * w[$1 * o + c] }
                            total += dy[r * o + c] * y
                        }
                    }
                    return total
                }
                return CheckCase(
                    "n = \(n) row\(n == 1 ? "" : "s"), i = \(i) inputs, o = \(o) outputs",
                    references: [.gradient("∂L/∂X", shape: .matrix(n, i), at: x) { projected($0, w, b) },
                                 .gradient("∂L/∂W", shape: .matrix(i, o), at: w) { projected(x, $0, b) },
                                 .gradient("∂L/∂b", shape: .vector(o), at: b) { projected(x, w, $0) }],
                    factors: [(1 / Double(n), "1/n: ∂L/∂b sums ∂L/∂Y over the rows, it does not average them")]) { f in
                    let g = f(Inputs.matrix(n, i, x), Inputs.matrix(i, o, w), Inputs.matrix(n, o, dy))
                    return [.matrix("∂L/∂X", g.input), .matrix("∂L/∂W", g.weights), .vector("∂L/∂b", g.bias)]
                }
            }
        }
    }
}
