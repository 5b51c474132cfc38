import CCairo
import GANCore

/// Where a line of text sits horizontally relative to its anchor point.
public enum HorizontalAlignment: Sendable, Hashable {
    case left, center, right
}

/// Where a line of text sits vertically relative to its anchor point.
public enum VerticalAlignment: Sendable, Hashable {
    /// The anchor is at the top of the capitals.
    case top
    /// The anchor is halfway up the capitals: numbers centre on tick marks.
    case center
    /// The anchor is on the baseline.
    case baseline
    /// The anchor is below the descenders.
    case bottom
}

/// Size, weight and colour of figure text, set in DejaVu Sans.
public struct TextStyle: Sendable, Hashable {
    /// Size step: 1 for labels and ticks (13 px type), 2 for titles
    /// (20 px), each step 7 px more.
    public var scale: Int
    public var bold: Bool
    public var color: RGBColor
    /// An outline in this colour (usually the background) keeps text
    /// legible where it crosses lines.
    public var halo: RGBColor?

    public init(scale: Int = 1, bold: Bool = false, color: RGBColor = .black, halo: RGBColor? = nil) {
        precondition(scale >= 1, "TextStyle scale must be at least 1, got \(scale)")
        self.scale = scale
        self.bold = bold
        self.color = color
        self.halo = halo
    }

    /// The em size in pixels.
    public var fontSize: Double { Double(6 + 7 * scale) }

    /// Width of `text` in pixels: how far the pen advances, rounded up.
    public func width(of text: String) -> Int {
        Int(FontMetrics(self).advance(of: text).rounded(.up))
    }

    /// Height of capitals in pixels.
    public var capHeight: Int { Int(FontMetrics(self).capHeight.rounded()) }
    /// Height from the top of the capitals to the bottom of the descenders.
    public var glyphHeight: Int { Int((FontMetrics(self).capHeight + FontMetrics(self).descent).rounded(.up)) }
    /// Distance between baselines.
    public var lineHeight: Int { Int(FontMetrics(self).lineHeight.rounded(.up)) }
}

extension Canvas {
    /// Draws one line of text anchored at `point`.
    ///
    /// `rotated` turns the text a quarter turn anticlockwise to read
    /// upwards, as on a y axis; the alignments then apply to the rotated
    /// box, with `.baseline` meaning its middle.
    public mutating func drawText(
        _ text: String, at point: PlotPoint, style: TextStyle = TextStyle(),
        horizontal: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline, rotated: Bool = false
    ) {
        guard !text.isEmpty, point.x.isFinite, point.y.isFinite, abs(point.x) < 1e6, abs(point.y) < 1e6 else { return }
        let metrics = FontMetrics(style)
        let length = metrics.advance(of: text)
        let cap = Double(style.capHeight), boxHeight = Double(style.glyphHeight)
        // The pen's start on the baseline, and the turn of the baseline.
        let origin: PlotPoint
        if rotated {
            // The box is `boxHeight` wide and `length` tall; the capitals' tops face left.
            let left: Double
            switch horizontal {
            case .left: left = point.x
            case .center: left = point.x - boxHeight / 2
            case .right: left = point.x - boxHeight
            }
            let bottom: Double
            switch vertical {
            case .top: bottom = point.y + length
            case .center, .baseline: bottom = point.y + length / 2
            case .bottom: bottom = point.y
            }
            origin = PlotPoint(left + cap, bottom)
        } else {
            let left: Double
            switch horizontal {
            case .left: left = point.x
            case .center: left = point.x - length / 2
            case .right: left = point.x - length
            }
            let baseline: Double
            switch vertical {
            case .top: baseline = point.y + cap
            case .center: baseline = point.y + cap / 2
            case .baseline: baseline = point.y
            case .bottom: baseline = point.y - (boxHeight - cap)
            }
            origin = PlotPoint(left, baseline)
        }

        cairo_save(context)
        // Whole-pixel baselines keep hinted stems sharp.
        cairo_translate(context, origin.x.rounded(), origin.y.rounded())
        if rotated { cairo_rotate(context, -Double.pi / 2) }
        metrics.select(on: context)
        cairo_move_to(context, 0, 0)
        if let halo = style.halo {
            // The outline is the glyphs' own path stroked wide, under the fill.
            cairo_text_path(context, text)
            setSource(halo, opacity: 1)
            cairo_set_line_width(context, 3)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
            cairo_set_dash(context, nil, 0, 0)
            cairo_stroke_preserve(context)
            setSource(style.color, opacity: 1)
            cairo_fill(context)
        } else {
            setSource(style.color, opacity: 1)
            cairo_show_text(context, text)
        }
        cairo_restore(context)
    }
}
