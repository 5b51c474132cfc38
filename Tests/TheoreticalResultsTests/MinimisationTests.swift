import Foundation
import GANCore
import Testing

/// GSL's Brent minimiser (GANCore's `Minimisation`), which this chapter
/// uses to confirm Proposition 1 and to minimise C(G) along a family.
@Suite struct MinimisationTests {
    @Test func brentMinimiser_findsAKnownMinimum() throws {
        // cos x + 1 has its minimum 0 at π. Near it f ≈ ½(x − π)², so rounding
        // (ε ≈ 2e-16) hides any error below √(2ε) ≈ 2e-8; the bracket test
        // stops at 1e-7·π. The bound 1e-6 covers both with room.
        let result = try Minimisation.minimum(in: 0...6, gridPoints: 13) { cos($0) + 1 }
        #expect(abs(result.x - Double.pi) < 1e-6, "x = \(result.x)")
        #expect(result.value < 1e-12)
        #expect(result.lower <= result.x && result.x <= result.upper)
    }

    @Test func brentMinimiser_withoutAnInteriorMinimum_throws() {
        // Negative control: a monotone function has its infimum at an end.
        #expect(throws: GSLError.self) { try Minimisation.minimum(in: 0...1) { $0 } }
        // A guess that does not lie below both ends is refused by GSL itself:
        // f(0.1) ≈ 1.995 is above f(6) ≈ 1.960.
        #expect(throws: GSLError.self) { try Minimisation.minimum(in: 0...6, guess: 0.1) { cos($0) + 1 } }
    }
}
