/// A fixed-width bitmap font for figure text, drawn at integer scales.
///
/// Figures must come out the same on every machine and need no font files,
/// so the glyphs live in the source (`BitmapFont+Glyphs.swift`): printable
/// ASCII plus a few symbols the paper uses (−, ×, ·, →, ≈, σ, μ, θ).
/// Anything else draws as `?`.
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

    /// Width in pixels of `text` drawn at `scale`.
    public func width(of text: String, scale: Int = 1, bold: Bool = false) -> Int {
        let count = text.unicodeScalars.count
        guard count > 0 else { return 0 }
        return (count * Self.advance - 1 + (bold ? 1 : 0)) * scale
    }

    /// The ink of `text` at scale 1: `width × glyphHeight` flags, row-major.
    /// Bold doubles every stroke one pixel to the right.
    func bitmap(for text: String, bold: Bool) -> (width: Int, height: Int, ink: [Bool]) {
        let width = self.width(of: text, bold: bold)
        let height = Self.glyphHeight
        var ink = [Bool](repeating: false, count: width * height)
        for (position, scalar) in text.unicodeScalars.enumerated() {
            let rows = rows(for: scalar)
            for (y, bits) in rows.enumerated() {
                for column in 0..<Self.glyphWidth where bits & (1 << (Self.glyphWidth - 1 - column)) != 0 {
                    let x = position * Self.advance + column
                    ink[y * width + x] = true
                    if bold { ink[y * width + x + 1] = true }
                }
            }
        }
        return (width, height, ink)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
