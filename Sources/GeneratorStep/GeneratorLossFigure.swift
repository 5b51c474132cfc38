import Figures
import Foundation
import GANCore

/// Chapter 3's picture of saturation before any training: the two G losses
/// as functions of D(G(z)), and their slopes at D's logit, which is all the
/// gradient G receives (Chapter 3: ∂/∂a log(1 − σ(a)) = −D, ∂/∂a (−log σ(a)) = −(1 − D)).
enum GeneratorLossFigure {
    /// log10 D(G(z)) from D rejecting G's samples outright to D accepting them.
    static let logRange = -4.0...(-0.001)

    static func render() -> RasterImage {
        func curve(_ f: @escaping (Double) -> Double) -> (Double) -> Double { { f(pow(10, $0)) } }
        var losses = LinePlot(title: "The two generator losses", xLabel: "log10 D(G(z))", yLabel: "loss G minimises",
                              caption: "(a) log(1 − D) is flat where D rejects G's samples; −log D keeps falling")
        losses.add(Series(label: "log(1 − D(G(z))), Algorithm 1", sampling: curve { log(1 - $0) }, over: logRange, color: .vermillion))
        losses.add(Series(label: "−log D(G(z)), §3", sampling: curve { -log($0) }, over: logRange, color: .blue, style: .dashed))
        losses.legend = .topRight

        var slopes = LinePlot(title: "Their slopes at D's logit", xLabel: "log10 D(G(z))", yLabel: "|d loss / d logit|",
                              caption: "(b) D for the saturating loss, 1 − D for the non-saturating one")
        slopes.add(Series(label: "saturating: D(G(z))", sampling: curve { $0 }, over: logRange, color: .vermillion))
        slopes.add(Series(label: "non-saturating: 1 − D(G(z))", sampling: curve { 1 - $0 }, over: logRange, color: .blue, style: .dashed))
        slopes.add(.vertical(x: log10(0.5), label: "D = ½"))
        slopes.yAxis.range = 0...1.05
        slopes.legend = .topLeft
        return PanelFigure(panels: [losses, slopes], columns: 2, panelWidth: 760, panelHeight: 480).render()
    }
}
