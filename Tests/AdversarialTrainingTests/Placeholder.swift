import Testing
import AdversarialTraining

@Suite struct AdversarialTrainingPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
