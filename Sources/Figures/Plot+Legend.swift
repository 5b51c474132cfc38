import GANCore
extension LinePlot {
    /// Draws the legend box: one row per labelled series, a short stretch
    /// of its line (and marker) beside its label.
    func drawLegend(on canvas: inout Canvas, _ g: PlotGeometry) {
        guard legend != .hidden else { return }
        let entries = series.indices.filter { !(series[$0].label ?? "").isEmpty }
        guard !entries.isEmpty else { return }

        let text = theme.legend
        let padding = 8.0, sampleLength = 30.0, gap = 8.0
        let tallestMarker = entries.compactMap { series[$0].marker == nil ? nil : series[$0].markerSize }.max() ?? 0
        let rowHeight = max(Double(text.lineHeight), tallestMarker + 4)
        let labelWidth = Double(entries.map { text.width(of: series[$0].label ?? "") }.max() ?? 0)
        let width = (2 * padding + sampleLength + gap + labelWidth).rounded(.up)
        let height = (2 * padding + Double(entries.count - 1) * rowHeight + Double(text.capHeight)).rounded(.up)

        let box = g.box.inset(by: 10)
        func rect(_ position: LegendPosition) -> PlotRect {
            let left = box.minX, right = box.maxX - width
            let top = box.minY, bottom = box.maxY - height
            switch position {
            case .topLeft: return PlotRect(x: left, y: top, width: width, height: height)
            case .bottomLeft: return PlotRect(x: left, y: bottom, width: width, height: height)
            case .bottomRight: return PlotRect(x: right, y: bottom, width: width, height: height)
            case .topRight, .best, .hidden: return PlotRect(x: right, y: top, width: width, height: height)
            }
        }
        let placed: PlotRect
        if legend == .best {
            // The four corners, then the middles of the four sides; a middle
            // must hide clearly less (20 px of curve) to beat a corner.
            let midX = ((box.minX + box.maxX - width) / 2).rounded(), midY = ((box.minY + box.maxY - height) / 2).rounded()
            let candidates: [(rect: PlotRect, penalty: Double)] = [.topRight, .topLeft, .bottomRight, .bottomLeft].map { (rect($0), 0) } + [
                PlotRect(x: box.maxX - width, y: midY, width: width, height: height),
                PlotRect(x: box.minX, y: midY, width: width, height: height),
                PlotRect(x: midX, y: box.minY, width: width, height: height),
                PlotRect(x: midX, y: box.maxY - height, width: width, height: height),
            ].map { ($0, 20) }
            let labels = referenceLabels(g).map(\.rect)
            func cost(_ candidate: (rect: PlotRect, penalty: Double)) -> Double {
                overlap(of: candidate.rect, g) + candidate.penalty
                    + Double(labels.filter { $0.intersects(candidate.rect.inset(by: -4)) }.count) * 1000
            }
            placed = candidates.min { cost($0) < cost($1) }?.rect ?? rect(.topRight)
        } else {
            placed = rect(legend)
        }

        canvas.fillRectangle(placed, color: theme.background, opacity: 0.9)
        canvas.strokeRectangle(placed, color: RGBColor(hex: 0xC8C8C8))
        for (row, index) in entries.enumerated() {
            let s = series[index]
            let color = color(ofSeries: index)
            let centreY = (placed.minY + padding + Double(text.capHeight) / 2 + Double(row) * rowHeight).rounded(.down) + 0.5
            let x0 = placed.minX + padding
            if let style = s.style {
                canvas.strokeLine(from: PlotPoint(x0, centreY), to: PlotPoint(x0 + sampleLength, centreY),
                                  color: color, width: s.width, style: style)
            }
            if let marker = s.marker {
                canvas.drawMarker(marker, at: PlotPoint(x0 + sampleLength / 2, centreY), size: s.markerSize, color: color)
            }
            canvas.drawText(s.label ?? "", at: PlotPoint(x0 + sampleLength + gap, centreY), style: text,
                            horizontal: .left, vertical: .center)
        }
    }

    /// How much of the plot a legend or label at `rect` would hide: drawn
    /// curve length in pixels, markers, reference lines and annotations under it.
    func overlap(of rect: PlotRect, _ g: PlotGeometry) -> Double {
        let area = rect.inset(by: -4)
        func inside(_ p: PlotPoint) -> Bool {
            p.x >= area.minX && p.x <= area.maxX && p.y >= area.minY && p.y <= area.maxY
        }
        var cost = 0.0
        for s in series {
            let points = zip(s.x, s.y).map { PlotPoint(g.px($0), g.py($1)) }
            if s.style != nil {
                for (a, b) in zip(points, points.dropFirst()) where a.x.isFinite && a.y.isFinite && b.x.isFinite && b.y.isFinite {
                    let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                    let steps = max(1, Int(length / 2))
                    for k in 0..<steps {
                        let t = Double(k) / Double(steps)
                        if inside(PlotPoint(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))) { cost += length / Double(steps) }
                    }
                }
            }
            if s.marker != nil {
                cost += Double(points.filter(inside).count) * s.markerSize
            }
        }
        for line in referenceLines where line.value.isFinite {
            switch line.orientation {
            case .horizontal: if g.py(line.value) >= area.minY && g.py(line.value) <= area.maxY { cost += area.width }
            case .vertical: if g.px(line.value) >= area.minX && g.px(line.value) <= area.maxX { cost += area.height }
            }
        }
        for annotation in annotations {
            cost += Double(annotation.anchorPoints.map(g.point).filter(inside).count) * 20
        }
        return cost
    }
}
