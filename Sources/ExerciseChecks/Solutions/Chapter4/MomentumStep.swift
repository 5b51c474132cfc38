// [excerpt: momentum-step]
/// One step of momentum SGD, as `GANCore.MomentumSGD` takes it: D ascends
/// its objective, G descends its loss.
/// ```
/// v ← μ·v + η·g  (ascent)   or   v ← μ·v − η·g  (descent)
/// θ ← θ + v
/// ```
func momentumStep(
    parameters theta: [Double], velocity v: [Double], gradient g: [Double],
    learningRate eta: Double, momentum mu: Double, ascend: Bool
) -> (parameters: [Double], velocity: [Double]) {
    let rate = ascend ? eta : -eta
    let velocity = zip(v, g).map { mu * $0 + rate * $1 }
    return (zip(theta, velocity).map { $0 + $1 }, velocity)
}
// [end: momentum-step]
