import Foundation

/// A number in a chapter's prose tied to the transcript line it comes from.
///
/// In the Markdown the number is followed at once by an HTML comment, which
/// GitHub does not show:
///
///     the best Fréchet distance, 3.65<!-- from: "authors-seed1  authors" 6 -->, at epoch 50
///
/// `"LABEL"` picks the one transcript line of the chapter that contains it
/// (runs of spaces count as one, as in the transcript check; one space at the
/// label's end is kept), and `N` the
/// N-th number after the label on that line (1 when left out); a label that
/// starts with `^` must start its line. Since the
/// transcripts are checked against the program, a bound number is too: it
/// must equal the transcript's number rounded to the digits the prose prints.
public struct ProseBinding: Equatable, Sendable {
    public let printed: String
    public let label: String
    /// A line that must come first: the label names the first line after
    /// it that contains the label, so one table's row can be told from
    /// another table's row of the same name (`"After epoch 8" / "Sandal"`).
    public let section: String?
    public let position: Int
    /// The document's line (1-based).
    public let line: Int

    /// A number as prose writes it: a minus sign (ASCII or U+2212), digits in
    /// groups of three separated by a space, U+2009 or U+202F, a fraction, an exponent.
    /// A superscript is an exponent only after a 10 (`10⁻³`, `3·10⁻³`); after
    /// any other number it is a power (`0.5²`), which is not part of the number.
    static let numberPattern = #"[-−]?\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+(?:\.\d+)?|[-−]?(?:\d+(?:\.\d+)?·)?10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[-−]?\d+(?:\.\d+)?(?:[eE][-−+]?\d+)?"#

    static let marker = try! NSRegularExpression(pattern: #"(\#(numberPattern))(?:%|\*\*|\*|`)?<!--\s*from:\s*"([^"]+)"(?:\s*/\s*"([^"]+)")?(?:\s+(\d+))?\s*-->"#)

    /// A marker whatever precedes it: every one must follow a number.
    static let anyMarker = try! NSRegularExpression(pattern: #"<!--\s*from:"#)

    /// The bindings of a document, and the markers that follow no number.
    public static func scan(_ document: ChapterDocument) -> (bindings: [ProseBinding], strayMarkers: [Int]) {
        var bindings: [ProseBinding] = [], stray: [Int] = []
        for (index, line) in document.lines.enumerated() where line.contains("<!--") {
            let range = NSRange(line.startIndex..., in: line)
            let found = marker.matches(in: line, range: range)
            for match in found {
                let part = { (i: Int) in match.range(at: i).location == NSNotFound ? nil : String(line[Range(match.range(at: i), in: line)!]) }
                let (first, second) = (part(2)!, part(3))
                bindings.append(ProseBinding(printed: part(1)!, label: second ?? first, section: second == nil ? nil : first,
                                             position: part(4).flatMap(Int.init) ?? 1, line: index + 1))
            }
            if anyMarker.numberOfMatches(in: line, range: range) != found.count { stray.append(index + 1) }
        }
        return (bindings, stray)
    }

    /// `printed` as Swift reads numbers: ASCII minus, no group separators.
    static func normalised(_ printed: String) -> String {
        var text = printed.replacingOccurrences(of: "−", with: "-").filter { !" \u{00A0}\u{2009}\u{202F}".contains($0) }
        // Superscript exponents: 3·10⁻³ reads as 3e-3, 10⁻³ as 1e-3.
        let superscripts: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+"]
        if let first = text.firstIndex(where: { superscripts[$0] != nil }) {
            let exponent = String(text[first...].compactMap { superscripts[$0] })
            var mantissa = String(text[..<first])
            if mantissa.hasSuffix("·10") { mantissa.removeLast(3) } else if mantissa.hasSuffix("10") { mantissa.removeLast(2); mantissa += "1" }
            text = mantissa + "e" + exponent
        }
        return text
    }

    /// The unit of the last digit `printed` shows: 0.01 for "3.65", 1e-8 for "2.7e-7".
    static func lastDigitUnit(_ printed: String) -> Double {
        let text = normalised(printed).lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = String(parts[0])
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        return pow(10, Double(exponent - decimals))
    }

    /// Whether prose's `printed` may be a rounding of the value the
    /// transcript prints as `source`: both are roundings of one number, so
    /// at the transcript's precision they are equal, and at a coarser one they
    /// may differ by half a unit of each one's last digit, and no more.
    /// Prose may not print more digits than the transcript shows.
    public static func agrees(printed: String, with source: String) -> Bool {
        guard let p = Double(normalised(printed)), let t = Double(source) else { return false }
        let unitP = lastDigitUnit(printed), unitT = lastDigitUnit(source)
        guard unitP >= unitT * (1 - 1e-9) else { return false }
        if unitP <= unitT * (1 + 1e-9) { return abs(p - t) <= unitT * 1e-6 }
        return abs(p - t) <= (unitP + unitT) / 2 * (1 + 1e-9)
    }
}

extension ChapterDocument {
    /// Every line of the document's transcripts, with runs of spaces made one.
    var transcriptLines: [String] {
        transcripts.flatMap { $0.output.components(separatedBy: "\n") }.map(ProseBinding.collapsingSpaces)
    }
}

extension ProseBinding {
    static func collapsingSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A label starting with `^` must start the line (a table's first column).
    static func line(_ line: String, holds label: String) -> Bool {
        label.hasPrefix("^") ? line.hasPrefix(label.dropFirst()) : line.contains(label)
    }

    /// What is wrong with this binding in `document`, or nil when its number
    /// agrees with the transcript.
    public func problem(in document: ChapterDocument, transcriptLines: [String]? = nil) -> String? {
        let where_ = "\(document.name):\(line): \(printed) from " + (section.map { "\"\($0)\" / " } ?? "") + "\"\(label)\""
        // A space at the label's end is kept: "^1 " is epoch 1, not epoch 16.
        let label = Self.collapsingSpaces(self.label) + (self.label.hasSuffix(" ") ? " " : "")
        var lines = transcriptLines ?? document.transcriptLines
        if let section {
            let heading = Self.collapsingSpaces(section)
            let starts = lines.indices.filter { lines[$0].contains(heading) }
            guard starts.count == 1, let start = starts.first else {
                return "\(where_): \(starts.count) transcript lines contain the section \"\(section)\"; it must name one"
            }
            // The first line after the section that holds the label.
            lines = lines[(start + 1)...].first { Self.line($0, holds: label) }.map { [$0] } ?? []
        }
        let candidates = lines.filter { Self.line($0, holds: label) }
        guard candidates.count == 1, let source = candidates.first else {
            return candidates.isEmpty ? "\(where_): no transcript line of the chapter contains the label"
                : "\(where_): \(candidates.count) transcript lines contain the label; make it name one"
        }
        let anchored = label.hasPrefix("^") ? String(label.dropFirst()) : label
        let rest = String(source[source.range(of: anchored)!.upperBound...])
        let numbers = TranscriptComparison.numberPattern.matches(in: rest, range: NSRange(rest.startIndex..., in: rest))
            .map { String(rest[Range($0.range, in: rest)!]) }
        guard position >= 1, position <= numbers.count else {
            return "\(where_): the line '\(source)' has \(numbers.count) numbers after the label, not \(position)"
        }
        return Self.agrees(printed: printed, with: numbers[position - 1]) ? nil
            : "\(where_): the transcript says \(numbers[position - 1]) ('\(source)')"
    }
}
