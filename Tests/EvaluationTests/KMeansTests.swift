import Evaluation
import GANCore
import Testing

/// Lloyd's algorithm with k-means++ seeds.
@Suite struct KMeansTests {
    static let centres: [[Float]] = [[0, 0, 0, 0, 0], [10, 0, 0, 0, 0], [0, 10, 0, 0, 0], [0, 0, 10, 10, 0]]

    /// 100 points around each of `centres`, in order, spread 0.3.
    static func separated(seed: UInt64) -> Matrix<Float> {
        let random = RandomSource(seed: seed)
        let m = Matrix<Float>(rows: 400, columns: 5)
        for r in 0..<400 { for c in 0..<5 { m[r, c] = centres[r / 100][c] + Float(0.3 * random.gaussian()) } }
        return m
    }

    @Test func kMeans_recoversWellSeparatedClusters() {
        let points = Self.separated(seed: 31)
        let result = KMeans.cluster(points, k: 4, using: RandomSource(seed: 32))
        #expect(result.converged)
        for cluster in 0..<4 {
            let labels = Set(result.assignments[(cluster * 100)..<((cluster + 1) * 100)])
            #expect(labels.count == 1, "true cluster \(cluster) split over \(labels)")
            let centroid = result.centroids.row(labels.first!)
            // The mean of 100 draws of spread 0.3 is within 0.3/√100 = 0.03 per coordinate; 0.15 is five of those.
            #expect(zip(centroid, Self.centres[cluster]).allSatisfy { abs($0 - $1) < 0.15 }, "centroid \(centroid)")
        }
        #expect(Set(result.assignments).count == 4, "four true clusters, four labels")
    }

    @Test func kMeans_objectiveNeverIncreases() {
        // Uniform data has no clusters to find, so Lloyd takes many small steps.
        let points = Matrix<Float>(rows: 600, columns: 6)
        RandomSource(seed: 33).fillUniform(points, 0, 1)
        let result = KMeans.cluster(points, k: 12, using: RandomSource(seed: 34))
        #expect(result.objectives.count > 5, "\(result.objectives.count) assignments")
        for t in 1..<result.objectives.count {
            // Exact arithmetic gives J_t ≤ J_{t−1}. The argmin runs on Float
            // products, so a near-tie may pick a centroid ~1e-6 worse; 1e-6 · J covers that.
            #expect(result.objectives[t] <= result.objectives[t - 1] * (1 + 1e-6), "step \(t)")
        }
        #expect(result.objectives.last! < 0.9 * result.objectives.first!, "Lloyd improves on the seeds")
    }

    @Test func kMeans_centroidsAreMeansOfTheirClusters() {
        // At a fixed point each centroid is its cluster's mean, so moving centroid j
        // by δ raises J by exactly n_j ‖δ‖² (the cross term sums to 0).
        let points = Self.separated(seed: 35)
        let result = KMeans.cluster(points, k: 4, using: RandomSource(seed: 36))
        let j = result.assignments[0], members = result.assignments.count { $0 == j }
        let moved = result.centroids.copy()
        moved[j, 1] += 0.5
        let rise = KMeans.objective(points, moved, result.assignments) - KMeans.objective(points, result.centroids, result.assignments)
        // Float centroids round the mean at ~1e-7 · 10, which leaves a cross term of ~1e-4.
        #expect(abs(rise - Double(members) * 0.25) < 1e-3, "rise \(rise) for \(members) members")
    }

    @Test func kMeans_assignmentsAreNearestCentroids() {
        let points = Matrix<Float>(rows: 200, columns: 7), centroids = Matrix<Float>(rows: 9, columns: 7)
        let random = RandomSource(seed: 37)
        random.fillUniform(points, 0, 1)
        random.fillUniform(centroids, 0, 1)
        let (assignments, distances) = KMeans.assign(points, to: centroids)
        for i in 0..<200 {
            let exact = (0..<9).map { j in zip(points.row(i), centroids.row(j)).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) } }
            let best = exact.indices.min { exact[$0] < exact[$1] }!
            #expect(assignments[i] == best, "row \(i)")
            #expect(abs(Double(distances[i]) - exact[best]) < 1e-5)
        }
    }

    @Test func kMeans_negativeControl_tooFewClustersMergeTrueOnes() {
        // With k = 3 for four separated clusters some two must share a label, and J
        // stays far above the k = 4 optimum (≈ 400 · 5 · 0.09 = 180).
        let points = Self.separated(seed: 31)
        let three = KMeans.cluster(points, k: 3, using: RandomSource(seed: 32))
        let four = KMeans.cluster(points, k: 4, using: RandomSource(seed: 32))
        #expect(three.objectives.last! > 10 * four.objectives.last!)
        #expect(four.objectives.last! < 250)
        // The seeds alone are single points, not means: Lloyd must move them.
        #expect(four.objectives.first! > four.objectives.last!)
    }

    @Test func kMeans_sameSeed_sameClusters() {
        let points = Matrix<Float>(rows: 300, columns: 4)
        RandomSource(seed: 38).fillUniform(points, 0, 1)
        let a = KMeans.cluster(points, k: 5, using: RandomSource(seed: 39))
        let b = KMeans.cluster(points, k: 5, using: RandomSource(seed: 39))
        #expect(a.assignments == b.assignments && a.centroids.elements == b.centroids.elements)
    }
}
