import Testing
import DiscriminatorStep

@Suite struct DiscriminatorStepPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
