import Testing
import Experiments

@Suite struct ExperimentsPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
