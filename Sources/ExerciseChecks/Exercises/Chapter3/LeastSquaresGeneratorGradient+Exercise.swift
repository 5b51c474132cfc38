import GANCore

extension Catalogue {
    /// Exercise 3.5: the least-squares generator loss.
    public static var leastSquaresGeneratorGradient: Exercise<([Double]) -> [Double]> {
        let info = ExerciseInfo(
            "3.5", "The least-squares generator loss's gradient", kind: .beyond,
            task: ["In a least-squares GAN, D outputs a raw score a (no sigmoid), trained towards 1 on real data and",
                   "0 on generated samples, and G minimises L_G = (1/2m) Σ (aᵢ − 1)² over its m samples' scores.",
                   "Return ∂L_G/∂aᵢ. Unlike Exercise 3.1's, it does not vanish where D rejects G's samples."],
            paper: "not in the paper; replaces §3's generator loss",
            answer: "Sources/ExerciseChecks/Solutions/Chapter3/LeastSquaresGeneratorGradient.swift",
            citation: "Mao et al. 2017, \"Least Squares Generative Adversarial Networks\", arXiv:1611.04076, Eq. (2)",
            solution: .solutions("Chapter3/LeastSquaresGeneratorGradient.swift", region: "least-squares-generator-gradient",
                                 function: "leastSquaresGeneratorGradient"))
        return Exercise(info, solution: { ExerciseChecks.leastSquaresGeneratorGradient(outputs: $0) }, mistakes: [
            .diagnosed("half-forgotten", "the ½ of the square's derivative kept", expecting: "a factor of 2",
                       { a in a.map { 2 * ($0 - 1) / Double(a.count) } }),
            .recognised("fake-target", "scores pulled towards 0",
                        hint: "that pulls G's scores towards 0, the label D gives generated samples; G's target is c = 1, the real data's label",
                        { a in a.map { $0 / Double(a.count) } }),
            .diagnosed("sign", "(1 − aᵢ)/m", expecting: "sign flipped", { a in a.map { (1 - $0) / Double(a.count) } }),
        ]) { random in
            [3, 7, 25].map { m in
                let scores = Inputs.uniform(m, random, -2, 1.5)
                let loss: ([Double]) -> Double = { $0.reduce(0) { $0 + ($1 - 1) * ($1 - 1) } / (2 * Double(m)) }
                return CheckCase("m = \(m) scores from [−2, 1.5]", references: [.gradient("∂L_G/∂a", shape: .vector(m), at: scores, of: loss)],
                                 factors: [(Double(m), "a factor of m: L_G is a mean over the m samples")]) { f in
                    [.vector("∂L_G/∂a", f(scores))]
                }
            }
        }
    }
}
