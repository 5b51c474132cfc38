import Foundation
import GANCore

extension Catalogue {
    /// Exercise 4.3: the distance Chapter 4 measures progress by.
    public static var jensenShannonDivergence: Exercise<([Double], [Double]) -> Double> {
        let info = ExerciseInfo(
            "4.3", "The Jensen–Shannon divergence on a grid", kind: .derive,
            task: ["JSD(p ‖ q) in nats for two probability vectors p and q on one grid (each sums to 1; entries may be 0):",
                   "the mean of the two KL divergences to their midpoint m = (p + q)/2. Theorem 1 says",
                   "C(G) = −log 4 + 2·JSD(p_data ‖ p_g). Where an entry is 0, its term is 0 (p log p → 0)."],
            paper: "Theorem 1, Eqs. (5)–(6)", answer: "Chapter 4, \"Measuring progress: the Jensen–Shannon divergence\"",
            solution: .solutions("Chapter4/JensenShannonDivergence.swift", region: "jensen-shannon-divergence", function: "jensenShannonDivergence"))
        func naive(_ p: [Double], _ q: [Double]) -> Double {
            zip(p, q).reduce(0) { total, pair in
                let (pi, qi) = pair, mi = (pi + qi) / 2
                return total + 0.5 * pi * log(pi / mi) + 0.5 * qi * log(qi / mi)
            }
        }
        return Exercise(info, solution: { ExerciseChecks.jensenShannonDivergence(p: $0, q: $1) }, mistakes: [
            .recognised("zero-entries", "0·log(0/m) left as NaN",
                        hint: "where pᵢ = 0, pᵢ·log(pᵢ/mᵢ) is 0·(−∞) = NaN in floating point; its limit is 0: skip the terms whose weight is 0",
                        naive),
            .diagnosed("no-half", "the sum of the two KL divergences", expecting: "a factor of 2",
                       { 2 * ExerciseChecks.jensenShannonDivergence(p: $0, q: $1) }),
            .recognised("bits", "logarithms base 2",
                        hint: "that is the divergence in bits (log base 2); Theorem 1's log 4 and this notebook measure in nats (natural logs)",
                        { ExerciseChecks.jensenShannonDivergence(p: $0, q: $1) / log(2) }),
        ]) { random in
            // Entropies: JSD = H(m) − ½H(p) − ½H(q), a route that shares no log ratio with the definition.
            func entropy(_ p: [Double]) -> Double { -p.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) } }
            func reference(_ p: [Double], _ q: [Double]) -> Double {
                entropy(zip(p, q).map { ($0 + $1) / 2 }) - 0.5 * entropy(p) - 0.5 * entropy(q)
            }
            let disjoint = ([0.5, 0.3, 0.2, 0, 0, 0], [0, 0, 0, 0.1, 0.6, 0.3])
            let pairs: [(String, [Double], [Double])] = [
                ("5 entries, all positive", Inputs.probabilities(5, random), Inputs.probabilities(5, random)),
                ("20 entries, 4 of p's and 3 of q's are 0", Inputs.probabilities(20, random, zeros: 4), Inputs.probabilities(20, random, zeros: 3)),
                ("6 entries, p and q on disjoint halves (JSD = log 2)", disjoint.0, disjoint.1),
            ]
            return pairs.map { description, p, q in
                CheckCase(description, references: [.value(.scalar("JSD", reference(p, q)), "H(m) − ½H(p) − ½H(q)")]) { f in
                    [.scalar("JSD", f(p, q))]
                }
            }
        }
    }
}
