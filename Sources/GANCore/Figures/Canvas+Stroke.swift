import Foundation

/// How a line is drawn along its length.
public enum LineStyle: Sendable, Hashable, CaseIterable {
    case solid
    case dashed
    case dotted
    case dashDotted

    /// Alternating on/off lengths in pixels for a line `width` wide, measured
    /// between cap centres: round caps add `width` to every dash, so the
    /// visible dash is `on + width` and the visible gap `off − width`.
    func pattern(width: Double) -> [Double]? {
        let w = max(width, 1)
        switch self {
        case .solid: return nil
        case .dashed: return [max(7, 4 * w) - w, max(4, 2.5 * w) + w]
        case .dotted: return [0, max(4, 2.5 * w)]
        case .dashDotted: return [max(7, 4 * w) - w, max(3, 2 * w) + w, 0, max(3, 2 * w) + w]
        }
    }
}

extension Canvas {
    /// Draws a polyline with round caps and joins.
    ///
    /// Non-finite points break the line into separate pieces, so a curve
    /// like log D(x) that reaches −∞ is drawn up to where it is defined.
    /// The dash pattern runs on across the vertices of one piece.
    public mutating func strokePolyline(
        _ points: [PlotPoint], color: RGBColor, width: Double = 1.5, style: LineStyle = .solid, opacity: Double = 1
    ) {
        let halfWidth = max(width, 1) / 2
        // Lines thinner than a pixel are drawn one pixel wide but fainter.
        let strength = min(width, 1)
        let pieces = visiblePieces(of: points, margin: halfWidth + 2)
        guard let first = pieces.first?.first else { return }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for piece in pieces {
            for p in piece {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        guard let b = pixelBounds(minX: minX - halfWidth - 1, minY: minY - halfWidth - 1,
                                  maxX: maxX + halfWidth + 1, maxY: maxY + halfWidth + 1) else { return }
        var mask = CoverageMask(x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1)
        for piece in pieces {
            let dashes = style.pattern(width: width).map { Self.dashes(along: piece, pattern: $0) } ?? [piece]
            for dash in dashes {
                if dash.count == 1 {
                    mask.stampSegment(dash[0], dash[0], halfWidth: halfWidth, strength: strength)
                }
                for (a, b) in zip(dash, dash.dropFirst()) {
                    mask.stampSegment(a, b, halfWidth: halfWidth, strength: strength)
                }
            }
        }
        composite(mask, color: color, opacity: opacity)
    }

    /// The runs of a polyline that can show: split at non-finite points and
    /// cut to the drawable area plus `margin`, so dashing and stamping only
    /// ever walk a canvas-sized length however far off the points lie.
    func visiblePieces(of points: [PlotPoint], margin: Double) -> [[PlotPoint]] {
        var area = PlotRect(x: 0, y: 0, width: Double(width), height: Double(height))
        if let clip {
            let left = max(area.minX, clip.minX), top = max(area.minY, clip.minY)
            area = PlotRect(x: left, y: top, width: max(0, min(area.maxX, clip.maxX) - left),
                            height: max(0, min(area.maxY, clip.maxY) - top))
        }
        area = area.inset(by: -margin)
        var pieces: [[PlotPoint]] = []
        for run in points.split(whereSeparator: { !$0.x.isFinite || !$0.y.isFinite }) {
            if run.count == 1, let p = run.first, p.x >= area.minX, p.x <= area.maxX, p.y >= area.minY, p.y <= area.maxY {
                pieces.append([p])
            }
            var current: [PlotPoint] = []
            for (a, b) in zip(run, run.dropFirst()) {
                guard let (start, end) = Self.clipped(a, b, to: area) else {
                    if !current.isEmpty { pieces.append(current) }
                    current = []
                    continue
                }
                if current.last != start {
                    if !current.isEmpty { pieces.append(current) }
                    current = [start]
                }
                current.append(end)
                if end != b {
                    pieces.append(current)
                    current = []
                }
            }
            if !current.isEmpty { pieces.append(current) }
        }
        return pieces
    }

    /// The part of segment a–b inside `rect` (Liang–Barsky), or `nil`.
    /// Works on halved coordinates so that a segment between far-off points
    /// (a curve through 1e300) cannot overflow; unclipped ends are returned
    /// exactly, so consecutive segments still join.
    static func clipped(_ a: PlotPoint, _ b: PlotPoint, to rect: PlotRect) -> (PlotPoint, PlotPoint)? {
        let hx = b.x / 2 - a.x / 2, hy = b.y / 2 - a.y / 2
        var t0 = 0.0, t1 = 1.0
        // Each edge as p·t ≤ q.
        let edges = [(-hx, a.x / 2 - rect.minX / 2), (hx, rect.maxX / 2 - a.x / 2),
                     (-hy, a.y / 2 - rect.minY / 2), (hy, rect.maxY / 2 - a.y / 2)]
        for (p, q) in edges {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return nil }
        }
        let start = t0 == 0 ? a : PlotPoint(a.x + 2 * (t0 * hx), a.y + 2 * (t0 * hy))
        let end = t1 == 1 ? b : PlotPoint(a.x + 2 * (t1 * hx), a.y + 2 * (t1 * hy))
        return (start, end)
    }

    /// Draws a straight line.
    public mutating func strokeLine(
        from a: PlotPoint, to b: PlotPoint, color: RGBColor, width: Double = 1.5, style: LineStyle = .solid, opacity: Double = 1
    ) {
        strokePolyline([a, b], color: color, width: width, style: style, opacity: opacity)
    }

    /// Draws an arrow from `a` to `b` with a filled triangular head at `b`.
    /// The head scales with the line width unless given.
    public mutating func drawArrow(
        from a: PlotPoint, to b: PlotPoint, color: RGBColor, width: Double = 1.5, style: LineStyle = .solid,
        headLength: Double? = nil, headWidth: Double? = nil, opacity: Double = 1
    ) {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = hypot(dx, dy)
        guard length > 0, length.isFinite else { return }
        let ux = dx / length, uy = dy / length
        let headL = min(headLength ?? max(9, 4.5 * width), length)
        let headW = headWidth ?? headL * 0.75
        // The shaft stops inside the head so its round cap does not poke out of the tip.
        let shaftEnd = PlotPoint(b.x - ux * headL * 0.7, b.y - uy * headL * 0.7)
        strokeLine(from: a, to: shaftEnd, color: color, width: width, style: style, opacity: opacity)
        let base = PlotPoint(b.x - ux * headL, b.y - uy * headL)
        fillPolygon([
            b,
            PlotPoint(base.x - uy * headW / 2, base.y + ux * headW / 2),
            PlotPoint(base.x + uy * headW / 2, base.y - ux * headW / 2),
        ], color: color, opacity: opacity)
    }

    /// Cuts a polyline into the "on" pieces of a dash pattern. A piece of
    /// zero length (a dot) is returned as a single point.
    static func dashes(along points: [PlotPoint], pattern: [Double]) -> [[PlotPoint]] {
        guard let start = points.first else { return [] }
        var result: [[PlotPoint]] = []
        var current = [start]
        var phase = 0
        var remaining = pattern[0]
        var on = true
        for (a, b) in zip(points, points.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            var travelled = 0.0
            // Each pass ends one phase of the pattern inside this segment;
            // an "on" phase of length zero becomes a two-point dot.
            while length - travelled > remaining {
                travelled += remaining
                let t = travelled / length
                let p = PlotPoint(a.x + t * dx, a.y + t * dy)
                if on {
                    current.append(p)
                    result.append(current)
                }
                on.toggle()
                phase = (phase + 1) % pattern.count
                remaining = pattern[phase]
                current = on ? [p] : []
            }
            remaining -= length - travelled
            if on { current.append(b) }
        }
        if on && !current.isEmpty { result.append(current) }
        return result
    }
}
