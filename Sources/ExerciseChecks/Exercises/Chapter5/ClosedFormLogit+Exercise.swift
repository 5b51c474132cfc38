import Foundation
import GANCore
import TheoreticalResults

extension Catalogue {
    /// Exercise 5.1: Proposition 1's maximiser.
    public static var closedFormLogit: Exercise<(Double, Double) -> Double> {
        let info = ExerciseInfo(
            "5.1", "Proposition 1's maximiser, as a logit", kind: .derive,
            task: ["For a, b > 0, the maximiser y* over (0, 1) of y ↦ a·log y + b·log(1 − y), the pointwise form of",
                   "V(G, D) with a = p_data(x) and b = p_g(x). Return it as a logit, t* = log(y*/(1 − y*)), which",
                   "stays accurate where y* is within rounding of 0 or 1."],
            paper: "Proposition 1, Eq. (2), §4.1", answer: "Chapter 5, \"Proposition 1: the optimal discriminator\"",
            solution: SolutionSource("Sources/TheoreticalResults/PointwiseMaximiser.swift", region: "pointwise-objective", function: "closedFormLogit"))
        return Exercise(info, solution: { PointwiseMaximiser.closedFormLogit(a: $0, b: $1) }, mistakes: [
            .recognised("other-label", "log b − log a",
                        hint: "that is the maximiser's logit with a and b swapped, log(b/a): D* is the share of the data's density, a/(a + b)",
                        { log($1) - log($0) }),
            .recognised("probability", "y* itself, not its logit",
                        hint: "that is y* = a/(a + b) itself; the exercise asks for its logit, log(y*/(1 − y*))",
                        { $0 / ($0 + $1) }),
            .recognised("ratio", "a/b without the log",
                        hint: "a/b is the odds y*/(1 − y*); the logit is their log",
                        { $0 / $1 }),
        ]) { random in
            let logUniform = { (lower: Double, upper: Double) in exp(random.uniform(log(lower), log(upper))) }
            let cases: [(String, [(Double, Double)])] = [
                ("4 pairs (a, b) from [0.1, 1]", (0..<4).map { _ in (random.uniform(0.1, 1), random.uniform(0.1, 1)) }),
                ("6 pairs from 1e-4 to 10, log-uniform", (0..<6).map { _ in (logUniform(1e-4, 10), logUniform(1e-4, 10)) }),
                ("a = b, and a far from b", [(0.3, 0.3), (5, 5), (1e-3, 3), (8, 2e-4)]),
            ]
            return cases.map { description, pairs in
                // GSL's Brent minimiser finds the maximum without being told the closed form.
                let numeric = pairs.map { a, b in (try? PointwiseMaximiser.numericLogit(a: a, b: b).x) ?? .nan }
                return CheckCase(description, references: [.value(.vector("t*", numeric), "GSL's Brent maximiser", tolerance: 1e-6, floor: 1)]) { f in
                    [.vector("t*", pairs.map(f))]
                }
            }
        }
    }
}
