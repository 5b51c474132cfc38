import Evaluation
import Figures
import Foundation
import GANCore

/// Figures 2 and 3 from a trained generator.
public enum SampleFigures {
    /// Figure 2's sheet and the nearest-neighbour distances behind its last column.
    public struct SampleSheet {
        public let image: RasterImage
        /// Per row: the index of the training image nearest the row's last
        /// sample, and the squared distance to it.
        public let neighbours: [(index: Int, squaredDistance: Double)]
        /// The samples, `perRow` per row of the sheet.
        public let samples: Matrix<Float>
    }

    // [excerpt: figure-2]
    /// `rows` rows of `perRow` fair samples, each row ending with the
    /// training image nearest (squared L2) to its last sample, framed; each
    /// pixel drawn as a `scale × scale` block.
    public static func figure2(
        generator: MultilayerPerceptron<Float>, noiseDimension: Int, range: ClosedRange<Double>,
        training: Matrix<Float>, rows: Int, perRow: Int, side: Int, seed: UInt64, scale: Int = 3
    ) -> SampleSheet {
        let samples = ParzenEvaluation.samples(of: generator, count: rows * perRow, noiseDimension: noiseDimension,
                                               range: range, seed: seed)
        let lastOfEachRow = Matrix<Float>(rows: rows, columns: samples.columns)
        for r in 0..<rows {
            (lastOfEachRow.base + r * samples.columns).update(from: samples.base + ((r + 1) * perRow - 1) * samples.columns, count: samples.columns)
        }
        let neighbours = NearestNeighbours.search(lastOfEachRow, in: training)
        var tiles: [RasterImage] = []
        for r in 0..<rows {
            for c in 0..<perRow { tiles.append(RasterImage(grayValuesOf: samples, row: r * perRow + c, width: side, height: side)) }
            tiles.append(RasterImage(grayValuesOf: training, row: neighbours[r].index, width: side, height: side))
        }
        let image = ImageGrid(columns: perRow + 1, framedColumns: [perRow]).render(tiles).scaled(by: scale)
        return SampleSheet(image: image, neighbours: neighbours, samples: samples)
    }
    // [end: figure-2]

    // [excerpt: figure-3]
    /// `lines` rows of G along straight lines in z space, `steps` images each,
    /// between pairs of z drawn from the prior.
    public static func figure3(
        generator: MultilayerPerceptron<Float>, noiseDimension: Int, range: ClosedRange<Double>,
        lines: Int, steps: Int, side: Int, seed: UInt64, scale: Int = 3
    ) -> RasterImage {
        let random = RandomSource(seed: seed)
        var tiles: [RasterImage] = []
        for _ in 0..<lines {
            let ends = Matrix<Float>(rows: 2, columns: noiseDimension)
            random.fillUniform(ends, range.lowerBound, range.upperBound)
            let x = generator.forward(Interpolation.line(from: ends.row(0), to: ends.row(1), steps: steps))
            for i in 0..<steps { tiles.append(RasterImage(grayValuesOf: x, row: i, width: side, height: side)) }
        }
        return ImageGrid(columns: steps).render(tiles).scaled(by: scale)
    }
    // [end: figure-3]

    /// Generated images (left) beside as many real ones (right), in grids of
    /// the same shape, so the eye compares like with like.
    public static func generatedBesideReal(
        generated: Matrix<Float>, real: Matrix<Float>, columns: Int, side: Int, scale: Int = 3
    ) -> RasterImage {
        let count = min(generated.rows, real.rows)
        let grid = ImageGrid(columns: columns)
        let left = grid.render(rowsOf: generated, tileWidth: side, tileHeight: side, count: count)
        let right = grid.render(rowsOf: real, tileWidth: side, tileHeight: side, count: count)
        return ImageGrid(columns: 2, separator: 8, separatorColor: .white).render([left, right]).scaled(by: scale)
    }
}
