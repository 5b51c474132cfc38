import GANCore
/// The pixel geometry of one drawn plot: where the axes box is and how
/// data coordinates map onto it.
struct PlotGeometry {
    /// Pixel columns of the left and right frame lines, rows of the top and bottom ones.
    let left: Int, right: Int, top: Int, bottom: Int
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>

    /// Data x to canvas x: the range's ends fall on the frame lines' centres.
    func px(_ x: Double) -> Double {
        Double(left) + 0.5 + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * Double(right - left)
    }

    func py(_ y: Double) -> Double {
        Double(bottom) + 0.5 - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * Double(bottom - top)
    }

    func point(_ p: PlotPoint) -> PlotPoint { PlotPoint(px(p.x), py(p.y)) }

    /// The area inside the frame, frame lines included.
    var box: PlotRect {
        PlotRect(x: Double(left), y: Double(top), width: Double(right - left + 1), height: Double(bottom - top + 1))
    }
}

extension LinePlot {
    static let tickLength = 5.0
    static let tickLabelGap = 4.0

    /// The axis limits drawn: the fixed ranges where given, otherwise the
    /// data's extent (x exactly, so curves reach both sides; y with 5 %
    /// headroom), reference lines and annotations included.
    public func limits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var xs: [Double] = [], ys: [Double] = []
        for s in series {
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite {
                xs.append(x)
                ys.append(y)
            }
            if s.fillOpacity > 0 { ys.append(0) }
        }
        for line in referenceLines where line.value.isFinite {
            if line.orientation == .horizontal { ys.append(line.value) } else { xs.append(line.value) }
        }
        for annotation in annotations {
            for p in annotation.anchorPoints where p.x.isFinite && p.y.isFinite {
                xs.append(p.x)
                ys.append(p.y)
            }
        }
        let scatterOnly = !series.isEmpty && series.allSatisfy { $0.style == nil }
        // A fixed range of zero width is widened like a constant series.
        let x = xAxis.range.map { Self.fitted([$0.lowerBound, $0.upperBound], headroom: 0) }
            ?? Self.fitted(xs, headroom: scatterOnly ? 0.04 : 0)
        let y = yAxis.range.map { Self.fitted([$0.lowerBound, $0.upperBound], headroom: 0) }
            ?? Self.fitted(ys, headroom: 0.05)
        return (x, y)
    }

    private static func fitted(_ values: [Double], headroom: Double) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        guard high > low else {
            let pad = low == 0 ? 0.5 : abs(low) * 0.1
            return (low - pad)...(high + pad)
        }
        let pad = (high - low) * headroom
        return (low - pad)...(high + pad)
    }

    /// Draws the plot into `frame` of `canvas` (a whole image, or one panel of a figure).
    public func draw(on canvas: inout Canvas, in frame: PlotRect) {
        let savedClip = canvas.clip
        defer { canvas.clip = savedClip }
        canvas.clip = frame
        canvas.fillRectangle(frame, color: theme.background)

        let g = layout(in: frame)
        let xTicks = xAxis.showsTicks ? NiceTicks.inside(g.xRange, targetCount: xTickCount(Double(g.right - g.left))) : nil
        let yTicks = yAxis.showsTicks ? NiceTicks.inside(g.yRange, targetCount: yTickCount(Double(g.bottom - g.top))) : nil

        if showsGrid {
            for x in xTicks?.values ?? [] {
                canvas.fillRectangle(PlotRect(x: g.px(x).rounded(.down), y: Double(g.top), width: 1, height: Double(g.bottom - g.top)), color: theme.grid)
            }
            for y in yTicks?.values ?? [] {
                canvas.fillRectangle(PlotRect(x: Double(g.left), y: g.py(y).rounded(.down), width: Double(g.right - g.left), height: 1), color: theme.grid)
            }
        }

        canvas.clip = g.box
        drawReferenceLines(on: &canvas, g)
        drawSeries(on: &canvas, g)
        // Labels after the curves, so their halo keeps them legible.
        for label in referenceLabels(g) {
            canvas.drawText(label.text, at: label.anchor, style: label.style, horizontal: label.horizontal, vertical: label.vertical)
        }
        canvas.clip = frame

        if showsFrame {
            canvas.strokeRectangle(g.box, color: theme.frame)
        }
        drawTicks(on: &canvas, g, xTicks: xTicks, yTicks: yTicks)
        drawLabels(on: &canvas, g, frame: frame, xTicks: xTicks)
        drawAnnotations(on: &canvas, g)
        drawLegend(on: &canvas, g)
    }

    private func xTickCount(_ span: Double) -> Int { xAxis.tickCount ?? max(2, Int(span / 95)) }
    private func yTickCount(_ span: Double) -> Int { yAxis.tickCount ?? max(2, Int(span / 60)) }

    /// Places the axes box: title above, caption and x label below, y label
    /// and tick labels to the left, each taking only the room it needs.
    func layout(in frame: PlotRect) -> PlotGeometry {
        let (xRange, yRange) = limits()
        let pad = theme.padding
        var top = frame.minY + pad
        if let title, !title.isEmpty { top += Double(theme.title.capHeight) + 12 }
        var bottom = frame.maxY - pad
        if let caption, !caption.isEmpty { bottom -= Double(theme.caption.glyphHeight) + 6 }
        if !xAxis.label.isEmpty { bottom -= Double(theme.axisLabel.glyphHeight) + 8 }
        if xAxis.showsTicks { bottom -= Self.tickLength + Self.tickLabelGap + Double(theme.tickLabel.capHeight) + 2 }
        if !xAxis.showsTicks && !showsFrame { bottom -= 2 }

        var left = frame.minX + pad
        if !yAxis.label.isEmpty { left += Double(theme.axisLabel.glyphHeight) + 8 }
        if yAxis.showsTicks {
            // Tick labels depend on the ticks, which depend on the height found above.
            let ticks = NiceTicks.inside(yRange, targetCount: yTickCount(bottom - top))
            let widest = ticks.values.map { theme.tickLabel.width(of: ticks.label(for: $0)) }.max() ?? 0
            left += Double(widest) + Self.tickLength + Self.tickLabelGap
        }
        var right = frame.maxX - pad
        if xAxis.showsTicks {
            // The last x tick label is centred on the right edge: leave it room.
            let ticks = NiceTicks.inside(xRange, targetCount: xTickCount(right - left))
            if let last = ticks.values.last {
                right = min(right, frame.maxX - Double(theme.tickLabel.width(of: ticks.label(for: last))) / 2 - 4)
            }
        }
        // A panel too small for its labels still gets a (tiny) box rather than a negative one.
        let l = Int(left.rounded()), t = Int(top.rounded())
        return PlotGeometry(left: l, right: max(Int(right.rounded()) - 1, l + 1),
                            top: t, bottom: max(Int(bottom.rounded()) - 1, t + 1),
                            xRange: xRange, yRange: yRange)
    }

    /// The colour series `index` is drawn in.
    func color(ofSeries index: Int) -> RGBColor {
        series[index].color ?? RGBColor.palette[index % RGBColor.palette.count]
    }

    private func drawSeries(on canvas: inout Canvas, _ g: PlotGeometry) {
        for (index, s) in series.enumerated() {
            let color = color(ofSeries: index)
            let points = zip(s.x, s.y).map { x, y in
                x.isFinite && y.isFinite ? PlotPoint(g.px(x), g.py(y)) : PlotPoint(.nan, .nan)
            }
            if s.fillOpacity > 0 {
                let baseline = g.py(min(max(0, g.yRange.lowerBound), g.yRange.upperBound))
                for piece in points.split(whereSeparator: { !$0.x.isFinite }) where piece.count >= 2 {
                    let polygon = Array(piece) + [PlotPoint(piece.last!.x, baseline), PlotPoint(piece.first!.x, baseline)]
                    canvas.fillPolygon(polygon, color: color, opacity: s.fillOpacity)
                }
            }
            if let style = s.style {
                canvas.strokePolyline(points, color: color, width: s.width, style: style)
            }
            if let marker = s.marker {
                for p in points where p.x.isFinite {
                    canvas.drawMarker(marker, at: p, size: s.markerSize, color: color)
                }
            }
        }
    }

    private func drawTicks(on canvas: inout Canvas, _ g: PlotGeometry, xTicks: NiceTicks?, yTicks: NiceTicks?) {
        if let xTicks {
            for x in xTicks.values {
                let column = g.px(x).rounded(.down)
                canvas.fillRectangle(PlotRect(x: column, y: Double(g.bottom + 1), width: 1, height: Self.tickLength), color: theme.frame)
                canvas.drawText(xTicks.label(for: x), at: PlotPoint(column + 0.5, Double(g.bottom + 1) + Self.tickLength + Self.tickLabelGap),
                                style: theme.tickLabel, horizontal: .center, vertical: .top)
            }
        }
        if let yTicks {
            for y in yTicks.values {
                let row = g.py(y).rounded(.down)
                canvas.fillRectangle(PlotRect(x: Double(g.left) - Self.tickLength, y: row, width: Self.tickLength, height: 1), color: theme.frame)
                canvas.drawText(yTicks.label(for: y), at: PlotPoint(Double(g.left) - Self.tickLength - Self.tickLabelGap, row + 0.5),
                                style: theme.tickLabel, horizontal: .right, vertical: .center)
            }
        }
    }

    private func drawLabels(on canvas: inout Canvas, _ g: PlotGeometry, frame: PlotRect, xTicks: NiceTicks?) {
        let centreX = (Double(g.left) + Double(g.right) + 1) / 2
        if let title, !title.isEmpty {
            canvas.drawText(title, at: PlotPoint(centreX, frame.minY + theme.padding), style: theme.title, horizontal: .center, vertical: .top)
        }
        var y = Double(g.bottom + 1)
        if xTicks != nil { y += Self.tickLength + Self.tickLabelGap + Double(theme.tickLabel.capHeight) + 2 }
        if !xAxis.label.isEmpty {
            y += 8
            canvas.drawText(xAxis.label, at: PlotPoint(centreX, y), style: theme.axisLabel, horizontal: .center, vertical: .top)
            y += Double(theme.axisLabel.glyphHeight)
        }
        if let caption, !caption.isEmpty {
            canvas.drawText(caption, at: PlotPoint(centreX, y + 6), style: theme.caption, horizontal: .center, vertical: .top)
        }
        if !yAxis.label.isEmpty {
            canvas.drawText(yAxis.label, at: PlotPoint(frame.minX + theme.padding, (Double(g.top) + Double(g.bottom) + 1) / 2),
                            style: theme.axisLabel, horizontal: .left, vertical: .center, rotated: true)
        }
    }

    private func drawAnnotations(on canvas: inout Canvas, _ g: PlotGeometry) {
        for annotation in annotations {
            switch annotation {
            case let .segment(from, to, color, width, style):
                canvas.strokeLine(from: g.point(from), to: g.point(to), color: color, width: width, style: style)
            case let .arrow(from, to, color, width, style):
                canvas.drawArrow(from: g.point(from), to: g.point(to), color: color, width: width, style: style)
            case let .point(p, color, diameter):
                canvas.fillCircle(center: g.point(p), radius: diameter / 2, color: color)
            case let .text(text, p, style, horizontal, vertical):
                canvas.drawText(text, at: g.point(p), style: style, horizontal: horizontal, vertical: vertical)
            }
        }
    }
}

extension Annotation {
    /// The data points an annotation must keep in view.
    var anchorPoints: [PlotPoint] {
        switch self {
        case let .segment(from, to, _, _, _), let .arrow(from, to, _, _, _): [from, to]
        case let .point(p, _, _), let .text(_, p, _, _, _): [p]
        }
    }
}

extension Canvas {
    /// Draws a filled marker of diameter `size` centred on `center`.
    public mutating func drawMarker(_ marker: Marker, at center: PlotPoint, size: Double, color: RGBColor, opacity: Double = 1) {
        let r = size / 2
        switch marker {
        case .circle:
            fillCircle(center: center, radius: r, color: color, opacity: opacity)
        case .square:
            let side = size * 0.85
            fillRectangle(PlotRect(x: center.x - side / 2, y: center.y - side / 2, width: side, height: side), color: color, opacity: opacity)
        case .diamond:
            fillPolygon([PlotPoint(center.x, center.y - r * 1.15), PlotPoint(center.x + r * 0.9, center.y),
                         PlotPoint(center.x, center.y + r * 1.15), PlotPoint(center.x - r * 0.9, center.y)],
                        color: color, opacity: opacity)
        case .triangle:
            fillPolygon([PlotPoint(center.x, center.y - r * 1.15), PlotPoint(center.x + r, center.y + r * 0.75),
                         PlotPoint(center.x - r, center.y + r * 0.75)], color: color, opacity: opacity)
        }
    }
}
