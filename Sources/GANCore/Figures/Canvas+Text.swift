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

/// Size, weight and colour of figure text.
public struct TextStyle: Sendable, Hashable {
    /// Integer magnification of the bitmap font (1 draws 9-pixel capitals).
    public var scale: Int
    public var bold: Bool
    public var color: RGBColor
    /// A one-pixel outline in this colour (usually the background) keeps
    /// text legible where it crosses lines.
    public var halo: RGBColor?

    public init(scale: Int = 1, bold: Bool = false, color: RGBColor = .black, halo: RGBColor? = nil) {
        precondition(scale >= 1, "TextStyle scale must be at least 1, got \(scale)")
        self.scale = scale
        self.bold = bold
        self.color = color
        self.halo = halo
    }

    /// Width of `text` in pixels.
    public func width(of text: String) -> Int {
        BitmapFont.standard.width(of: text, scale: scale, bold: bold)
    }

    /// Height of capitals in pixels.
    public var capHeight: Int { BitmapFont.capHeight * scale }
    /// Height of the full glyph box, descenders included.
    public var glyphHeight: Int { BitmapFont.glyphHeight * scale }
    /// Distance between baselines.
    public var lineHeight: Int { BitmapFont.lineHeight * scale }
}

extension Canvas {
    /// Draws one line of text anchored at `point`.
    ///
    /// At scales that are powers of two the glyphs are enlarged with a
    /// variant of EPX (Scale2x) that fills in the steps of diagonal strokes,
    /// then smoothed by 2×2 supersampling, so titles look drawn rather than
    /// magnified. `rotated` turns the text a quarter turn anticlockwise to
    /// read upwards, as on a y axis; the alignments then apply to the
    /// rotated box, with `.baseline` meaning its middle.
    public mutating func drawText(
        _ text: String, at point: PlotPoint, style: TextStyle = TextStyle(),
        horizontal: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline, rotated: Bool = false
    ) {
        guard !text.isEmpty, abs(point.x) < 1e9, abs(point.y) < 1e9 else { return }
        let glyphs = BitmapFont.standard.bitmap(for: text, bold: style.bold && style.scale == 1)
        var mask = Self.scaledCoverage(glyphs.ink, width: glyphs.width, height: glyphs.height, scale: style.scale)
        var width = glyphs.width * style.scale
        var height = glyphs.height * style.scale
        if style.bold && style.scale > 1 {
            // Thickening after enlarging adds one pixel, not `scale`, to each stroke.
            mask = Self.thickened(mask, width: width, height: height)
            width += 1
        }
        if rotated {
            mask = Self.rotatedAnticlockwise(mask, width: width, height: height)
            swap(&width, &height)
        }

        let left: Double
        switch horizontal {
        case .left: left = point.x
        case .center: left = point.x - Double(width) / 2
        case .right: left = point.x - Double(width)
        }
        var top: Double
        if rotated {
            switch vertical {
            case .top: top = point.y
            case .center, .baseline: top = point.y - Double(height) / 2
            case .bottom: top = point.y - Double(height)
            }
        } else {
            switch vertical {
            case .top: top = point.y
            case .center: top = point.y - Double(style.capHeight) / 2
            case .baseline: top = point.y - Double(style.capHeight)
            case .bottom: top = point.y - Double(style.glyphHeight)
            }
            // Accents over capitals stick out above the glyph box the
            // alignment refers to. (Rotated text aligns its whole box.)
            top -= Double(glyphs.headroom * style.scale)
        }
        // Whole-pixel placement keeps one-pixel strokes sharp.
        let x0 = Int(left.rounded()), y0 = Int(top.rounded())
        if let halo = style.halo {
            blend(mask: Self.dilated(mask, width: width, height: height), width: width + 2, height: height + 2,
                  x0: x0 - 1, y0: y0 - 1, color: halo)
        }
        blend(mask: mask, width: width, height: height, x0: x0, y0: y0, color: style.color)
    }

    private mutating func blend(mask: [Float], width: Int, height: Int, x0: Int, y0: Int, color: RGBColor) {
        guard let b = pixelBounds(minX: Double(x0), minY: Double(y0), maxX: Double(x0 + width), maxY: Double(y0 + height)) else { return }
        for y in b.y0..<b.y1 {
            for x in b.x0..<b.x1 {
                let coverage = mask[(y - y0) * width + (x - x0)]
                if coverage > 0 { blend(x: x, y: y, color: color, alpha: Double(coverage)) }
            }
        }
    }

    /// Each pixel also inks its right neighbour: one pixel wider.
    static func thickened(_ mask: [Float], width: Int, height: Int) -> [Float] {
        var out = [Float](repeating: 0, count: (width + 1) * height)
        for y in 0..<height {
            for x in 0...width {
                let here = x < width ? mask[y * width + x] : 0
                let left = x > 0 ? mask[y * width + x - 1] : 0
                out[y * (width + 1) + x] = max(here, left)
            }
        }
        return out
    }

    /// The mask grown by one pixel on every side (the halo), `(width + 2) × (height + 2)`.
    static func dilated(_ mask: [Float], width: Int, height: Int) -> [Float] {
        let outWidth = width + 2
        var out = [Float](repeating: 0, count: outWidth * (height + 2))
        for y in 0..<height {
            for x in 0..<width where mask[y * width + x] > 0 {
                let value = mask[y * width + x]
                for dy in 0...2 {
                    for dx in 0...2 {
                        let i = (y + dy) * outWidth + x + dx
                        out[i] = max(out[i], value)
                    }
                }
            }
        }
        return out
    }

    /// Ink enlarged `scale` times as coverage in [0, 1].
    static func scaledCoverage(_ ink: [Bool], width: Int, height: Int, scale: Int) -> [Float] {
        if scale == 1 { return ink.map { $0 ? 1 : 0 } }
        if scale & (scale - 1) == 0 {
            // EPX up to twice the target size, then average 2×2 blocks.
            var bits = ink, w = width, h = height
            var factor = 1
            while factor < 2 * scale {
                bits = epx(bits, width: w, height: h)
                w *= 2
                h *= 2
                factor *= 2
            }
            var out = [Float](repeating: 0, count: width * scale * height * scale)
            let outWidth = width * scale
            for y in 0..<(height * scale) {
                for x in 0..<outWidth {
                    var sum = 0
                    for dy in 0..<2 {
                        for dx in 0..<2 where bits[(2 * y + dy) * w + 2 * x + dx] { sum += 1 }
                    }
                    out[y * outWidth + x] = Float(sum) / 4
                }
            }
            return out
        }
        // Other scales: plain pixel replication.
        let outWidth = width * scale
        var out = [Float](repeating: 0, count: outWidth * height * scale)
        for y in 0..<(height * scale) {
            for x in 0..<outWidth where ink[(y / scale) * width + x / scale] {
                out[y * outWidth + x] = 1
            }
        }
        return out
    }

    /// The EPX / Scale2x doubling: each pixel becomes four, and a corner
    /// takes its two neighbours' colour where they agree and the others do
    /// not, which turns one-pixel staircases into diagonals.
    static func epx(_ bits: [Bool], width: Int, height: Int) -> [Bool] {
        func at(_ x: Int, _ y: Int) -> Bool {
            x >= 0 && x < width && y >= 0 && y < height && bits[y * width + x]
        }
        let outWidth = 2 * width
        var out = [Bool](repeating: false, count: 4 * width * height)
        for y in 0..<height {
            for x in 0..<width {
                let p = at(x, y), a = at(x, y - 1), b = at(x + 1, y), c = at(x - 1, y), d = at(x, y + 1)
                var e1 = p, e2 = p, e3 = p, e4 = p
                // Only paper turns to ink: the inner corners of diagonal steps
                // fill in, while the square corners of E, D or 1 stay square
                // (full EPX would round them, and D would read as O).
                if !p {
                    if c == a && c != d && a != b { e1 = a }
                    if a == b && a != c && b != d { e2 = b }
                    if d == c && d != b && c != a { e3 = c }
                    if b == d && b != a && d != c { e4 = d }
                }
                out[(2 * y) * outWidth + 2 * x] = e1
                out[(2 * y) * outWidth + 2 * x + 1] = e2
                out[(2 * y + 1) * outWidth + 2 * x] = e3
                out[(2 * y + 1) * outWidth + 2 * x + 1] = e4
            }
        }
        return out
    }

    /// A `width × height` mask turned a quarter anticlockwise (`height × width`).
    static func rotatedAnticlockwise(_ mask: [Float], width: Int, height: Int) -> [Float] {
        var out = [Float](repeating: 0, count: mask.count)
        // New (x', y') shows old (width − 1 − y', x'): the first letter ends up at the bottom.
        for y in 0..<width {
            for x in 0..<height {
                out[y * height + x] = mask[x * width + (width - 1 - y)]
            }
        }
        return out
    }
}
