// Exercise 4.1: One step of momentum SGD, up or down. Chapter 4, derive it before you read it.
//
// Write your answer in the body of the function below, then run
// `tools/study check 4.1`. Everything outside the body is generated from
// the solution (Sources/ExerciseChecks/Solutions/Chapter4/MomentumStep.swift, region momentum-step)
// and must stay as it is; `tools/exercises reset 4.1` restores this file.
import ExerciseChecks
import GANCore

/// One momentum step of the parameters θ with velocity v along the gradient g, learning rate η and
/// momentum μ, uphill when `ascend` (D ascends V̂) and downhill otherwise (G descends its loss).
/// Return the new θ and the new v; the step moves θ by the new velocity.
///
/// - Paper: Algorithm 1 ("we used momentum")
/// - Answer, once you have tried: Chapter 2, "Back through the layers" (the ascent step), and GANCore's MomentumSGD
public func momentumStep(
    parameters theta: [Double], velocity v: [Double], gradient g: [Double],
    learningRate eta: Double, momentum mu: Double, ascend: Bool
) -> (parameters: [Double], velocity: [Double]) {
    notAttempted("4.1")
}
