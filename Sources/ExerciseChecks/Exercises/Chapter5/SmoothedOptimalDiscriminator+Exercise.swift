import Foundation
import GANCore

extension Catalogue {
    /// Exercise 5.5: Proposition 1 with smoothed labels.
    public static var smoothedOptimalDiscriminator: Exercise<(Double, Double, Double, Double) -> Double> {
        let info = ExerciseInfo(
            "5.5", "The optimal discriminator with smoothed labels", kind: .beyond,
            task: ["Proposition 1 again, when D is trained with real samples labelled α and generated ones labelled β",
                   "(a sample labelled y scores y·log D + (1 − y)·log(1 − D), as in Exercise 1.5). At a point x with",
                   "densities p_data(x) and p_g(x), return the D(x) that maximises the expected score. Then ask what",
                   "β > 0 does where p_data = 0, and why label smoothing is kept one-sided."],
            paper: "not in the paper; Proposition 1 with other labels",
            answer: "Sources/ExerciseChecks/Solutions/Chapter5/SmoothedOptimalDiscriminator.swift",
            citation: "Salimans et al. 2016, \"Improved Techniques for Training GANs\", arXiv:1606.03498, §3.4",
            solution: .solutions("Chapter5/SmoothedOptimalDiscriminator.swift", region: "smoothed-optimal-discriminator",
                                 function: "smoothedOptimalDiscriminator"))
        return Exercise(info, solution: { ExerciseChecks.smoothedOptimalDiscriminator(pData: $0, pG: $1, realLabel: $2, fakeLabel: $3) }, mistakes: [
            .recognised("labels-weight-densities", "αp/(αp + q)",
                        hint: "the labels weigh the log terms, not the densities: collect the coefficients of log y and log(1 − y), then use Proposition 1",
                        { p, q, alpha, _ in alpha * p / (alpha * p + q) }),
            .recognised("fake-label-ignored", "αp/(p + q), whatever β is",
                        hint: "the generated samples' label β adds β·p_g to the coefficient of log y: D* = (α p_data + β p_g)/(p_data + p_g)",
                        { p, q, alpha, _ in alpha * p / (p + q) }),
        ]) { random in
            [(1.0, 0.0, "labels 1 and 0 (Proposition 1)"), (0.9, 0.0, "α = 0.9, β = 0 (one-sided)"), (0.9, 0.1, "α = 0.9, β = 0.1 (two-sided)")].map { alpha, beta, words in
                let points = (0..<5).map { _ in (random.uniform(0.01, 1), random.uniform(0.01, 1)) }
                let numeric = points.map { p, q -> Double in
                    let score = { (t: Double) -> Double in
                        p * (alpha * ReferenceLogTerms.logD(t) + (1 - alpha) * ReferenceLogTerms.logOneMinusD(t))
                            + q * (beta * ReferenceLogTerms.logD(t) + (1 - beta) * ReferenceLogTerms.logOneMinusD(t))
                    }
                    return (try? Minimisation.minimum(in: -40...40, gridPoints: 161) { -score($0) }).map { ReferenceLogTerms.sigmoid($0.x) } ?? .nan
                }
                return CheckCase("\(words), 5 points with densities from [0.01, 1]",
                                 references: [.value(.vector("D*", numeric), "GSL's Brent maximiser of the expected score", tolerance: 1e-6, floor: 1e-3)]) { f in
                    [.vector("D*", points.map { f($0.0, $0.1, alpha, beta) })]
                }
            }
        }
    }
}
