import Figures
import Foundation
import GANCore

/// Chapter 1's pictures of Eq. (1)'s two terms: log D and log(1 − D) as
/// functions of D's logit, and Proposition 1's pointwise objective
/// a·log y + b·log(1 − y) with its maximum at y* = a/(a + b).
enum ValueFunctionFigures {
    /// The logits panel (a) spans.
    static let logits = -10.0...10.0
    /// The (a, b) pairs panel (b) draws: p_data(x) and p_g(x) at three points x.
    static let pairs: [(a: Double, b: Double)] = [(1, 1), (3, 1), (1, 4)]

    static func render() -> RasterImage {
        var terms = LinePlot(title: "The two log terms of Eq. (1) against D's logit", xLabel: "logit a, D = σ(a)",
                             yLabel: "value", caption: "(a) log D = −softplus(−a) and log(1 − D) = −softplus(a)")
        terms.add(Series(label: "log D (real x: V wants it near 0)", sampling: { LogTerms.logD(logit: $0) }, over: logits, color: .blue))
        terms.add(Series(label: "log(1 − D) (generated x)", sampling: { LogTerms.logOneMinusD(logit: $0) }, over: logits,
                         color: .vermillion, style: .dashed))
        terms.add(.vertical(x: 0, label: "D = ½"))
        terms.add(.horizontal(y: -log(2.0), label: "−log 2"))
        terms.add(.point(PlotPoint(0, -log(2.0)), color: .black, diameter: 8))
        // Room below the curves for the legend.
        terms.yAxis.range = -13.5...0.8
        terms.legend = .bottomLeft

        var objective = LinePlot(title: "Proposition 1: a·log y + b·log(1 − y)", xLabel: "y = D(x)", yLabel: "value",
                                 caption: "(b) a = p_data(x), b = p_g(x); the maximum sits at y* = a/(a + b)")
        let ys = 0.005...0.995
        for (index, pair) in pairs.enumerated() {
            let color = [RGBColor.blue, .green, .vermillion][index % 3]
            objective.add(Series(label: "a = \(fixed(pair.a, 0)), b = \(fixed(pair.b, 0))",
                                 sampling: { pair.a * log($0) + pair.b * log(1 - $0) }, over: ys, color: color))
            let best = pair.a / (pair.a + pair.b)
            let value = pair.a * log(best) + pair.b * log(1 - best)
            objective.add(.point(PlotPoint(best, value), color: color, diameter: 9))
            objective.add(.text("y* = \(fixed(best, 2))", at: PlotPoint(best, value + 0.5), horizontal: .center, vertical: .bottom))
        }
        // Room above the maxima for the legend.
        objective.yAxis.range = -8...0.8
        objective.legend = .topRight
        return PanelFigure(panels: [terms, objective], columns: 2, panelWidth: 760, panelHeight: 500).render()
    }
}
