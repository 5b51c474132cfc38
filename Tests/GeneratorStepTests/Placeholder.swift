import Testing
import GeneratorStep

@Suite struct GeneratorStepPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
