import DiscriminatorStep
import Figures
import GANCore
import GeneratorStep

/// One panel in the style of Figure 1: the data density (black, dotted), the
/// generator's density (green, solid), D (blue, dashed), and below them the
/// z line with arrows to x = G(z).
///
/// p_g is drawn from the kernel estimate of `OneDimensionalGAN.generatedSamples`
/// (Chapter 4 explains the estimate); the arrows start at evenly spaced z.
/// - Paper: Figure 1.
public struct Figure1Panel {
    public var world: OneDimensionalGAN
    public var caption: String
    /// How many z → x arrows to draw.
    public var arrowCount = 15
    /// Also draw D* = p_data/(p_data + p_g) (Proposition 1), the D that panel (b) approaches.
    public var drawsOptimalDiscriminator = false
    /// One legend serves a row of panels; the others leave their curves uncovered.
    public var showsLegend = true
    /// Where the x line and the z line sit on the panel's vertical scale.
    static let xLevel = 0.0, zLevel = -0.55

    public init(world: OneDimensionalGAN, caption: String, drawsOptimalDiscriminator: Bool = false, showsLegend: Bool = true) {
        self.world = world
        self.caption = caption
        self.drawsOptimalDiscriminator = drawsOptimalDiscriminator
        self.showsLegend = showsLegend
    }

    public func plot(generator: MultilayerPerceptron<Double>, discriminator: MultilayerPerceptron<Double>,
                     generatedSamples: [Double]) -> LinePlot {
        let range = world.range
        let points = grid(range, count: 481)
        let pG = JensenShannonEstimate.KernelDensity(samples: generatedSamples)
        var plot = LinePlot(caption: caption)
        plot.xAxis = Axis(range: range, showsTicks: false)
        plot.yAxis = Axis(range: -0.72...1.12, showsTicks: false)
        plot.showsGrid = false
        plot.showsFrame = false
        plot.legend = showsLegend ? .topRight : .hidden
        plot.add(Series(label: "p_data", x: points, y: points.map(world.data.density), color: .black, style: .dotted, width: 2.5))
        // Above the panel's top the estimate is cut off (a collapsed G is a spike).
        plot.add(Series(label: "p_g", x: points, y: points.map { min(pG.density($0), 1.12) }, color: .green, style: .solid, width: 2))
        plot.add(Series(label: "D", x: points, y: discriminator.probabilities(at: points), color: .blue, style: .dashed, width: 2.5))
        if drawsOptimalDiscriminator {
            let optimal = points.map { x -> Double in
                let (data, generated) = (world.data.density(x), pG.density(x))
                return data + generated > 1e-12 ? data / (data + generated) : .nan
            }
            plot.add(Series(label: "D* = p_data/(p_data + p_g)", x: points, y: optimal, color: .purple, style: .solid, width: 1.5))
        }
        // The value axis for D and the densities: 0, ½ and 1, and the line D = ½ that panel (d) ends on.
        plot.add(.horizontal(y: 0.5, color: RGBColor(gray: 0x90), style: .dotted, width: 1))
        // The axis stands a little in from the edge, its labels to its left.
        let tick = 0.015 * (range.upperBound - range.lowerBound)
        let left = range.lowerBound + 3 * tick
        let axisInk = RGBColor(gray: 0x30)
        plot.add(.segment(from: PlotPoint(left, 0), to: PlotPoint(left, 1), color: axisInk, width: 1.5))
        for (value, text) in [(0.0, "0"), (0.5, "½"), (1.0, "1")] {
            plot.add(.segment(from: PlotPoint(left, value), to: PlotPoint(left + tick, value), color: axisInk, width: 1.5))
            plot.add(.text(text, at: PlotPoint(left - 0.6 * tick, value), style: TextStyle(scale: 1, color: axisInk), horizontal: .right))
        }

        let axisColor = RGBColor(gray: 0x30)
        plot.add(.segment(from: PlotPoint(range.lowerBound, Self.xLevel), to: PlotPoint(range.upperBound, Self.xLevel), color: axisColor, width: 1.5))
        // The z line is drawn under the middle 60 % of the x line.
        let span = range.upperBound - range.lowerBound
        let zStart = range.lowerBound + 0.2 * span, zEnd = range.upperBound - 0.2 * span
        plot.add(.segment(from: PlotPoint(zStart, Self.zLevel), to: PlotPoint(zEnd, Self.zLevel), color: axisColor, width: 1.5))
        let label = TextStyle(scale: 1, bold: true, color: axisColor)
        plot.add(.text("x", at: PlotPoint(range.lowerBound + 0.01 * span, Self.xLevel - 0.07), style: label))
        plot.add(.text("z", at: PlotPoint(zStart - 0.03 * span, Self.zLevel), style: label, horizontal: .right))
        let zs = grid(world.prior.lower...world.prior.upper, count: arrowCount)
        let xs = generator.outputs(at: zs)
        let arrowColor = RGBColor(gray: 0x55)
        for (z, x) in zip(zs, xs) {
            let start = zStart + (z - world.prior.lower) / (world.prior.upper - world.prior.lower) * (zEnd - zStart)
            plot.add(.arrow(from: PlotPoint(start, Self.zLevel + 0.02), to: PlotPoint(x, Self.xLevel - 0.02), color: arrowColor, width: 1))
        }
        return plot
    }
}
