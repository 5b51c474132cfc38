import GANCore
import GeneratorStep
import ImageTraining

/// §7's third direction asks for every conditional p(x_S | x_not S) from one
/// family of networks sharing parameters, trained for that purpose ("a
/// stochastic extension of the deterministic MP-DBM"). This is a stand-in,
/// not that construction: it fills the
/// hidden pixels S of an image with G(z*), where z* is `LatentSearch`'s best
/// fit to the seen pixels. It needs no new training, but G was never trained
/// to fill anything, and the fill is one guess, not a sample from
/// p(x_S | x_not S).
///
/// Two baselines say what the fill is worth: the nearest training image on
/// the seen pixels lends its hidden ones, and the mean training image lends
/// its own.
public struct Inpainting: Sendable {
    /// Which pixels are seen: the top `seenRows` rows of a `side`-pixel square.
    public let side: Int
    public let seenRows: Int

    public init(side: Int, seenRows: Int) {
        precondition(side > 0 && (1..<side).contains(seenRows), "a mask must hide some rows and show some")
        self.side = side
        self.seenRows = seenRows
    }

    /// mask[j]: whether pixel j is seen.
    public var mask: [Bool] { (0..<(side * side)).map { $0 / side < seenRows } }

    /// Mean squared error per hidden pixel between each row of `fill` and of `truth`.
    public func hiddenError(_ fill: Matrix<Float>, truth: Matrix<Float>) -> [Double] {
        let hidden = mask.map(!)
        let count = Double(hidden.count { $0 })
        return (0..<truth.rows).map { Double(LatentSearch.squaredError(fill, row: $0, truth, row: $0, mask: hidden)) / count }
    }

    /// Mean squared error per seen pixel between each row of `fill` and of `truth`.
    public func seenError(_ fill: Matrix<Float>, truth: Matrix<Float>) -> [Double] {
        let count = Double(mask.count { $0 })
        return (0..<truth.rows).map { Double(LatentSearch.squaredError(fill, row: $0, truth, row: $0, mask: mask)) / count }
    }

    /// For each target, the training image closest on the seen pixels.
    public func nearestOnSeenPixels(_ targets: Matrix<Float>, training: Matrix<Float>) -> Matrix<Float> {
        Self.nearest(to: targets, among: training, mask: mask)
    }

    /// For each target, the row of `candidates` closest on the pixels `mask` lets through (all when nil).
    public static func nearest(to targets: Matrix<Float>, among candidates: Matrix<Float>, mask: [Bool]?) -> Matrix<Float> {
        let result = Matrix<Float>(rows: targets.rows, columns: targets.columns)
        for i in 0..<targets.rows {
            var best = (row: 0, distance: Float.infinity)
            for t in 0..<candidates.rows {
                let d = LatentSearch.squaredError(targets, row: i, candidates, row: t, mask: mask)
                if d < best.distance { best = (t, d) }
            }
            (result.base + i * targets.columns).update(from: candidates.base + best.row * targets.columns, count: targets.columns)
        }
        return result
    }

    /// The seen pixels of `seen` with the hidden ones of `fill`.
    public func compose(seen: Matrix<Float>, fill: Matrix<Float>) -> Matrix<Float> {
        let result = seen.copy(), shown = mask
        for i in 0..<seen.rows { for j in shown.indices where !shown[j] { result[i, j] = fill[i, j] } }
        return result
    }

    /// The mean training image, once per target.
    public func meanImage(_ training: Matrix<Float>, count: Int) -> Matrix<Float> {
        let means = ImageTrainer.columnMeans(training)
        let result = Matrix<Float>(rows: count, columns: training.columns)
        for i in 0..<count { for j in 0..<training.columns { result[i, j] = Float(means[j]) } }
        return result
    }

    /// The target with its hidden pixels drawn mid-grey, to show what the search saw.
    public func masked(_ targets: Matrix<Float>) -> Matrix<Float> {
        let result = targets.copy(), seen = mask
        for i in 0..<targets.rows { for j in seen.indices where !seen[j] { result[i, j] = 0.5 } }
        return result
    }
}
