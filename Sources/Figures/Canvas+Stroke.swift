import CCairo
import Foundation
import GANCore

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
        guard width > 0 else { return }
        let pieces = visiblePieces(of: points, margin: width + 2)
        guard !pieces.isEmpty else { return }
        cairo_new_path(context)
        for piece in pieces {
            cairo_move_to(context, piece[0].x, piece[0].y)
            // A lone point still shows as a dot: a round cap on a segment of length zero.
            for p in piece.count == 1 ? piece : Array(piece.dropFirst()) { cairo_line_to(context, p.x, p.y) }
        }
        setSource(color, opacity: opacity)
        cairo_set_line_width(context, width)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        let pattern = style.pattern(width: width) ?? []
        cairo_set_dash(context, pattern, Int32(pattern.count), 0)
        // One stroke for the whole path, so overlapping pieces do not darken where they cross.
        cairo_stroke(context)
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
}
