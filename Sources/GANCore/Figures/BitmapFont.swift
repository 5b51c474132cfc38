/// A fixed-width bitmap font for figure text, drawn at integer scales.
///
/// Figures must come out the same on every machine and need no font files,
/// so the glyphs live in the source (`BitmapFont+Glyphs.swift`): printable
/// ASCII plus a few symbols the paper uses (−, ×, ·, →, ≈, σ, μ, θ) and
/// hat, bar, tilde and dot accents. Anything else draws as `?`.
public struct BitmapFont: Sendable {
    /// Glyph cell in pixels at scale 1.
    public static let glyphWidth = 5
    public static let glyphHeight = 11
    /// Rows above the baseline: the height of capitals and digits.
    public static let capHeight = 9
    /// Horizontal distance from one character to the next.
    public static let advance = 6
    /// Vertical distance between lines of text.
    public static let lineHeight = 13

    /// Row bit masks per character, top row first; bit 4 is the leftmost pixel.
    private let glyphs: [Unicode.Scalar: [UInt8]]
    private let fallback: [UInt8]

    /// The font every figure uses.
    public static let standard = BitmapFont(sheet: glyphSheet)

    init(sheet: String) {
        var table: [Unicode.Scalar: [UInt8]] = [:]
        let lines = sheet.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var index = 0
        while index < lines.count {
            let header = lines[index]
            guard !header.allSatisfy({ $0 == " " }) else {
                index += 1
                continue
            }
            precondition(index + Self.glyphHeight < lines.count, "glyph sheet: block at line \(index) is cut short")
            let slots = (lines[index + 1].count + 1) / (Self.glyphWidth + 1)
            for slot in 0..<slots {
                let start = slot * (Self.glyphWidth + 1)
                let name = String(header[start..<min(start + Self.glyphWidth, header.count)])
                let scalar = Self.scalar(named: name)
                var rows: [UInt8] = []
                for row in 1...Self.glyphHeight {
                    let pixels = lines[index + row][start..<(start + Self.glyphWidth)]
                    rows.append(pixels.reduce(0) { ($0 << 1) | ($1 == "#" ? 1 : 0) })
                }
                table[scalar] = rows
            }
            index += Self.glyphHeight + 1
        }
        glyphs = table
        fallback = table["?"] ?? [UInt8](repeating: 0x1F, count: Self.glyphHeight)
    }

    /// `'A'` or a hexadecimal code point such as `2212`.
    private static func scalar(named name: String) -> Unicode.Scalar {
        let trimmed = name.trimmingSpaces
        if trimmed.count == 3, trimmed.first == "'", trimmed.last == "'" {
            return trimmed.unicodeScalars[trimmed.unicodeScalars.index(after: trimmed.unicodeScalars.startIndex)]
        }
        guard let value = UInt32(trimmed, radix: 16), let scalar = Unicode.Scalar(value) else {
            preconditionFailure("glyph sheet: header slot '\(name)' is neither 'c' nor a hexadecimal code point")
        }
        return scalar
    }

    /// The rows of one character's glyph.
    func rows(for scalar: Unicode.Scalar) -> [UInt8] {
        glyphs[scalar] ?? fallback
    }

    /// Whether the font has a glyph for `scalar` (otherwise it draws `?`).
    public func hasGlyph(for scalar: Unicode.Scalar) -> Bool {
        glyphs[scalar] != nil
    }

    /// Accents placed over the previous character (V̂, x̄, p̃): two rows each.
    /// Other combining marks take no space and draw nothing.
    private static let marks: [Unicode.Scalar: [UInt8]] = [
        "\u{0302}": [0b00100, 0b01010],  // circumflex (hat)
        "\u{0303}": [0b01101, 0b10110],  // tilde
        "\u{0304}": [0b11111, 0b00000],  // macron (bar)
        "\u{0307}": [0b00100, 0b00000],  // dot
        "\u{0308}": [0b01010, 0b00000],  // diaeresis
    ]

    /// Rows of ink a mark needs above the glyph box when it sits on a tall letter.
    static let markHeadroom = 3

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        (0x0300...0x036F).contains(scalar.value)
    }

    /// Width in pixels of `text` drawn at `scale`.
    public func width(of text: String, scale: Int = 1, bold: Bool = false) -> Int {
        let count = text.unicodeScalars.filter { !Self.isCombining($0) }.count
        guard count > 0 else { return 0 }
        return (count * Self.advance - 1) * scale + (bold ? 1 : 0)
    }

    /// The ink of `text` at scale 1, row-major. The box is the glyph box
    /// plus `headroom` rows on top, present only when an accent sits on a
    /// capital or other tall glyph.
    func bitmap(for text: String, bold: Bool) -> (width: Int, height: Int, headroom: Int, ink: [Bool]) {
        let width = self.width(of: text, bold: bold)
        // Place every glyph and mark first: (column, top row, rows).
        var stamps: [(x: Int, y: Int, rows: [UInt8])] = []
        var position = -1
        var previous: [UInt8] = []
        for scalar in text.unicodeScalars {
            if Self.isCombining(scalar) {
                guard position >= 0, let mark = Self.marks[scalar] else { continue }
                // Over x-height letters the mark fits in rows 0–1; over taller ones it goes above the box.
                let tall = previous.prefix(3).contains { $0 != 0 }
                stamps.append((position * Self.advance, tall ? -Self.markHeadroom : 0, mark))
                continue
            }
            position += 1
            previous = rows(for: scalar)
            stamps.append((position * Self.advance, 0, previous))
        }
        let headroom = stamps.contains { $0.y < 0 } ? Self.markHeadroom : 0
        let height = Self.glyphHeight + headroom
        var ink = [Bool](repeating: false, count: width * height)
        for stamp in stamps {
            for (row, bits) in stamp.rows.enumerated() {
                for column in 0..<Self.glyphWidth where bits & (1 << (Self.glyphWidth - 1 - column)) != 0 {
                    ink[(stamp.y + headroom + row) * width + stamp.x + column] = true
                }
            }
        }
        guard bold else { return (width, height, headroom, ink) }
        // Each stroke grows one pixel to the right, except where that would
        // close a one-pixel gap (the middle of m, w, #) and merge strokes.
        var heavy = ink
        for y in 0..<height {
            for x in 0..<(width - 1) where ink[y * width + x] {
                let closesGap = x + 2 < width && ink[y * width + x + 2]
                if !closesGap { heavy[y * width + x + 1] = true }
            }
        }
        return (width, height, headroom, heavy)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
