import Evaluation
import GANCore
import Testing

/// Improved precision and recall (Kynkäänniemi et al. 2019) on sets whose answer is known.
@Suite struct PrecisionRecallTests {
    /// `count` points around each centre, spread `spread` in every coordinate.
    static func clusters(_ centres: [[Float]], count: Int, spread: Double, random: RandomSource) -> Matrix<Float> {
        let d = centres[0].count
        let m = Matrix<Float>(rows: centres.count * count, columns: d)
        for (c, centre) in centres.enumerated() {
            for r in 0..<count {
                for j in 0..<d { m[c * count + r, j] = centre[j] + Float(spread * random.gaussian()) }
            }
        }
        return m
    }

    /// Four modes 20 apart in 4 dimensions, far beyond their spread of 1.
    static let modes: [[Float]] = [[0, 0, 0, 0], [20, 0, 0, 0], [0, 20, 0, 0], [0, 0, 20, 0]]

    static func squaredDistance(_ a: [Float], _ b: [Float]) -> Double {
        zip(a, b).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
    }

    /// The definition, pair by pair in Double. With `countingSelf` each point's
    /// own distance 0 is among its neighbours: the mistake of the negative control.
    static func bruteForce(real: Matrix<Float>, generated: Matrix<Float>, k: Int, countingSelf: Bool = false) -> PrecisionRecall.Result {
        func radii(_ m: Matrix<Float>) -> [Double] {
            (0..<m.rows).map { i in
                let others = (0..<m.rows).filter { countingSelf || $0 != i }.map { squaredDistance(m.row(i), m.row($0)) }
                return others.sorted()[k - 1]
            }
        }
        func covered(_ queries: Matrix<Float>, _ centres: Matrix<Float>, _ r: [Double]) -> Double {
            let inside = (0..<queries.rows).count { q in
                (0..<centres.rows).contains { squaredDistance(queries.row(q), centres.row($0)) <= r[$0] }
            }
            return Double(inside) / Double(queries.rows)
        }
        return PrecisionRecall.Result(precision: covered(generated, real, radii(real)), recall: covered(real, generated, radii(generated)))
    }

    @Test func precisionRecall_identicalSets_areOneAndOne() {
        let real = Self.clusters(Self.modes, count: 100, spread: 1, random: RandomSource(seed: 21))
        let result = PrecisionRecall.evaluate(real: real, generated: real.copy())
        #expect(result == PrecisionRecall.Result(precision: 1, recall: 1))
    }

    @Test func precisionRecall_farApartSets_areZeroAndZero() {
        let random = RandomSource(seed: 22)
        let real = Self.clusters([[0, 0, 0, 0]], count: 300, spread: 1, random: random)
        let generated = Self.clusters([[100, 0, 0, 0]], count: 300, spread: 1, random: random)
        #expect(PrecisionRecall.evaluate(real: real, generated: generated) == PrecisionRecall.Result(precision: 0, recall: 0))
    }

    @Test func precisionRecall_halfTheModes_isPreciseButRecallsHalf() {
        let random = RandomSource(seed: 23)
        let real = Self.clusters(Self.modes, count: 500, spread: 1, random: random)
        let generated = Self.clusters(Array(Self.modes.prefix(2)), count: 1000, spread: 1, random: random)
        let result = PrecisionRecall.evaluate(real: real, generated: generated)
        // In 4 dimensions the 3-NN balls of 500 Gaussian draws hold about 95% of
        // fresh draws from the same Gaussian (0.939 to 0.958 over seeds 20…29;
        // seed 23 gives 0.957): the rest are tail draws beyond the outer balls.
        // A real point of a covered mode is recalled about as often, and one of
        // an uncovered mode, 20 away, never: recall is about 0.95 · 0.5 and
        // cannot exceed 0.5 (0.475 to 0.482 over those seeds).
        #expect(result.precision > 0.9, "precision \(result.precision)")
        #expect(result.recall > 0.45 && result.recall <= 0.5, "recall \(result.recall)")
        // Swapping the roles swaps the two numbers, and here they differ.
        let swapped = PrecisionRecall.evaluate(real: generated, generated: real)
        #expect(swapped.precision == result.recall && swapped.recall == result.precision)
        #expect(swapped != result)
    }

    @Test func precisionRecall_matchesBruteForceReference() {
        let random = RandomSource(seed: 24)
        let real = Matrix<Float>(rows: 150, columns: 6), generated = Matrix<Float>(rows: 120, columns: 6)
        random.fillUniform(real, 0, 1)
        random.fillUniform(generated, 0.2, 1.2)  // overlapping but shifted: both numbers strictly between 0 and 1
        for k in [1, 3, 5] {
            let fast = PrecisionRecall.evaluate(real: real, generated: generated, k: k, batchSize: 32)  // several batches, the last partial
            let reference = Self.bruteForce(real: real, generated: generated, k: k)
            #expect(fast == reference, "k = \(k)")
            #expect(fast.precision > 0 && fast.precision < 1 && fast.recall > 0 && fast.recall < 1)
        }
        let radii = PrecisionRecall.squaredRadii(real, k: 3, batchSize: 32)
        for i in [0, 77, 149] {
            let exact = (0..<150).filter { $0 != i }.map { Self.squaredDistance(real.row(i), real.row($0)) }.sorted()[2]
            // Float products of entries in [0, 1): ‖a‖² ≤ 6 carries ~1e-6 absolute error.
            #expect(abs(Double(radii[i]) - exact) < 1e-5, "radius of row \(i)")
        }
    }

    @Test func precisionRecall_negativeControl_countingThePointItselfShrinksTheBalls() {
        // Real points 0, 1, 2, 3, 4 on a line: their 3-NN radii (others only) are
        // 3, 2, 2, 2, 3; counting each point as its own neighbour gives 2, 1, 1, 1, 2.
        // Generated −2.5 and 6.5 lie 2.5 from the ends: inside the right balls,
        // outside the shrunk ones. 2.5 is inside either way; 100 inside neither.
        let real = Matrix<Float>(rows: 5, columns: 2, elements: [0, 0, 1, 0, 2, 0, 3, 0, 4, 0])
        let generated = Matrix<Float>(rows: 4, columns: 2, elements: [-2.5, 0, 2.5, 0, 6.5, 0, 100, 0])
        #expect(PrecisionRecall.squaredRadii(real, k: 3) == [9, 4, 4, 4, 9])
        let result = PrecisionRecall.evaluate(real: real, generated: generated)
        #expect(result.precision == 0.75)
        #expect(result == Self.bruteForce(real: real, generated: generated, k: 3))
        #expect(Self.bruteForce(real: real, generated: generated, k: 3, countingSelf: true).precision == 0.25)
    }
}
