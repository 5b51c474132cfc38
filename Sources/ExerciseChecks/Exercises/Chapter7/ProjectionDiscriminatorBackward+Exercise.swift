import GANCore

extension Catalogue {
    /// Exercise 7.4: a later way to tell D the class.
    public static var projectionDiscriminatorBackward: Exercise<
        (Matrix<Double>, [Int], Matrix<Double>, [Double], [Double]) -> (features: Matrix<Double>, embedding: Matrix<Double>)
    > {
        let info = ExerciseInfo(
            "7.4", "A projection discriminator's backward pass", kind: .beyond,
            task: ["A projection discriminator gives D the class by an inner product instead of an extra input: from",
                   "features φᵢ (row i of `features`, n × d) and class yᵢ, the logit is aᵢ = φᵢ·v + e_{yᵢ}·φᵢ, with v the output",
                   "weights and e_c row c of `embedding` (classes × d). Given δᵢ = ∂L/∂aᵢ, return ∂L/∂φ and ∂L/∂embedding."],
            paper: "not in the paper; another way to condition D than §7's",
            answer: "Sources/ExerciseChecks/Solutions/Chapter7/ProjectionDiscriminatorBackward.swift",
            citation: "Miyato and Koyama 2018, \"cGANs with Projection Discriminator\", arXiv:1802.05637",
            solution: .solutions("Chapter7/ProjectionDiscriminatorBackward.swift", region: "projection-discriminator-backward",
                                 function: "projectionDiscriminatorBackward"))
        typealias Gradients = (features: Matrix<Double>, embedding: Matrix<Double>)
        func solution(_ phi: Matrix<Double>, _ y: [Int], _ e: Matrix<Double>, _ v: [Double], _ delta: [Double]) -> Gradients {
            ExerciseChecks.projectionDiscriminatorBackward(features: phi, classes: y, embedding: e, outputWeights: v, logitGradient: delta)
        }
        return Exercise(info, solution: solution, mistakes: [
            .recognised("every-class", "every class's embedding given the gradient",
                        hint: "only the sample's own class's embedding e_{yᵢ} enters aᵢ: ∂L/∂e_c adds δᵢ φᵢ over the samples of class c alone",
                        { phi, y, e, v, delta in
                            let right = solution(phi, y, e, v, delta)
                            for c in 0..<e.rows {
                                for j in 0..<e.columns { right.embedding[c, j] = (0..<phi.rows).reduce(0) { $0 + delta[$1] * phi[$1, j] } }
                            }
                            return right
                        }),
            .recognised("output-weights-forgotten", "∂L/∂φᵢ as δᵢ e_{yᵢ}",
                        hint: "φᵢ enters aᵢ twice, through v and through e_{yᵢ}: ∂L/∂φᵢ = δᵢ (v + e_{yᵢ})",
                        { phi, y, e, v, delta in
                            let right = solution(phi, y, e, v, delta)
                            for i in 0..<phi.rows { for j in 0..<phi.columns { right.features[i, j] -= delta[i] * v[j] } }
                            return right
                        }),
        ]) { random in
            [(2, 3, 2), (6, 4, 3), (10, 8, 5)].map { n, d, classes in
                let phi = Inputs.uniform(n * d, random, -1, 1), e = Inputs.uniform(classes * d, random, -1, 1)
                let v = Inputs.uniform(d, random, -1, 1), delta = Inputs.uniform(n, random, -1, 1)
                // Every class but the last appears; the last gets no sample, and so a zero gradient.
                let y = (0..<n).map { $0 % max(classes - 1, 1) }
                func projected(_ phi: [Double], _ e: [Double]) -> Double {
                    var total = 0.0
                    for i in 0..<n {
                        var logit = 0.0
                        for j in 0..<d { logit += phi[i * d + j] * (v[j] + e[y[i] * d + j]) }
                        total += delta[i] * logit
                    }
                    return total
                }
                return CheckCase("n = \(n) samples, d = \(d) features, \(classes) classes (the last with no sample)",
                                 references: [.gradient("∂L/∂φ", shape: .matrix(n, d), at: phi) { projected($0, e) },
                                              .gradient("∂L/∂embedding", shape: .matrix(classes, d), at: e) { projected(phi, $0) }]) { f in
                    let g = f(Inputs.matrix(n, d, phi), y, Inputs.matrix(classes, d, e), v, delta)
                    return [.matrix("∂L/∂φ", g.features), .matrix("∂L/∂embedding", g.embedding)]
                }
            }
        }
    }
}
