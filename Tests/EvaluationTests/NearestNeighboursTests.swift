import Evaluation
import GANCore
import Testing

/// Figure 2's nearest-neighbour search and Figure 3's interpolation.
@Suite struct NearestNeighboursTests {
    @Test func nearestNeighbourSearch_matchesBruteForce() {
        let random = RandomSource(seed: 9)
        let references = Matrix<Float>(rows: 500, columns: 12), queries = Matrix<Float>(rows: 40, columns: 12)
        random.fillUniform(references, 0, 1)
        random.fillUniform(queries, 0, 1)
        let found = NearestNeighbours.search(queries, in: references, batchSize: 64)
        for q in 0..<queries.rows {
            let distances = (0..<references.rows).map { j in
                zip(queries.row(q), references.row(j)).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
            }
            let brute = distances.indices.min { distances[$0] < distances[$1] }!
            #expect(found[q].index == brute, "query \(q)")
            #expect(abs(found[q].squaredDistance - distances[brute]) < 1e-4)
        }
    }

    @Test func nearestNeighbourSearch_findsAnExactCopy() {
        let random = RandomSource(seed: 10)
        let references = Matrix<Float>(rows: 100, columns: 5)
        random.fillUniform(references, 0, 1)
        let query = Matrix<Float>(rows: 1, columns: 5, elements: references.row(73))
        let found = NearestNeighbours.search(query, in: references)
        #expect(found[0].index == 73 && found[0].squaredDistance < 1e-5)
    }

    @Test func distanceSummary_quartilesInterpolateBetweenRanks() {
        // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75]) = [2, 3, 4]; of [1, 2, 3, 4]: [1.75, 2.5, 3.25].
        let odd = DistanceSummary([10, 3, 1, 4, 2])
        #expect(odd.minimum == 1 && odd.lowerQuartile == 2 && odd.median == 3 && odd.upperQuartile == 4 && odd.maximum == 10)
        let even = DistanceSummary([4, 1, 3, 2])
        #expect(even.lowerQuartile == 1.75 && even.median == 2.5 && even.upperQuartile == 3.25)
    }

    @Test func nearestNeighbourBaseline_copiesSitAtZeroAndFreshPointsDoNot() {
        let random = RandomSource(seed: 11)
        let training = Matrix<Float>(rows: 300, columns: 8), fresh = Matrix<Float>(rows: 50, columns: 8)
        random.fillUniform(training, 0, 1)
        random.fillUniform(fresh, 0, 1)
        let copies = Matrix<Float>(rows: 50, columns: 8, elements: Array(training.elements[0..<400]))
        #expect(NearestNeighbourBaseline.distances(of: copies, to: training).maximum < 1e-5, "a memorising generator")
        // Negative control: points drawn afresh from the same law are not at distance 0.
        #expect(NearestNeighbourBaseline.distances(of: fresh, to: training).minimum > 1e-3)
    }
}
