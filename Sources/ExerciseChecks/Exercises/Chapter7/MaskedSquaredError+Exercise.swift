import GANCore
import OpenDirections

extension Catalogue {
    /// Exercise 7.3: the loss the inference net and the latent searches descend.
    public static var maskedSquaredError: Exercise<(Matrix<Double>, Matrix<Double>, [Bool]?, Double, Matrix<Double>) -> Double> {
        let info = ExerciseInfo(
            "7.3", "A masked squared error and its gradient", kind: .derive,
            task: ["L = s · ½ Σᵢ Σⱼ wⱼ (Pᵢⱼ − Tᵢⱼ)² for predictions P and targets T (n × d), a mask w ∈ {0, 1}ᵈ shared by",
                   "the rows (all ones when nil) and a scale s. Return L, and write ∂L/∂P into `gradient` (n × d, every",
                   "entry). The inference net fits z with s = 1/n; filling in half an image masks the unseen half."],
            paper: "§7 (learned approximate inference)", answer: "Chapter 7, \"Learned approximate inference\"",
            solution: SolutionSource("Sources/OpenDirections/SquaredError.swift", region: "squared-error", function: "loss"),
            fileName: "MaskedSquaredError")
        func loss(_ p: Matrix<Double>, _ t: Matrix<Double>, _ mask: [Bool]?, _ s: Double, _ g: Matrix<Double>,
                  gradientMasked: Bool = true, lossHalf: Double = 0.5, gradientScale: Bool = true) -> Double {
            var total = 0.0
            for i in 0..<p.rows {
                for j in 0..<p.columns {
                    let keep = mask?[j] ?? true, e = p[i, j] - t[i, j]
                    if keep { total += e * e }
                    g[i, j] = (keep || !gradientMasked ? e : 0) * (gradientScale ? s : 1)
                }
            }
            return s * lossHalf * total
        }
        return Exercise(info, solution: { SquaredError.loss(prediction: $0, target: $1, mask: $2, scale: $3, gradient: $4) }, mistakes: [
            .recognised("mask-ignored-in-gradient", "the gradient written for every column",
                        hint: "a masked column does not enter L, so its gradient is 0: the mask applies to ∂L/∂P as it does to L",
                        { loss($0, $1, $2, $3, $4, gradientMasked: false) }),
            .diagnosed("half-forgotten", "L without the ½", expecting: "a factor of 2", { loss($0, $1, $2, $3, $4, lossHalf: 1) }),
            .recognised("gradient-unscaled", "the gradient without s",
                        hint: "s scales L, so it scales ∂L/∂P too: s · wⱼ (Pᵢⱼ − Tᵢⱼ)",
                        { loss($0, $1, $2, $3, $4, gradientScale: false) }),
        ]) { random in
            [(2, 3, false, 1.0), (4, 6, true, 1.0), (5, 8, true, 0.2)].map { n, d, masked, s in
                let p = Inputs.uniform(n * d, random, 0, 1), t = Inputs.uniform(n * d, random, 0, 1)
                let mask: [Bool]? = masked ? (0..<d).map { $0 < d / 2 } : nil
                let value: ([Double]) -> Double = { p in
                    s / 2 * (0..<n * d).reduce(0) { total, index in
                        (mask?[index % d] ?? true) ? total + (p[index] - t[index]) * (p[index] - t[index]) : total
                    }
                }
                return CheckCase("n = \(n), d = \(d), \(masked ? "the first half of the columns kept" : "no mask"), s = \(s)",
                                 references: [.value(.scalar("L", value(p)), "the sum over kept entries", floor: 1e-12),
                                              .gradient("∂L/∂P", shape: .matrix(n, d), at: p, of: value)]) { f in
                    let gradient = Matrix<Double>(rows: n, columns: d)
                    let l = f(Inputs.matrix(n, d, p), Inputs.matrix(n, d, t), mask, s, gradient)
                    return [.scalar("L", l), .matrix("∂L/∂P", gradient)]
                }
            }
        }
    }
}
