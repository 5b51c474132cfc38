import Foundation
import GANCore
import ValueFunction

extension Catalogue {
    /// Exercise 1.4: V̂ on a minibatch, and how far to trust it.
    public static var minibatchEstimate: Exercise<([Double], [Double]) -> ValueFunction.Estimate> {
        let info = ExerciseInfo(
            "1.4", "V̂ on a minibatch, with its standard error", kind: .derive,
            task: ["The minibatch estimate of Eq. (1) that Algorithm 1 ascends, from D's logits on the real",
                   "samples x⁽ⁱ⁾ and on the generated ones G(z⁽ⁱ⁾): each expectation replaced by a sample mean.",
                   "Return V̂, both of its terms, and V̂'s standard error: each term is a sample mean of",
                   "independent draws (its error is s/√m, with s² the sample variance), and the two samples are independent."],
            paper: "Eq. (1), Algorithm 1", answer: "Chapter 1, \"The minibatch estimate\"",
            solution: SolutionSource("Sources/ValueFunction/ValueFunction.swift", region: "minibatch-estimate", function: "estimate",
                                     qualifying: ["Estimate": "ValueFunction.Estimate"]),
            imports: ["ValueFunction"], fileName: "MinibatchEstimate")
        func estimate(_ real: [Double], _ generated: [Double], variance: ([Double]) -> Double,
                      combine: (Double, Double) -> Double = { ($0 * $0 + $1 * $1).squareRoot() },
                      generatedTerm: (Double) -> Double = ReferenceLogTerms.logOneMinusD) -> ValueFunction.Estimate {
            let r = real.map(ReferenceLogTerms.logD), g = generated.map(generatedTerm)
            let (rm, gm) = (r.reduce(0, +) / Double(r.count), g.reduce(0, +) / Double(g.count))
            let se = combine((variance(r) / Double(r.count)).squareRoot(), (variance(g) / Double(g.count)).squareRoot())
            return ValueFunction.Estimate(value: rm + gm, standardError: se, realTerm: rm, generatedTerm: gm)
        }
        func sampleVariance(_ v: [Double]) -> Double {
            let mean = v.reduce(0, +) / Double(v.count)
            return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)
        }
        func populationVariance(_ v: [Double]) -> Double { sampleVariance(v) * Double(v.count - 1) / Double(v.count) }
        func outputs(_ e: ValueFunction.Estimate) -> [NamedTensor] {
            [.scalar("V̂", e.value), .scalar("(1/m) Σ log D(x)", e.realTerm),
             .scalar("(1/m) Σ log(1 − D(G(z)))", e.generatedTerm), .scalar("standard error", e.standardError)]
        }
        return Exercise(info, solution: { ValueFunction.estimate(realLogits: $0, generatedLogits: $1) }, mistakes: [
            .recognised("errors-added", "the two standard errors added",
                        hint: "standard errors do not add; the variances of independent means do: √(s²_real/m + s²_gen/m)",
                        { estimate($0, $1, variance: sampleVariance, combine: +) }),
            .recognised("population-variance", "s² divided by m",
                        hint: "the sample variance divides by m − 1, not m: the mean is estimated from the same samples",
                        { estimate($0, $1, variance: populationVariance) }),
            .recognised("log-d-for-generated", "log D for the generated samples",
                        hint: "the generated samples' term is log(1 − D(G(z))) = −softplus(a): D should call them fake",
                        { estimate($0, $1, variance: sampleVariance, generatedTerm: ReferenceLogTerms.logD) }),
        ]) { random in
            [(5, 5), (40, 40), (12, 30)].map { m, n in
                let real = Inputs.uniform(m, random, -6, 6), generated = Inputs.uniform(n, random, -6, 6)
                let reference = outputs(estimate(real, generated, variance: sampleVariance))
                return CheckCase("\(m) real and \(n) generated logits from [−6, 6]",
                                 references: reference.map { .value($0, "the sample means and variances", floor: 1e-12) }) { f in
                    outputs(f(real, generated))
                }
            }
        }
    }
}
