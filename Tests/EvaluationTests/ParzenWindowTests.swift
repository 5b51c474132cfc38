import Evaluation
import Foundation
import GANCore
import Testing

/// Table 1's estimator against a direct computation, one pair at a time.
@Suite struct ParzenWindowTests {
    static func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix<Float> {
        let m = Matrix<Float>(rows: rows, columns: columns)
        RandomSource(seed: seed).fillUniform(m, 0, 1)
        return m
    }

    /// log p(x) summed pair by pair in Double, with no matrix products.
    static func direct(_ x: [Float], _ centres: Matrix<Float>, sigma: Double) -> Double {
        let d = Double(x.count)
        let terms = (0..<centres.rows).map { j -> Double in
            let mu = centres.row(j)
            let squared = zip(x, mu).reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
            return -squared / (2 * sigma * sigma)
        }
        return logSumExp(terms) - log(Double(centres.rows)) - d * log(sigma * (2 * Double.pi).squareRoot())
    }

    @Test func parzenLogLikelihood_matchesDirectComputation() {
        let centres = Self.randomMatrix(300, 20, seed: 1)
        let points = Self.randomMatrix(37, 20, seed: 2)
        var window = ParzenWindow(centres: centres)
        window.batchSize = 16  // several batches, the last one partial
        let widths = [0.1, 0.3, 1.0]
        let fast = window.logLikelihoods(of: points, widths: widths)
        for (w, sigma) in widths.enumerated() {
            for i in 0..<points.rows {
                let exact = Self.direct(points.row(i), centres, sigma: sigma)
                // Float products: ‖x‖² ≈ 7 carries ~1e-6 absolute error, over 2σ² = 0.02 that is ~1e-4.
                #expect(abs(fast[w][i] - exact) < 1e-3 * max(1, abs(exact)), "σ = \(sigma), row \(i)")
            }
        }
    }

    @Test func parzenLogLikelihood_negativeControl_wrongWidthDiffers() {
        let centres = Self.randomMatrix(50, 5, seed: 3)
        let points = Self.randomMatrix(4, 5, seed: 4)
        let fast = ParzenWindow(centres: centres).logLikelihoods(of: points, widths: [0.3])
        #expect(abs(fast[0][0] - Self.direct(points.row(0), centres, sigma: 0.31)) > 1e-2)
    }

    @Test func widthSelection_picksTheBestOfTheGrid() {
        let centres = Self.randomMatrix(200, 10, seed: 5)
        let validation = Self.randomMatrix(60, 10, seed: 6)
        let window = ParzenWindow(centres: centres)
        let widths = ParzenWindow.logSpacedWidths()
        let (best, scores) = window.selectWidth(on: validation, widths: widths)
        #expect(widths.count == 10 && abs(widths[0] - 0.1) < 1e-15 && abs(widths[9] - 1) < 1e-12)
        for (sigma, score) in zip(widths, scores) {
            let direct = (0..<validation.rows).map { Self.direct(validation.row($0), centres, sigma: sigma) }.reduce(0, +) / 60
            #expect(abs(score - direct) < 1e-3 * max(1, abs(direct)))
        }
        #expect(scores[widths.firstIndex(of: best)!] == scores.max())
    }

    @Test func standardError_isSampleDeviationOverRootN() {
        let centres = Self.randomMatrix(30, 3, seed: 7)
        let points = Self.randomMatrix(25, 3, seed: 8)
        let window = ParzenWindow(centres: centres)
        let values = window.logLikelihoods(of: points, widths: [0.5])[0]
        let summary = window.meanLogLikelihood(of: points, widths: [0.5])[0]
        let mean = values.reduce(0, +) / 25
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 24).squareRoot()
        #expect(abs(summary.mean - mean) < 1e-12 && abs(summary.standardError - sd / 5) < 1e-12)
    }
}
