import Figures
import Foundation
import GANCore
import Testing

/// The plot layer: where axes, series, legends and labels go, and the ticks.
@Suite struct PlotTests {
    // MARK: Plots

    @Test func legend_best_avoidsTheCornersTheCurvePasses() {
        // The diagonal y = x crosses the bottom-left and top-right corners.
        var plot = LinePlot()
        plot.add(Series(label: "y = x", x: [0, 1], y: [0, 1], color: .blue))
        let image = plot.render(width: 640, height: 420)
        let legendBorder = RGBColor(hex: 0xC8C8C8)
        var xs: [Int] = [], ys: [Int] = []
        for y in 0..<image.height {
            for x in 0..<image.width where image.color(x: x, y: y) == legendBorder {
                xs.append(x)
                ys.append(y)
            }
        }
        #expect(!xs.isEmpty, "no legend drawn")
        #expect((xs.max() ?? 640) < 320 && (ys.max() ?? 420) < 210, "legend not in the free top-left corner")
    }

    @Test func plot_rendersAtTheRequestedSize_withTheSeriesColour() throws {
        let marker = RGBColor(hex: 0xD55E00)
        var plot = LinePlot(title: "Value function", xLabel: "step", yLabel: "V(D, G)")
        plot.add(Series(label: "V", sampling: { sin($0) }, over: 0...6, color: marker))
        plot.add(.horizontal(y: -log(4), label: "−log 4"))
        let image = plot.render(width: 640, height: 420)
        #expect(image.width == 640 && image.height == 420 && image.format == .rgb)
        #expect(image.contains(marker))

        // Negative control: the same plot without the series never uses that colour.
        var empty = plot
        empty.series.removeAll()
        #expect(!empty.render(width: 640, height: 420).contains(marker))

        let folder = try TemporaryFolder()
        let url = folder.url("plot.png")
        try image.write(to: url)
        #expect(try RasterImage(contentsOf: url, format: .rgb) == image)
    }

    @Test func series_pointsLandInsideTheFrame() {
        // Without ticks the frame is the only thing in its colour, so its pixels give the axes box.
        var plot = LinePlot(title: "p_g", xLabel: "x", yLabel: "density")
        plot.xAxis.showsTicks = false
        plot.yAxis.showsTicks = false
        plot.theme.frame = .purple
        plot.add(Series(label: "points", x: [-3, -1, 0, 2, 5], y: [0.1, 0.9, 0.4, 0.0, 1.0], color: .vermillion, style: nil,
                        marker: .square, markerSize: 6))
        let image = plot.render(width: 480, height: 320)
        guard let frame = pixels(of: image, where: { $0 == .purple }),
              let points = pixels(of: image, where: { $0 == .vermillion }) else {
            Issue.record("frame or points not drawn")
            return
        }
        func inside(_ box: (minX: Int, minY: Int, maxX: Int, maxY: Int)) -> Bool {
            points.minX > box.minX && points.maxX < box.maxX && points.minY > box.minY && points.maxY < box.maxY
        }
        #expect(inside(frame))
        // The points span the box, less the few per cent of headroom a scatter plot keeps.
        #expect(Double(points.maxX - points.minX) > 0.85 * Double(frame.maxX - frame.minX))
        // Negative control: the checker rejects a box that holds only the left half.
        #expect(!inside((frame.minX, frame.minY, (frame.minX + frame.maxX) / 2, frame.maxY)))
    }

    @Test func layout_makesRoomForWiderTickLabels() {
        func frameLeft(_ range: ClosedRange<Double>) -> Int? {
            var plot = LinePlot(yLabel: "value")
            plot.xAxis.showsTicks = false
            plot.theme.frame = .purple
            plot.theme.grid = .white
            plot.yAxis.range = range
            plot.add(Series(x: [0, 1], y: [range.lowerBound, range.upperBound], color: .blue))
            // The y ticks share the frame colour, so the frame's left edge is the rightmost
            // column that is purple in every row of the box's middle.
            let image = plot.render(width: 400, height: 300)
            return (0..<image.width).first { x in (140..<160).allSatisfy { image.color(x: x, y: $0) == .purple } }
        }
        guard let narrow = frameLeft(0...1), let wide = frameLeft(-12_000...18_000) else {
            Issue.record("no frame found")
            return
        }
        // "-10000" is wider than "0.0": the axes box starts further right.
        #expect(wide > narrow + 10, "left edge \(narrow) for 0...1, \(wide) for -12000...18000")
    }

    @Test func plot_pngDecodesAtItsSize() throws {
        var plot = LinePlot(title: "C(G) = −log 4 + 2·JSD", xLabel: "μ", yLabel: "C(G)")
        plot.add(Series(label: "N(μ, 0.5²)", sampling: { $0 * $0 }, over: -1...1))
        let folder = try TemporaryFolder()
        let url = folder.url("figure.png")
        try plot.render(width: 517, height: 311).write(to: url)
        let decoded = try RasterImage(contentsOf: url, format: .rgb)
        #expect(decoded.width == 517 && decoded.height == 311)
        // Negative control: a file that is not a PNG does not decode.
        try Data("not a picture".utf8).write(to: folder.url("fake.png"))
        #expect(throws: ImageFileError.self) { try RasterImage(contentsOf: folder.url("fake.png"), format: .rgb) }
    }

    @Test func plot_seriesIsClippedToTheAxes() {
        var plot = LinePlot()
        plot.xAxis.range = 0...1
        plot.yAxis.range = 0...1
        plot.legend = .hidden
        plot.add(Series(x: [0, 1], y: [5, 5], color: .green, width: 3))
        #expect(!plot.render().contains(.green))
    }

    @Test func plot_withInfiniteAndHugeValues_drawsTheFinitePart() {
        var plot = LinePlot(title: "log D(x)")
        plot.xAxis.range = 0...5
        plot.yAxis.range = -5...1
        plot.add(Series(x: [0, 1, 2, 3, 4, 5], y: [0, -1, -.infinity, -2, 1e300, .nan], color: .blue))
        plot.add(.horizontal(y: .infinity))
        plot.add(.arrow(from: PlotPoint(1, 0), to: PlotPoint(1e300, -1e300), color: .orange, width: 3))
        let image = plot.render()
        #expect(image.contains(.blue) && image.contains(.orange))
    }

    @Test func plot_tooSmallForItsLabels_stillRenders() {
        var plot = LinePlot(title: "A title far wider than the panel", xLabel: "x", yLabel: "y", caption: "(a)")
        plot.add(Series(label: "curve", x: [0, 1, 2], y: [1, 3, 2]))
        plot.add(.horizontal(y: 2, label: "two"))
        let image = plot.render(width: 40, height: 30)
        #expect(image.width == 40 && image.height == 30)
    }

    @Test func panelFigure_placesEachPanelInItsCell() {
        let colors: [RGBColor] = [.green, .blue, .orange, .purple]
        let panels = colors.enumerated().map { index, color in
            var plot = LinePlot(caption: "(\(["a", "b", "c", "d"][index]))")
            plot.add(Series(x: [0, 1], y: [0, 1], color: color, width: 3))
            return plot
        }
        let image = PanelFigure(panels: panels, columns: 2, panelWidth: 320, panelHeight: 210).render()
        #expect(image.width == 640 && image.height == 420)
        for (index, color) in colors.enumerated() {
            let x0 = (index % 2) * 320, y0 = (index / 2) * 210
            let cell = crop(image, x: x0, y: y0, width: 320, height: 210)
            #expect(cell.contains(color), "panel \(index) lacks its colour")
            #expect(colors.filter { $0 != color }.allSatisfy { !cell.contains($0) }, "panel \(index) shows another panel's colour")
        }
    }

    // MARK: Ticks

    @Test(arguments: [(0.0, 1.0), (-0.7, 2.3), (0.001, 0.007), (-1386.3, 50), (3.0, 3.0), (-5e-7, 5e-7), (1e6, 7.3e7)])
    func niceTicks_use125Steps_andCoverTheRange(lower: Double, upper: Double) {
        let ticks = NiceTicks.covering(lower...upper)
        let mantissa = ticks.step / pow(10, log10(ticks.step).rounded(.down))
        #expect([1.0, 2.0, 5.0].contains { abs(mantissa - $0) < 1e-9 }, "step \(ticks.step) is not 1, 2 or 5 × 10^k")
        #expect(ticks.values.first! <= lower && ticks.values.last! >= upper)
        #expect((3...13).contains(ticks.values.count), "\(ticks.values.count) ticks for \(lower)...\(upper)")
        for (a, b) in zip(ticks.values, ticks.values.dropFirst()) {
            #expect(abs((b - a) - ticks.step) <= ticks.step * 1e-9)
        }
        let inside = NiceTicks.inside(lower...upper)
        if upper > lower {
            #expect(inside.values.allSatisfy { $0 >= lower - inside.step * 1e-9 && $0 <= upper + inside.step * 1e-9 })
            #expect(inside.values.count >= 2)
        }
    }

    @Test func niceTicks_labelsUseTheStepsDecimals() {
        let tenths = NiceTicks.covering(-0.4...1)
        #expect(tenths.values.map(tenths.label(for:)) == ["−0.4", "−0.2", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let thousands = NiceTicks.covering(0...10_000)
        #expect(thousands.label(for: 4000) == "4000")
        let tiny = NiceTicks.covering(0...1e-5)
        #expect(tiny.values.map(tiny.label(for:)) == ["0", "2.0e−6", "4.0e−6", "6.0e−6", "8.0e−6", "1.0e−5"])
    }
}
