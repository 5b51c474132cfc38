import GANCore
/// A reference line's label, placed.
struct ReferenceLabel {
    let text: String
    let anchor: PlotPoint
    let horizontal: HorizontalAlignment
    let vertical: VerticalAlignment
    let style: TextStyle
    /// The pixels it covers, for keeping the legend off it.
    let rect: PlotRect
}

extension LinePlot {
    /// Draws the reference lines across the axes box (their labels come later).
    func drawReferenceLines(on canvas: inout Canvas, _ g: PlotGeometry) {
        let box = g.box
        for line in referenceLines where line.value.isFinite {
            switch line.orientation {
            case .horizontal:
                let y = g.py(line.value).rounded(.down) + 0.5
                canvas.strokeLine(from: PlotPoint(box.minX, y), to: PlotPoint(box.maxX, y),
                                  color: line.color, width: line.width, style: line.style)
            case .vertical:
                let x = g.px(line.value).rounded(.down) + 0.5
                canvas.strokeLine(from: PlotPoint(x, box.minY), to: PlotPoint(x, box.maxY),
                                  color: line.color, width: line.width, style: line.style)
            }
        }
    }

    /// Where each labelled reference line's label goes: a horizontal line's
    /// at its right end above the line, unless another place beside one of
    /// its ends hides less of the curves; a vertical line's beside its top.
    func referenceLabels(_ g: PlotGeometry) -> [ReferenceLabel] {
        let box = g.box
        var labels: [ReferenceLabel] = []
        for line in referenceLines where line.value.isFinite {
            guard let text = line.label, !text.isEmpty else { continue }
            var style = theme.tickLabel
            style.color = line.color.mixed(with: .black, 0.25)
            style.halo = theme.background
            let width = Double(style.width(of: text)), height = Double(style.capHeight)
            let gap = line.width / 2 + 4
            switch line.orientation {
            case .horizontal:
                let y = g.py(line.value).rounded(.down) + 0.5
                var places: [ReferenceLabel] = []
                for above in [true, false] {
                    let top = above ? y - gap - height : y + gap
                    guard top > box.minY + 2, top + height < box.maxY - 2 else { continue }
                    let anchorY = above ? y - gap : y + gap
                    let vertical: VerticalAlignment = above ? .baseline : .top
                    places.append(ReferenceLabel(text: text, anchor: PlotPoint(box.maxX - 6, anchorY), horizontal: .right, vertical: vertical,
                                                 style: style, rect: PlotRect(x: box.maxX - 6 - width, y: top, width: width, height: height)))
                    places.append(ReferenceLabel(text: text, anchor: PlotPoint(box.minX + 6, anchorY), horizontal: .left, vertical: vertical,
                                                 style: style, rect: PlotRect(x: box.minX + 6, y: top, width: width, height: height)))
                }
                if let best = places.min(by: { overlap(of: $0.rect, g) < overlap(of: $1.rect, g) }) {
                    labels.append(best)
                }
            case .vertical:
                let x = g.px(line.value).rounded(.down) + 0.5 + gap
                labels.append(ReferenceLabel(text: text, anchor: PlotPoint(x, box.minY + 6), horizontal: .left, vertical: .top,
                                             style: style, rect: PlotRect(x: x, y: box.minY + 6, width: width, height: height)))
            }
        }
        return labels
    }
}
