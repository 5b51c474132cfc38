import Figures
import Foundation
import GANCore
import ValueFunction

/// Chapter 2's figure: the learned D beside D*, and V̂ rising over the steps.
enum DiscriminatorStepFigure {
    static func render(setting: DiscriminatorStepDemo.Setting, run: DiscriminatorStepDemo.Run, ceiling: Double) -> RasterImage {
        let points = grid(setting.range, count: 401)
        let dStar = ValueFunction.optimalLogit(data: setting.data, generator: setting.generator)
        var left = LinePlot(title: "D after \(setting.steps) steps, beside D*", xLabel: "x", caption: "(a) G fixed; D* = p_data / (p_data + p_g)")
        left.yAxis.range = 0...1.05
        left.add(Series(label: "p_data", x: points, y: points.map(setting.data.density), color: .black, style: .dotted, width: 2.5))
        left.add(Series(label: "p_g", x: points, y: points.map(setting.generator.density), color: .green, style: .solid))
        left.add(Series(label: "D*", x: points, y: points.map { sigmoid(dStar($0)) }, color: .vermillion, style: .solid, width: 1.5))
        left.add(Series(label: "D", x: points, y: run.discriminator.probabilities(at: points), color: .blue, style: .dashed, width: 2.5))
        left.legend = .bottomLeft

        let window = 50
        let steps = Array(stride(from: window, through: run.minibatchValues.count, by: 10))
        let smoothed = steps.map { end in run.minibatchValues[(end - window)..<end].reduce(0, +) / Double(window) }
        var right = LinePlot(title: "V rising over the D steps", xLabel: "step", caption: "(b) minibatch V, mean over the last 50 steps")
        right.add(Series(label: "V on the minibatch", x: steps.map(Double.init), y: smoothed, color: .blue))
        right.add(.horizontal(y: ceiling, label: "V(D*, G)", color: .vermillion))
        right.add(.horizontal(y: -log(4.0), label: "−log 4"))
        right.legend = .hidden
        return PanelFigure(panels: [left, right], columns: 2).render()
    }
}
