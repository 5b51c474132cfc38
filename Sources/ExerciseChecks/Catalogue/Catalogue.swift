/// Every exercise, in the order of the chapters.
public enum Catalogue {
    public static var all: [AnyExercise] {
        [
            logOneMinusD.erased, logDDerivative.erased, logOneMinusDDerivative.erased, minibatchEstimate.erased,
            smoothedValue.erased,
            discriminatorLogitGradient.erased, maxoutBackward.erased, dropoutBackward.erased, affineBackward.erased,
            hingeLogitGradient.erased,
            saturatingLossGradient.erased, nonSaturatingLossGradient.erased, sampleGradient.erased, sigmoidBackward.erased,
            leastSquaresGeneratorGradient.erased,
            momentumStep.erased, algorithm1Iteration.erased, jensenShannonDivergence.erased, wassersteinCriticStep.erased,
            closedFormLogit.erased, discreteCriterion.erased, criterionGradient.erased, exponentiatedGradientStep.erased,
            smoothedOptimalDiscriminator.erased,
            logMeanExp.erased, parzenLogDensity.erased, frechetDistance.erased, kernelInceptionDistance.erased,
            conditionedAffineBackward.erased, conditionReadingAffineBackward.erased, maskedSquaredError.erased,
            projectionDiscriminatorBackward.erased,
        ]
    }

    /// The exercise numbered `number` ("2.1"), if there is one.
    public static func exercise(_ number: String) -> AnyExercise? {
        all.first { $0.info.number == number }
    }

    /// The exercises a command names: one (`2.1`), a chapter's (`2`), or all (none).
    public static func select(_ word: String?) -> [AnyExercise]? {
        guard let word else { return all }
        if word.contains(".") { return exercise(word).map { [$0] } }
        guard let chapter = Int(word) else { return nil }
        let found = all.filter { $0.info.chapter == chapter }
        return found.isEmpty ? nil : found
    }

    /// The numbers a command accepts, for its error message.
    public static var validNumbers: String {
        let chapters = Set(all.map(\.info.chapter)).sorted()
        return chapters.map { chapter in
            "\(chapter): " + all.filter { $0.info.chapter == chapter }.map(\.info.number).joined(separator: " ")
        }.joined(separator: "; ")
    }
}
