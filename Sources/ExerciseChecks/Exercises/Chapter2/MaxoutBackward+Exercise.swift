import GANCore

extension Catalogue {
    /// Exercise 2.2: the backward pass of §5's maxout units.
    public static var maxoutBackward: Exercise<(Matrix<Double>, Int, Matrix<Double>) -> Matrix<Double>> {
        let info = ExerciseInfo(
            "2.2", "Maxout's backward pass", kind: .derive,
            task: ["∂L/∂input of a layer of maxout units, given the layer's input and ∂L/∂output.",
                   "The input has one row per sample and units × pieces columns: unit u's pieces are the columns",
                   "u·pieces ..< (u+1)·pieces, and the unit outputs the largest of them (output: rows × units)."],
            paper: "§5 (D's maxout units, Goodfellow et al. 2013)", answer: "Chapter 2, \"Back through the layers\"",
            solution: .solutions("Chapter2/MaxoutBackward.swift", region: "maxout-backward", function: "maxoutBackward"))
        /// The gradient sent to one chosen column of each unit's pieces.
        func routed(_ x: Matrix<Double>, _ pieces: Int, _ dy: Matrix<Double>, column: (Int, Int, Int) -> Int) -> Matrix<Double> {
            let units = x.columns / pieces
            let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
            for r in 0..<x.rows { for u in 0..<units { dx[r, column(r, u, units)] += dy[r, u] } }
            return dx
        }
        return Exercise(info, solution: { ExerciseChecks.maxoutBackward(input: $0, pieces: $1, outputGradient: $2) }, mistakes: [
            .recognised("every-piece", "the unit's gradient sent to all its pieces",
                        hint: "every piece of a unit received the unit's gradient; only the piece that won the max passes it on, the others get 0",
                        { x, pieces, dy in
                            let dx = Matrix<Double>(rows: x.rows, columns: x.columns)
                            for r in 0..<x.rows { for c in 0..<x.columns { dx[r, c] = dy[r, c / pieces] } }
                            return dx
                        }),
            .recognised("smallest-piece", "the gradient sent to the smallest piece",
                        hint: "the gradient went to each unit's smallest piece; maxout outputs the largest, and that piece is the one whose input moves the output",
                        { x, pieces, dy in routed(x, pieces, dy) { r, u, _ in (u * pieces..<(u + 1) * pieces).min { x[r, $0] < x[r, $1] }! } }),
            .recognised("strided", "pieces read as strided columns",
                        hint: "unit u's pieces are the columns u·pieces ..< (u+1)·pieces, side by side; yours took piece p of unit u from column p·units + u",
                        { x, pieces, dy in
                            routed(x, pieces, dy) { r, u, units in (0..<pieces).map { $0 * units + u }.max { x[r, $0] < x[r, $1] }! }
                        }),
            .diagnosed("output-gradient", "∂L/∂output returned as it came", expecting: "the shape comes first", { _, _, dy in dy.copy() }),
        ]) { random in
            [(1, 2, 2), (3, 4, 3), (5, 3, 5)].map { rows, units, pieces in
                // Pieces of a unit at least 0.05 apart: the finite differences never straddle a tie.
                let x: [Double] = (0..<rows * units).flatMap { _ in
                    var values: [Double] = []
                    while values.count < pieces {
                        let v = random.uniform(-2, 2)
                        if values.allSatisfy({ abs($0 - v) >= 0.05 }) { values.append(v) }
                    }
                    return values
                }
                let dy = Inputs.uniform(rows * units, random, -1, 1)
                let width = units * pieces
                let projected: ([Double]) -> Double = { x in
                    (0..<rows * units).reduce(0) { total, k in total + dy[k] * x[(k * pieces)..<((k + 1) * pieces)].max()! }
                }
                return CheckCase("\(rows) row\(rows == 1 ? "" : "s"), \(units) units × \(pieces) pieces",
                                 references: [.gradient("∂L/∂input", shape: .matrix(rows, width), at: x, of: projected)]) { f in
                    [.matrix("∂L/∂input", f(Inputs.matrix(rows, width, x), pieces, Inputs.matrix(rows, units, dy)))]
                }
            }
        }
    }
}
