import Testing
import TheoreticalResults

@Suite struct TheoreticalResultsPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
