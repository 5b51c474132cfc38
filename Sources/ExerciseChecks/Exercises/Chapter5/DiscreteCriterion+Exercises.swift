import Foundation
import GANCore

/// C(G) on a grid another way: −log 4 + 2·JSD, the JSD from entropies.
enum ReferenceCriterion {
    static func entropy(_ p: [Double]) -> Double { -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) } }

    static func value(_ data: [Double], _ generator: [Double]) -> Double {
        let jsd = entropy(zip(data, generator).map { ($0 + $1) / 2 }) - 0.5 * entropy(data) - 0.5 * entropy(generator)
        return -log(4) + 2 * jsd
    }

    /// C for any positive p_g, on or off the simplex (the gradient's function).
    static func anywhere(_ data: [Double], _ generator: [Double]) -> Double {
        zip(data, generator).reduce(0) { sum, pair in
            let (p, q) = pair
            return sum + (p > 0 ? p * (log(p) - log(p + q)) : 0) + q * (log(q) - log(p + q))
        }
    }

    static func pairs(_ random: RandomSource) -> [(String, [Double], [Double])] {
        [("6 grid points, both positive", Inputs.probabilities(6, random), Inputs.probabilities(6, random)),
         ("15 grid points, p_data 0 at 4 of them", Inputs.probabilities(15, random, zeros: 4), Inputs.probabilities(15, random)),
         ("40 grid points, p_data 0 at 10 of them", Inputs.probabilities(40, random, zeros: 10), Inputs.probabilities(40, random))]
    }
}

extension Catalogue {
    /// Exercise 5.2: the virtual training criterion, on a grid.
    public static var discreteCriterion: Exercise<([Double], [Double]) -> Double> {
        let info = ExerciseInfo(
            "5.2", "C(G) on a grid", kind: .derive,
            task: ["The virtual training criterion C(G) = max_D V(G, D) of Eq. (4) for densities on a grid: p_data and p_g",
                   "are probability vectors (p_data may be 0 at some points), and the integrals are sums. Use the optimal",
                   "discriminator D* of Proposition 1 at each grid point. Theorem 1: C ≥ −log 4, with equality iff p_g = p_data."],
            paper: "Eq. (4), Theorem 1", answer: "Chapter 5, \"Proposition 2: convergence in p_g\" (the criterion on the grid)",
            solution: .solutions("Chapter5/DiscreteCriterion.swift", region: "discrete-criterion", function: "criterion"),
            fileName: "DiscreteCriterion")
        return Exercise(info, solution: { ExerciseChecks.criterion(data: $0, generator: $1) }, mistakes: [
            .recognised("zero-terms", "0·log 0 left as NaN",
                        hint: "where p_data is 0 the term p_data·log D* is 0·log 0 = NaN in floating point; its value is 0: skip it",
                        { p, q in zip(p, q).reduce(0) { $0 + $1.0 * log($1.0 / ($1.0 + $1.1)) + $1.1 * log($1.1 / ($1.0 + $1.1)) } }),
            .recognised("above-minimum", "C + log 4",
                        hint: "that is C + log 4 = 2·JSD(p_data ‖ p_g), Eq. (6)'s divergence; C itself is −log 4 at its minimum",
                        { ExerciseChecks.criterion(data: $0, generator: $1) + log(4) }),
            .recognised("swapped-terms", "p_data with log(1 − D*) and p_g with log D*",
                        hint: "the terms are swapped: data samples score log D*, generated ones log(1 − D*)",
                        { p, q in zip(p, q).reduce(0) { $0 + ($1.1 > 0 ? $1.0 * log($1.1 / ($1.0 + $1.1)) : 0) + ($1.0 > 0 ? $1.1 * log($1.0 / ($1.0 + $1.1)) : 0) } }),
        ]) { random in
            ReferenceCriterion.pairs(random).map { description, p, q in
                CheckCase(description, references: [.value(.scalar("C", ReferenceCriterion.value(p, q)), "−log 4 + 2·JSD, the JSD from entropies")]) { f in
                    [.scalar("C", f(p, q))]
                }
            }
        }
    }

    /// Exercise 5.3: C's gradient in p_g.
    public static var criterionGradient: Exercise<([Double], [Double]) -> [Double]> {
        let info = ExerciseInfo(
            "5.3", "C's gradient in p_g", kind: .derive,
            task: ["∂C/∂p_g,i for Exercise 5.2's C on the grid, at a p_g that is positive everywhere (C is defined off the",
                   "simplex too). D* depends on p_g; work out what its own change contributes, then simplify."],
            paper: "Proposition 2, §4.2", answer: "Chapter 5, \"Proposition 2: convergence in p_g\"",
            solution: .solutions("Chapter5/DiscreteCriterion.swift", region: "criterion-gradient", function: "criterionGradient"))
        return Exercise(info, solution: { ExerciseChecks.criterionGradient(data: $0, generator: $1) }, mistakes: [
            .recognised("log-d-star", "log D* instead of log(1 − D*)",
                        hint: "that is log D* = log(p_data/(p_data + p_g)); p_g's own term is p_g·log(1 − D*), so the gradient is log(1 − D*)",
                        { zip($0, $1).map { p, q in log(p / (p + q)) } }),
            .recognised("no-log", "1 − D* without the log",
                        hint: "1 − D* is not C's gradient: differentiate p_g·log(1 − D*) in p_g with D* fixed, which leaves the log",
                        { zip($0, $1).map { p, q in q / (p + q) } }),
        ]) { random in
            [("3 grid points", Inputs.probabilities(3, random), Inputs.probabilities(3, random)),
             ("8 grid points, p_data 0 at 2 of them", Inputs.probabilities(8, random, zeros: 2), Inputs.probabilities(8, random)),
             ("20 grid points", Inputs.probabilities(20, random), Inputs.probabilities(20, random))].map { description, p, q in
                CheckCase(description, references: [.gradient("∂C/∂p_g", shape: .vector(q.count), at: q) { ReferenceCriterion.anywhere(p, $0) }]) { f in
                    [.vector("∂C/∂p_g", f(p, q))]
                }
            }
        }
    }

    /// Exercise 5.4: Proposition 2 made a step.
    public static var exponentiatedGradientStep: Exercise<([Double], [Double], Double) -> [Double]> {
        let info = ExerciseInfo(
            "5.4", "An exponentiated-gradient step on C", kind: .derive,
            task: ["One step of exponentiated gradient on C in p_g with step size η: multiply each p_g,i by",
                   "exp(−η ∂C/∂p_g,i) (Exercise 5.3's gradient) and divide by the total, so p_g stays a probability vector.",
                   "Then simplify: at η = 1 the step is p_g ← (p_data + p_g)/2."],
            paper: "Proposition 2, §4.2", answer: "Chapter 5, \"Proposition 2: convergence in p_g\"",
            solution: .solutions("Chapter5/DiscreteCriterion.swift", region: "exponentiated-gradient-step", function: "exponentiatedGradientStep"))
        func unnormalised(_ p: [Double], _ q: [Double], _ eta: Double) -> [Double] {
            zip(p, q).map { p, q in q * exp(-eta * log(q / (p + q))) }
        }
        return Exercise(info, solution: { ExerciseChecks.exponentiatedGradientStep(data: $0, generator: $1, stepSize: $2) }, mistakes: [
            .recognised("no-normalisation", "the products without dividing by their total",
                        hint: "the products p_g,i·exp(−η gᵢ) no longer sum to 1: divide by their total Z",
                        unnormalised),
            .recognised("ascends", "exp(+η g)",
                        hint: "that step climbs C: exponentiated gradient descent multiplies by exp(−η ∂C/∂p_g,i)",
                        { p, q, eta in
                            let raised = zip(p, q).map { p, q in q * exp(eta * log(q / (p + q))) }
                            let total = raised.reduce(0, +)
                            return raised.map { $0 / total }
                        }),
        ]) { random in
            [(4, 0.5), (10, 1.0), (25, 0.25)].map { n, eta in
                let p = Inputs.probabilities(n, random, zeros: n / 5), q = Inputs.probabilities(n, random)
                let gradient = FiniteDifferences.gradient(of: { ReferenceCriterion.anywhere(p, $0) }, at: q).values
                let moved = zip(q, gradient).map { $0 * exp(-eta * $1) }
                let total = moved.reduce(0, +)
                return CheckCase("\(n) grid points, η = \(eta)",
                                 references: [.value(.vector("p_g after the step", moved.map { $0 / total }),
                                                     "p_g·exp(−η g)/Z with GSL's finite-difference gradient g", tolerance: 1e-8, floor: 1e-12)]) { f in
                    [.vector("p_g after the step", f(p, q, eta))]
                }
            }
        }
    }
}
