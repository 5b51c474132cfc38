import GANCore
/// Keeping coordinates within what Cairo can draw.
///
/// Cairo stores coordinates as 24.8 fixed-point numbers, so a curve through
/// 1e300 (log D near D = 0) would overflow. Shapes are cut to the drawable
/// area plus a margin first; this is the one piece of geometry Cairo does
/// not do for us.
extension Canvas {
    /// The drawable area (the canvas, or its clip) grown by `margin`.
    func drawableArea(margin: Double) -> PlotRect {
        var area = PlotRect(x: 0, y: 0, width: Double(width), height: Double(height))
        if let clip {
            let left = max(area.minX, clip.minX), top = max(area.minY, clip.minY)
            area = PlotRect(x: left, y: top, width: max(0, min(area.maxX, clip.maxX) - left),
                            height: max(0, min(area.maxY, clip.maxY) - top))
        }
        return area.inset(by: -margin)
    }

    /// The runs of a polyline that can show: split at non-finite points and
    /// cut to the drawable area plus `margin`.
    func visiblePieces(of points: [PlotPoint], margin: Double) -> [[PlotPoint]] {
        let area = drawableArea(margin: margin)
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

    /// The part of a polygon inside the drawable area plus `margin`
    /// (Sutherland–Hodgman, one edge of the area at a time); empty when a
    /// vertex is not finite.
    func visiblePolygon(_ points: [PlotPoint], margin: Double) -> [PlotPoint] {
        guard points.count >= 3, points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return [] }
        let area = drawableArea(margin: margin)
        // Each edge as (is a point inside it, where segment a–b crosses it).
        let edges: [((PlotPoint) -> Bool, (PlotPoint, PlotPoint) -> PlotPoint)] = [
            ({ $0.x >= area.minX }, { a, b in Self.crossing(a, b, x: area.minX) }),
            ({ $0.x <= area.maxX }, { a, b in Self.crossing(a, b, x: area.maxX) }),
            ({ $0.y >= area.minY }, { a, b in Self.crossing(a, b, y: area.minY) }),
            ({ $0.y <= area.maxY }, { a, b in Self.crossing(a, b, y: area.maxY) }),
        ]
        var polygon = points
        for (inside, cross) in edges {
            guard let last = polygon.last else { break }
            var kept: [PlotPoint] = []
            var previous = last
            for current in polygon {
                switch (inside(previous), inside(current)) {
                case (true, true): kept.append(current)
                case (true, false): kept.append(cross(previous, current))
                case (false, true): kept.append(cross(previous, current)); kept.append(current)
                case (false, false): break
                }
                previous = current
            }
            polygon = kept
        }
        return polygon
    }

    /// Where segment a–b meets the vertical line at `x` (the ends lie on either side).
    /// Interpolated from halves, like `clipped`, so far-off points cannot overflow.
    private static func crossing(_ a: PlotPoint, _ b: PlotPoint, x: Double) -> PlotPoint {
        let t = (x / 2 - a.x / 2) / (b.x / 2 - a.x / 2)
        return PlotPoint(x, a.y + 2 * (t * (b.y / 2 - a.y / 2)))
    }

    private static func crossing(_ a: PlotPoint, _ b: PlotPoint, y: Double) -> PlotPoint {
        let t = (y / 2 - a.y / 2) / (b.y / 2 - a.y / 2)
        return PlotPoint(a.x + 2 * (t * (b.x / 2 - a.x / 2)), y)
    }
}
