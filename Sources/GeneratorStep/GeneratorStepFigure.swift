import DiscriminatorStep
import Figures
import Foundation
import GANCore

/// Chapter 3's figure: one G step moving samples toward the data, and the
/// gradient norms of both losses against D(G(z)).
enum GeneratorStepFigure {
    static func render(setting: GeneratorStepDemo.Setting, discriminator: MultilayerPerceptron<Double>, zs: [Double],
                       before: [Double], after: [Double], measurements: [GeneratorStepDemo.Measurement]) -> RasterImage {
        let points = grid(setting.range, count: 401)
        var left = LinePlot(title: "One non-saturating G step", xLabel: "x", caption: "(a) samples G(z) before (grey) and after (green) the step")
        left.yAxis.range = -0.25...1.05
        left.add(Series(label: "p_data", x: points, y: points.map(setting.data.density), color: .black, style: .dotted, width: 2.5))
        left.add(Series(label: "D", x: points, y: discriminator.probabilities(at: points), color: .blue, style: .dashed, width: 2.5))
        let shown = stride(from: 0, to: zs.count, by: max(1, zs.count / 24)).map { $0 }
        for i in shown {
            left.add(.arrow(from: PlotPoint(before[i], -0.15), to: PlotPoint(after[i], -0.05), color: RGBColor(gray: 0x80), width: 1))
            left.add(.point(PlotPoint(before[i], -0.15), color: RGBColor(gray: 0x80), diameter: 5))
            left.add(.point(PlotPoint(after[i], -0.05), color: .green, diameter: 5))
        }
        left.legend = .topLeft

        var right = LinePlot(title: "Gradient reaching G", xLabel: "log10 mean D(G(z))", yLabel: "log10 |∇θ_g|",
                             caption: "(b) as D learns to reject G's samples (from \(setting.saturationFrom) D steps on)")
        // Earlier, D is still learning its slope and D(G(z)) is far from 0: no saturation to show yet.
        let learned = measurements.filter { $0.discriminatorSteps >= setting.saturationFrom }
        let x = learned.map { log10($0.meanGeneratedProbability) }
        right.add(Series(label: "log(1 - D(G(z)))", x: x, y: learned.map { log10($0.saturatingNorm) },
                         color: .vermillion, marker: .circle))
        right.add(Series(label: "−log D(G(z))", x: x, y: learned.map { log10($0.nonSaturatingNorm) },
                         color: .blue, marker: .square))
        right.legend = .bottomRight
        return PanelFigure(panels: [left, right], columns: 2).render()
    }
}
