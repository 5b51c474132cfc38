import GANCore

extension Catalogue {
    /// Exercise 3.3: through D, to G's samples.
    public static var sampleGradient: Exercise<(Matrix<Double>, [Double], Double) -> Matrix<Double>> {
        let info = ExerciseInfo(
            "3.3", "The loss's gradient at G's samples, through D", kind: .derive,
            task: ["∂L/∂xᵢ for every generated sample xᵢ = G(z⁽ⁱ⁾) (one per row of `samples`), for the",
                   "non-saturating loss L = −(1/m) Σ log D(xᵢ) and a logistic discriminator D(x) = σ(x·w + c).",
                   "This is what G's backward pass starts from; D's weights are read, never changed."],
            paper: "Algorithm 1 (G's step), §3", answer: "Chapter 3, \"Through D and into G\"",
            solution: .solutions("Chapter3/SampleGradient.swift", region: "sample-gradient", function: "sampleGradient"))
        return Exercise(info, solution: { ExerciseChecks.sampleGradient(samples: $0, weights: $1, bias: $2) }, mistakes: [
            .recognised("weights-forgotten", "the logit's gradient copied into every column",
                        hint: "∂a/∂x = w: the logit's gradient −(1 − D)/m reaches x's entry j multiplied by w_j",
                        { x, w, c in
                            let right = ExerciseChecks.sampleGradient(samples: x, weights: w.map { _ in 1 }, bias: c)
                            let m = Double(x.rows)
                            for i in 0..<x.rows {
                                let a = (0..<x.columns).reduce(c) { $0 + x[i, $1] * w[$1] }
                                for j in 0..<x.columns { right[i, j] = -sigmoid(-a) / m }
                            }
                            return right
                        }),
            .diagnosed("no-mean", "the 1/m left out", expecting: "a factor of m", { x, w, c in
                let right = ExerciseChecks.sampleGradient(samples: x, weights: w, bias: c)
                return Matrix(rows: x.rows, columns: x.columns, elements: right.elements.map { $0 * Double(x.rows) })
            }),
            .recognised("saturating", "the saturating loss's gradient",
                        hint: "that is the saturating loss log(1 − D)'s gradient, −D·w/m; the non-saturating loss −log D gives −(1 − D)·w/m",
                        { x, w, c in
                            let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
                            for i in 0..<x.rows {
                                let a = (0..<x.columns).reduce(c) { $0 + x[i, $1] * w[$1] }
                                for j in 0..<x.columns { dx[i, j] = -sigmoid(a) / Double(x.rows) * w[j] }
                            }
                            return dx
                        }),
        ]) { random in
            [(3, 1), (5, 3), (8, 6)].map { m, d in
                let x = Inputs.uniform(m * d, random, -2, 2), w = Inputs.uniform(d, random, -1.5, 1.5), c = random.uniform(-1, 1)
                let loss: ([Double]) -> Double = { x in
                    -(0..<m).reduce(0) { total, i in total + ReferenceLogTerms.logD((0..<d).reduce(c) { $0 + x[i * d + $1] * w[$1] }) } / Double(m)
                }
                return CheckCase("m = \(m) samples of dimension \(d)",
                                 references: [.gradient("∂L/∂x", shape: .matrix(m, d), at: x, of: loss)],
                                 factors: [(Double(m), "a factor of m: L is a mean over the m samples")]) { f in
                    [.matrix("∂L/∂x", f(Inputs.matrix(m, d, x), w, c))]
                }
            }
        }
    }
}
