import Foundation
import GANCore
import Testing
import TheoreticalResults

/// Proposition 1's one-variable fact: a·log y + b·log(1 − y) peaks at
/// a/(a + b), confirmed with GSL's Brent minimiser.
@Suite struct PointwiseMaximiserTests {
    /// Whether Brent's answer for (a, b) agrees with a claimed maximiser
    /// (as a logit) as closely as the method allows: within the final
    /// bracket, widened by twice the resolution √(2ε|f|/|f″|) below which
    /// function values cannot tell points apart.
    static func agrees(a: Double, b: Double, claimedLogit: Double) throws -> Bool {
        let found = try PointwiseMaximiser.numericLogit(a: a, b: b)
        let allowance = (found.upper - found.lower) + 2 * PointwiseMaximiser.resolution(a: a, b: b)
        return abs(found.x - claimedLogit) <= allowance
    }

    @Test func pointwiseMaximiser_matchesTheClosedFormOverTheGrid() throws {
        for a in TheoreticalResultsDemo.maximiserGrid {
            for b in TheoreticalResultsDemo.maximiserGrid {
                #expect(try Self.agrees(a: a, b: b, claimedLogit: PointwiseMaximiser.closedFormLogit(a: a, b: b)), "a = \(a), b = \(b)")
            }
        }
    }

    @Test func pointwiseMaximiser_worstErrorIsTheOneTheChapterStates() throws {
        // The chapter prints 2.7e-07. Since d log y/dt = 1 − y and
        // d log(1 − y)/dt = −y, both lie in [−1, 1]: an error in t bounds
        // the relative errors of y* and of 1 − y*.
        let worst = try TheoreticalResultsDemo.worstMaximiserError()
        #expect(worst < 3e-7, "worst |t − t*| = \(worst)")
    }

    @Test func pointwiseMaximiser_rejectsAWrongClosedForm() throws {
        // Negative control: b/(a + b), a and b swapped, must fail wherever a ≠ b.
        for (a, b) in [(0.1, 2.0), (1e-6, 1.0), (3.0, 0.5)] {
            #expect(try !Self.agrees(a: a, b: b, claimedLogit: PointwiseMaximiser.closedFormLogit(a: b, b: a)), "a = \(a), b = \(b)")
        }
    }

    @Test func pointwiseMaximiser_withAZeroCoefficient_hasNoInteriorMaximum() {
        // a = 0: b·log(1 − y) only grows as y → 0; D* = 0 where p_data = 0.
        #expect(throws: GSLError.self) { try PointwiseMaximiser.numericLogit(a: 0, b: 1) }
        #expect(throws: GSLError.self) { try PointwiseMaximiser.numericLogit(a: 1, b: 0) }
    }
}
