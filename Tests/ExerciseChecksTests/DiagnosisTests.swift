import ExerciseChecks
import Testing

/// The bands a relative error is read in (CS231n's notes on gradient checking).
@Suite struct DiagnosisTests {
    @Test func errorBands_followCS231n() {
        #expect(ErrorBand.describe(3e-11).hasPrefix("right"))
        #expect(ErrorBand.describe(5e-6).hasPrefix("close"))
        #expect(ErrorBand.describe(2e-3).hasPrefix("doubtful"))
        #expect(ErrorBand.describe(0.5).hasPrefix("wrong"))
    }
}
