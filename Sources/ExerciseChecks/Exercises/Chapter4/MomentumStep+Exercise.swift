import GANCore

extension Catalogue {
    /// Exercise 4.1: the update rule Algorithm 1 leaves open.
    public static var momentumStep: Exercise<([Double], [Double], [Double], Double, Double, Bool) -> (parameters: [Double], velocity: [Double])> {
        let info = ExerciseInfo(
            "4.1", "One step of momentum SGD, up or down", kind: .derive,
            task: ["One momentum step of the parameters θ with velocity v along the gradient g, learning rate η and",
                   "momentum μ, uphill when `ascend` (D ascends V̂) and downhill otherwise (G descends its loss).",
                   "Return the new θ and the new v; the step moves θ by the new velocity."],
            paper: "Algorithm 1 (\"we used momentum\")", answer: "Chapter 2, \"Back through the layers\" (the ascent step), and GANCore's MomentumSGD",
            solution: .solutions("Chapter4/MomentumStep.swift", region: "momentum-step", function: "momentumStep"))
        typealias Step = (parameters: [Double], velocity: [Double])
        return Exercise(info, solution: {
            ExerciseChecks.momentumStep(parameters: $0, velocity: $1, gradient: $2, learningRate: $3, momentum: $4, ascend: $5)
        }, mistakes: [
            .recognised("always-descends", "descent whatever `ascend` says",
                        hint: "D ascends V̂ (v ← μv + ηg) while G descends its loss (v ← μv − ηg): the direction depends on `ascend`",
                        { theta, v, g, eta, mu, _ in
                            ExerciseChecks.momentumStep(parameters: theta, velocity: v, gradient: g, learningRate: eta, momentum: mu, ascend: false)
                        }),
            .recognised("old-velocity", "θ moved by the velocity before the step",
                        hint: "θ moves by the new velocity, v ← μv ± ηg first, then θ ← θ + v; yours moved θ by the old v",
                        { theta, v, g, eta, mu, ascend -> Step in
                            let rate = ascend ? eta : -eta
                            return (zip(theta, v).map { $0 + $1 }, zip(v, g).map { mu * $0 + rate * $1 })
                        }),
        ]) { random in
            [(3, true), (10, false), (40, true)].map { n, ascend in
                let theta = Inputs.uniform(n, random, -1, 1), v = Inputs.uniform(n, random, -0.1, 0.1), g = Inputs.uniform(n, random, -2, 2)
                let (eta, mu) = (random.uniform(0.01, 0.2), random.uniform(0.4, 0.9))
                let sign = ascend ? 1.0 : -1.0
                // θ + μv ± ηg, written out in one line: the step without naming the new velocity.
                let expected = (0..<n).map { theta[$0] + mu * v[$0] + sign * eta * g[$0] }
                let velocity = (0..<n).map { mu * v[$0] + sign * eta * g[$0] }
                return CheckCase(
                    "\(n) parameters, η = \(CheckRun<Int>.number(eta)), μ = \(CheckRun<Int>.number(mu)), \(ascend ? "ascending" : "descending")",
                    references: [.value(.vector("θ after the step", expected), "θ + μv ± ηg", floor: 1e-12),
                                 .value(.vector("v after the step", velocity), "μv ± ηg", floor: 1e-12)]) { f in
                    let step = f(theta, v, g, eta, mu, ascend)
                    return [.vector("θ after the step", step.parameters), .vector("v after the step", step.velocity)]
                }
            }
        }
    }
}
