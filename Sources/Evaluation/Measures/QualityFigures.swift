import Figures
import Foundation
import GANCore

/// The measurements of sample quality as pictures: the class histogram as
/// bars beside the uniform share of the data, and the measures over training.
public enum QualityFigures {
    /// One bar per class: the share of generated samples the classifier puts
    /// in it, with the data's own share (10% each in Fashion-MNIST) as a line
    /// and a threshold line (the coverage criterion) below it.
    public static func classHistogram(
        fractions: [Double], classNames: [String], title: String, threshold: Double? = nil
    ) -> RasterImage {
        var plot = LinePlot(title: title, xLabel: "class (" + classNames.enumerated().map { "\($0) \($1)" }.joined(separator: ", ") + ")",
                            yLabel: "share of samples (%)")
        plot.xAxis.range = -0.6...(Double(fractions.count) - 0.4)
        plot.yAxis.range = 0...max(30, (fractions.max() ?? 0) * 100 * 1.1)
        plot.legend = .topRight
        for (k, share) in fractions.enumerated() {
            let x = Double(k), h = share * 100
            plot.add(Series(x: [x - 0.38, x - 0.38, x + 0.38, x + 0.38], y: [0, h, h, 0],
                            color: share < (threshold ?? 0) ? .vermillion : .blue, width: 1, fillOpacity: 0.75))
            // Bottom-aligned: the descenders' room keeps the digits off the bar.
            plot.add(.text(fixed(h, 1), at: PlotPoint(x, h), horizontal: .center, vertical: .bottom))
        }
        plot.add(.horizontal(y: 100 / Double(fractions.count), label: "data: \(fixed(100 / Double(fractions.count), 0))% each"))
        if let threshold { plot.add(.horizontal(y: threshold * 100, label: "\(fixed(threshold * 100, 0))%", color: .vermillion)) }
        return plot.render(width: 900, height: 460)
    }

    /// Measures over training: each panel one measure against the iteration,
    /// with an optional reference line (a floor, the uniform share).
    public struct Curve {
        public let title: String
        public let yLabel: String
        public let values: [Double]
        /// Legend labels of `values` and of a second series in the same panel (recall beside precision).
        public let second: (labels: (String, String), values: [Double])?
        public let reference: (value: Double, label: String)?
        public init(title: String, yLabel: String, values: [Double], second: (labels: (String, String), values: [Double])? = nil,
                    reference: (value: Double, label: String)? = nil) {
            self.title = title
            self.yLabel = yLabel
            self.values = values
            self.second = second
            self.reference = reference
        }
    }

    public static func curves(iterations: [Int], _ curves: [Curve], title: String) -> RasterImage {
        Self.curves(xLabel: "iteration", x: iterations.map(Double.init), curves, title: title)
    }

    public static func curves(xLabel: String, x: [Double], _ curves: [Curve], title: String) -> RasterImage {
        let panels = curves.map { curve -> LinePlot in
            var plot = LinePlot(title: curve.title, xLabel: xLabel, yLabel: curve.yLabel)
            plot.add(Series(label: curve.second?.labels.0, x: x, y: curve.values, color: .black, marker: .circle, markerSize: 5))
            if let second = curve.second {
                plot.add(Series(label: second.labels.1, x: x, y: second.values, color: .vermillion, marker: .square, markerSize: 5))
            }
            if let reference = curve.reference { plot.add(.horizontal(y: reference.value, label: reference.label)) }
            return plot
        }
        return PanelFigure(panels: panels, columns: min(panels.count, 3), title: title, panelWidth: 520, panelHeight: 380).render()
    }
}
