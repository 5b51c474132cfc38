import GANCore
import Testing

/// The seeded generator: reproducible, restorable, and with the right moments.
@Suite struct RandomSourceTests {
    @Test func sameSeed_givesTheSameDraws() {
        let a = RandomSource(seed: 42), b = RandomSource(seed: 42), c = RandomSource(seed: 43)
        let x = (0..<100).map { _ in a.uniform() }
        #expect(x == (0..<100).map { _ in b.uniform() })
        #expect(x != (0..<100).map { _ in c.uniform() })
    }

    @Test func restoredState_continuesTheSameStream() {
        let a = RandomSource(seed: 7)
        _ = (0..<1000).map { _ in a.gaussian() }
        let saved = a.state
        let next = (0..<50).map { _ in a.uniform() }
        let b = RandomSource(seed: 99)
        b.state = saved
        #expect((0..<50).map { _ in b.uniform() } == next)
    }

    @Test func gaussianDraws_haveTheRequestedMoments() {
        let random = RandomSource(seed: 8)
        let n = 200_000
        let x = (0..<n).map { _ in random.gaussian(mean: 2, standardDeviation: 3) }
        let mean = x.reduce(0, +) / Double(n)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // Standard error of the mean is 3/√n ≈ 0.0067; of the variance ≈ 9·√(2/n) ≈ 0.028. Bounds are 5σ.
        #expect(abs(mean - 2) < 0.034)
        #expect(abs(variance - 9) < 0.15)
    }

    @Test func permutation_isAPermutation() {
        let p = RandomSource(seed: 1).permutation(1000)
        #expect(p.sorted() == Array(0..<1000))
        #expect(p != Array(0..<1000))
    }
}
