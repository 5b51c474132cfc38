import Figures
import Foundation
import GANCore

/// The pictures a training run leaves behind: its curves and its samples.
public enum TrainingFigures {
    /// V̂ and the mean outputs of D over training, two panels side by side.
    public static func curves(_ history: [ImageTrainer.HistoryPoint], title: String) -> RasterImage {
        let x = history.map { Double($0.iteration) }
        var value = LinePlot(title: "V(D, G) on minibatches", xLabel: "iteration", yLabel: "mean of V")
        value.add(Series(label: "V", x: x, y: history.map(\.value), color: .black))
        value.add(.horizontal(y: -log(4.0), label: "−log 4"))
        var probabilities = LinePlot(title: "What D says", xLabel: "iteration", yLabel: "mean D")
        probabilities.yAxis.range = 0...1
        probabilities.add(Series(label: "D(x), real", x: x, y: history.map(\.meanRealProbability), color: .blue))
        probabilities.add(Series(label: "D(G(z)), generated", x: x, y: history.map(\.meanGeneratedProbability), color: .green))
        probabilities.add(.horizontal(y: 0.5, label: "½"))
        return PanelFigure(panels: [value, probabilities], columns: 2, title: title).render()
    }

    /// Images, one per row of `pixels`, tiled `columns` across.
    public static func grid(_ pixels: Matrix<Float>, side: Int, columns: Int) -> RasterImage {
        ImageGrid(columns: columns).render(rowsOf: pixels, tileWidth: side, tileHeight: side)
    }
}
