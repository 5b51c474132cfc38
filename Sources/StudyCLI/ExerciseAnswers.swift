import Evaluation
import ExerciseChecks
import Exercises
import GANCore
import ValueFunction

/// The reader's functions in Sources/Exercises, each bound to its exercise.
/// The binding is typed by the exercise: a stub whose signature no longer
/// matches its solution's does not compile here.
public enum ExerciseAnswers {
    /// The exercises bound, in order (a test compares them with the catalogue's).
    public static var numbers: [String] { all.map(\.number) }

    static var all: [ReaderAnswer] {
        [
            // Chapter 1
            Catalogue.logOneMinusD.answer { Exercises.logOneMinusD(logit: $0) },
            Catalogue.logDDerivative.answer { Exercises.logDDerivative(logit: $0) },
            Catalogue.logOneMinusDDerivative.answer { Exercises.logOneMinusDDerivative(logit: $0) },
            Catalogue.minibatchEstimate.answer { Exercises.estimate(realLogits: $0, generatedLogits: $1) },
            Catalogue.smoothedValue.answer { Exercises.smoothedValue(realLogits: $0, generatedLogits: $1, realLabel: $2) },
            // Chapter 2
            Catalogue.discriminatorLogitGradient.answer { Exercises.discriminatorLogitGradient(realLogits: $0, generatedLogits: $1) },
            Catalogue.maxoutBackward.answer { Exercises.maxoutBackward(input: $0, pieces: $1, outputGradient: $2) },
            Catalogue.dropoutBackward.answer { Exercises.dropoutBackward(outputGradient: $0, mask: $1, scale: $2) },
            Catalogue.affineBackward.answer { Exercises.affineBackward(input: $0, weights: $1, outputGradient: $2) },
            Catalogue.hingeLogitGradient.answer { Exercises.hingeLogitGradient(realLogits: $0, generatedLogits: $1) },
            // Chapter 3
            Catalogue.saturatingLossGradient.answer { Exercises.saturatingLossGradient(logits: $0) },
            Catalogue.nonSaturatingLossGradient.answer { Exercises.nonSaturatingLossGradient(logits: $0) },
            Catalogue.sampleGradient.answer { Exercises.sampleGradient(samples: $0, weights: $1, bias: $2) },
            Catalogue.sigmoidBackward.answer { Exercises.sigmoidBackward(output: $0, outputGradient: $1) },
            Catalogue.leastSquaresGeneratorGradient.answer { Exercises.leastSquaresGeneratorGradient(outputs: $0) },
            // Chapter 4
            Catalogue.momentumStep.answer {
                Exercises.momentumStep(parameters: $0, velocity: $1, gradient: $2, learningRate: $3, momentum: $4, ascend: $5)
            },
            Catalogue.algorithm1Iteration.answer {
                Exercises.algorithm1Iteration(discriminator: $0, generator: $1, realBatches: $2, noiseBatches: $3, learningRate: $4)
            },
            Catalogue.jensenShannonDivergence.answer { Exercises.jensenShannonDivergence(p: $0, q: $1) },
            Catalogue.wassersteinCriticStep.answer {
                Exercises.wassersteinCriticStep(weights: $0, real: $1, generated: $2, learningRate: $3, clip: $4)
            },
            // Chapter 5
            Catalogue.closedFormLogit.answer { Exercises.closedFormLogit(a: $0, b: $1) },
            Catalogue.discreteCriterion.answer { Exercises.criterion(data: $0, generator: $1) },
            Catalogue.criterionGradient.answer { Exercises.criterionGradient(data: $0, generator: $1) },
            Catalogue.exponentiatedGradientStep.answer { Exercises.exponentiatedGradientStep(data: $0, generator: $1, stepSize: $2) },
            Catalogue.smoothedOptimalDiscriminator.answer {
                Exercises.smoothedOptimalDiscriminator(pData: $0, pG: $1, realLabel: $2, fakeLabel: $3)
            },
            // Chapter 6
            Catalogue.logMeanExp.answer { Exercises.logMeanExp($0) },
            Catalogue.parzenLogDensity.answer { Exercises.parzenLogDensity(point: $0, centres: $1, width: $2) },
            Catalogue.frechetDistance.answer { try Exercises.squaredDistance($0, $1) },
            Catalogue.kernelInceptionDistance.answer { Exercises.kernelInceptionDistance(real: $0, generated: $1) },
            // Chapter 7
            Catalogue.conditionedAffineBackward.answer {
                Exercises.conditionedAffineBackward(input: $0, weights: $1, conditionWidth: $2, outputGradient: $3)
            },
            Catalogue.conditionReadingAffineBackward.answer {
                Exercises.conditionReadingAffineBackward(input: $0, weights: $1, conditionWidth: $2, outputGradient: $3)
            },
            Catalogue.maskedSquaredError.answer { Exercises.loss(prediction: $0, target: $1, mask: $2, scale: $3, gradient: $4) },
            Catalogue.projectionDiscriminatorBackward.answer {
                Exercises.projectionDiscriminatorBackward(features: $0, classes: $1, embedding: $2, outputWeights: $3, logitGradient: $4)
            },
        ]
    }
}
