import Figures
import Foundation
import GANCore
import ImageTraining

/// §5's two networks as a diagram: one box per layer with the shape of what
/// it passes on, written from the architecture the trainer builds, so the
/// picture cannot drift from the code (Chapter 6, "The networks of §5").
public enum ArchitectureDiagram {
    /// One box: what the layer is, and the width of its output.
    struct Box {
        let title: String
        let shape: String
    }

    static func generatorBoxes(_ a: MNISTArchitecture) -> [Box] {
        [Box(title: "z ~ U(±√3)", shape: "\(a.noiseDimension)"),
         Box(title: "affine + ReLU", shape: "\(a.generatorHidden)"),
         Box(title: "affine + ReLU", shape: "\(a.generatorHidden)"),
         Box(title: "affine + sigmoid", shape: "\(a.pixels) = G(z)")]
    }

    static func discriminatorBoxes(_ a: MNISTArchitecture) -> [Box] {
        let keep = a.dropout
        return [Box(title: "x" + (keep.map { ", dropout keep \(fixed($0.input, 1))" } ?? ""), shape: "\(a.pixels)"),
                Box(title: "maxout \(a.discriminatorPieces) pieces" + (keep.map { ", keep \(fixed($0.hidden, 1))" } ?? ""), shape: "\(a.discriminatorUnits)"),
                Box(title: "maxout \(a.discriminatorPieces) pieces" + (keep.map { ", keep \(fixed($0.hidden, 1))" } ?? ""), shape: "\(a.discriminatorUnits)"),
                Box(title: "affine: logit a", shape: "1, D = σ(a)")]
    }

    public static func render(_ a: MNISTArchitecture) -> RasterImage {
        var plot = LinePlot(title: "§5's networks, as the authors' configuration builds them",
                            caption: "numbers under a box: the width of the layer's output; G's weights U(±\(a.generatorWeightRange)), D's U(±\(a.discriminatorWeightRange))")
        plot.xAxis = Axis(range: -0.2...8.2, showsTicks: false)
        plot.yAxis = Axis(range: -0.2...4.4, showsTicks: false)
        plot.showsGrid = false
        plot.showsFrame = false
        plot.legend = .hidden
        func row(_ name: String, _ boxes: [Box], y: Double, color: RGBColor) {
            plot.add(.text(name, at: PlotPoint(-0.1, y + 1.15), style: TextStyle(scale: 2, bold: true, color: color)))
            for (index, box) in boxes.enumerated() {
                let x = Double(index) * 2.1
                plot.add(Series(x: [x, x, x + 1.6, x + 1.6, x], y: [y, y + 0.8, y + 0.8, y, y], color: color, width: 2))
                plot.add(.text(box.title, at: PlotPoint(x + 0.8, y + 0.4), style: TextStyle(scale: 1, bold: true), horizontal: .center))
                plot.add(.text(box.shape, at: PlotPoint(x + 0.8, y - 0.12), style: TextStyle(scale: 1, color: color), horizontal: .center, vertical: .top))
                if index > 0 {
                    plot.add(.arrow(from: PlotPoint(x - 0.48, y + 0.4), to: PlotPoint(x - 0.04, y + 0.4), color: RGBColor(gray: 0x40), width: 1.5))
                }
            }
        }
        row("G", generatorBoxes(a), y: 2.6, color: .green)
        row("D", discriminatorBoxes(a), y: 0.3, color: .blue)
        return plot.render(width: 1500, height: 520)
    }

    /// The diagram's boxes as text, for the transcript.
    public static func lines(_ a: MNISTArchitecture) -> [String] {
        [("G", generatorBoxes(a)), ("D", discriminatorBoxes(a))].map { name, boxes in
            "\(name): " + boxes.map { "\($0.title) [\($0.shape)]" }.joined(separator: " -> ")
        }
    }
}
