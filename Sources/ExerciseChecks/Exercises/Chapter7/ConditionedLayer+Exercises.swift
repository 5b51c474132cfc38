import GANCore

/// Inputs of a conditioned affine layer: rows [u | c], weights, bias, ∂L/∂output.
struct ConditionedInputs {
    let n: Int, u: Int, k: Int, o: Int
    let x: [Double], w: [Double], b: [Double], dy: [Double]
    /// Rows of W: u's width, or u's and c's when the affine map reads c.
    var weightRows: Int

    init(_ n: Int, _ u: Int, _ k: Int, _ o: Int, readsCondition: Bool, _ random: RandomSource) {
        (self.n, self.u, self.k, self.o) = (n, u, k, o)
        weightRows = readsCondition ? u + k : u
        // c is one-hot, scaled as Chapter 7 scales it; u is anything.
        x = (0..<n).flatMap { r in Inputs.uniform(u, random, -1, 1) + (0..<k).map { $0 == r % k ? 4 : 0 } }
        w = Inputs.uniform((readsCondition ? u + k : u) * o, random, -1, 1)
        b = Inputs.uniform(o, random, -1, 1)
        dy = Inputs.uniform(n * (o + k), random, -1, 1)
    }

    /// Σ ∂L/∂output ⊙ output for the input `x`: its gradient is the backward pass of ∂L/∂output.
    func projected(_ x: [Double]) -> Double {
        var total = 0.0
        for r in 0..<n {
            let row = Array(x[(r * (u + k))..<((r + 1) * (u + k))])
            for c in 0..<o {
                let f = (0..<weightRows).reduce(b[c]) { $0 + row[$1] * w[$1 * o + c] }
                total += dy[r * (o + k) + c] * f
            }
            for j in 0..<k { total += dy[r * (o + k) + o + j] * row[u + j] }
        }
        return total
    }

    var description: String { "\(n) row\(n == 1 ? "" : "s") [u | c], u of width \(u), c of width \(k), \(o) outputs" }
    var reference: Reference { .gradient("∂L/∂[u | c]", shape: .matrix(n, u + k), at: x, of: projected) }

    func run(_ f: (Matrix<Double>, Matrix<Double>, Int, Matrix<Double>) -> Matrix<Double>) -> [NamedTensor] {
        [.matrix("∂L/∂[u | c]", f(Inputs.matrix(n, u + k, x), Inputs.matrix(weightRows, o, w), k, Inputs.matrix(n, o + k, dy)))]
    }
}

extension Catalogue {
    typealias ConditionedBackward = (Matrix<Double>, Matrix<Double>, Int, Matrix<Double>) -> Matrix<Double>

    /// Exercise 7.1: c carried past an affine map that does not read it.
    public static var conditionedAffineBackward: Exercise<(Matrix<Double>, Matrix<Double>, Int, Matrix<Double>) -> Matrix<Double>> {
        let info = ExerciseInfo(
            "7.1", "The conditioned layer's backward pass", kind: .derive,
            task: ["A layer that carries the condition c past an affine map: each input row is [u | c], c its last k",
                   "columns, and the output row is [u W + b | c] (W: width of u × o). Given the input, W, k and",
                   "∂L/∂output (n × (o + k)), return ∂L/∂input, c's columns included."],
            paper: "§7 (\"adding c as input to both G and D\")", answer: "Chapter 7, \"A conditional model p(x | c)\"",
            solution: .solutions("Chapter7/ConditionedAffineBackward.swift", region: "conditioned-affine-backward", function: "conditionedAffineBackward"))
        let solution: ConditionedBackward = { ExerciseChecks.conditionedAffineBackward(input: $0, weights: $1, conditionWidth: $2, outputGradient: $3) }
        return Exercise(info, solution: solution, mistakes: [
            .recognised("condition-dropped", "c's gradient left at 0",
                        hint: "c's gradient is dropped: the output carries c, so ∂L/∂c_out comes back to c's columns (the chapter's negative control)",
                        { x, w, k, dy in
                            let dx = solution(x, w, k, dy)
                            for r in 0..<x.rows { for j in 0..<k { dx[r, x.columns - k + j] = 0 } }
                            return dx
                        }),
            .recognised("condition-first", "c's gradient put in the first k columns",
                        hint: "c is the last k columns of the input row, and of the output row; yours put its gradient first",
                        { x, w, k, dy in
                            let right = solution(x, w, k, dy), dx = Matrix<Double>(rows: x.rows, columns: x.columns)
                            for r in 0..<x.rows { for c in 0..<x.columns { dx[r, c] = right[r, (c + x.columns - k) % x.columns] } }
                            return dx
                        }),
        ]) { random in
            [(1, 2, 1, 3), (3, 4, 2, 2), (5, 3, 3, 4)].map { n, u, k, o in
                let inputs = ConditionedInputs(n, u, k, o, readsCondition: false, random)
                return CheckCase(inputs.description, references: [inputs.reference]) { f in inputs.run(f) }
            }
        }
    }

    /// Exercise 7.2: the same, when the affine map reads c too.
    public static var conditionReadingAffineBackward: Exercise<(Matrix<Double>, Matrix<Double>, Int, Matrix<Double>) -> Matrix<Double>> {
        let info = ExerciseInfo(
            "7.2", "The conditioned layer's backward pass, when the layer reads c", kind: .derive,
            task: ["As Exercise 7.1, but the affine map reads the whole row: [u | c] ↦ [[u | c] W + b | c], with W of",
                   "(width of u + k) × o rows and columns, as in G's and D's first layers. c now reaches the output twice."],
            paper: "§7 (\"adding c as input to both G and D\")", answer: "Chapter 7, \"A conditional model p(x | c)\"",
            solution: .solutions("Chapter7/ConditionedAffineBackward.swift", region: "condition-reading-affine-backward",
                                 function: "conditionReadingAffineBackward"))
        let solution: ConditionedBackward = { ExerciseChecks.conditionReadingAffineBackward(input: $0, weights: $1, conditionWidth: $2, outputGradient: $3) }
        return Exercise(info, solution: solution, mistakes: [
            .recognised("copy-forgotten", "only the path through W",
                        hint: "c also reaches the output as a copy: add ∂L/∂c_out to c's columns, on top of the path through W",
                        { x, w, k, dy in
                            let dx = solution(x, w, k, dy)
                            for r in 0..<x.rows { for j in 0..<k { dx[r, x.columns - k + j] -= dy[r, w.columns + j] } }
                            return dx
                        }),
            .recognised("weights-path-forgotten", "c's gradient from the copy only",
                        hint: "the affine map reads c too: c's columns get ∂L/∂f Wᵀ as u's do, plus the copy's ∂L/∂c_out",
                        { x, w, k, dy in
                            let dx = solution(x, w, k, dy)
                            for r in 0..<x.rows { for j in 0..<k { dx[r, x.columns - k + j] = dy[r, w.columns + j] } }
                            return dx
                        }),
        ]) { random in
            [(1, 2, 1, 3), (3, 4, 2, 2), (5, 3, 3, 4)].map { n, u, k, o in
                let inputs = ConditionedInputs(n, u, k, o, readsCondition: true, random)
                return CheckCase(inputs.description, references: [inputs.reference]) { f in inputs.run(f) }
            }
        }
    }
}
