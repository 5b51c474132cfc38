import Foundation

/// Every number in a chapter's prose, and whether the chapter says where it
/// comes from.
///
/// A number needs no word when it is
/// - bound to a transcript line (`ProseBinding`);
/// - a reference: `Chapter 4`, `Eq. (1)`, `§3`, `Figure 1(b)`, `Table 1`,
///   `Proposition 1`, `Algorithm 1`, `Exercise 2.1`, `seed 3` (a seed names a run), a year
///   after an author, an arXiv id;
/// - inside code, a link's target, an HTML comment or an indented formula block;
/// - part of a name (`1-D`, `CIFAR-10`, `mt19937`, `L2`, `float32`);
/// - a digit of a formula: a single-digit integer or a fraction of single
///   digits (`1/2`, `log 4`, `1 − D`, `σ(a)` with its `0` and `1`), next to
///   an operator. Numbers with more digits in a formula are values and are
///   not exempt.
///
/// Every other number is listed unless a marker after it on its line vouches
/// for it, listing the numbers as printed:
/// - `<!-- paper: 225, 2.0 -->`: stated by the paper or its released code;
/// - `<!-- cite: 2017 -->`: a year or number of a citation the line does not show whole;
/// - `<!-- math: 1.386 -->`: a constant or a step of the mathematics;
/// - `<!-- setting: 100, 0.1 -->`: a setting the reader chooses or the code is given;
/// - `<!-- test: 400 in testName `for _ in 0..<400` -->`: a number a test the
///   chapter links to holds in the expression named (`TestMarker`; several
///   separated by `;`).
public enum ProseNumbers {
    public struct Number: Equatable, Sendable {
        public let printed: String
        public let line: Int
        public let context: String
    }

    public static let markerKinds = ["paper", "cite", "math", "setting", "test"]

    static let number = try! NSRegularExpression(
        pattern: #"(?<![\w.,/^])[-−]?\d{1,3}(?:[ \u00A0\u2009\u202F]\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,^])[-−]?(?:\d+(?:\.\d+)?·)?10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+%?(?![\w])|(?<![\w.,^])[-−]?\d+(?:\.\d+)?(?:[eE][-−+]?\d+)?%?(?![\w])"#)

    /// Words after which a number names a part of the paper or the notebook.
    static let reference = try! NSRegularExpression(pattern: #"(?:\b(?:Chapters?|Figures?|Fig\.|Tables?|Eqs?\.|Equations?|Sections?|Propositions?|Theorems?|Algorithms?|Exercises?|Corollary|Lemma|panels?|step|Step|Part|issue|[Ss]eeds?)|§)\s*\(?$"#)
    /// A citation year: after "et al." or a capitalised name.
    static let citation = try! NSRegularExpression(pattern: #"(?:et al\.|[A-Z][\p{L}'-]+),?\s*\(?$"#)
    static let operators = CharacterSet(charactersIn: "=−-+±·×/^()[]{}≈≤≥<>‖|*∫∑√½¼σ∞:²³")

    static let vouching = try! NSRegularExpression(pattern: #"<!--\s*(paper|cite|math|setting|test):\s*(.*?)\s*-->"#)
    static let comment = try! NSRegularExpression(pattern: #"<!--.*?-->"#)
    static let codeSpan = try! NSRegularExpression(pattern: #"`[^`]*`"#)
    static let linkTarget = try! NSRegularExpression(pattern: #"\]\([^)]*\)"#)
    static let arXiv = try! NSRegularExpression(pattern: #"arXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?"#)
    /// A reference with more parts: "Chapters 2–4", "Figures 2 and 3", "Eq. (1) and (3)".
    static let continuation = try! NSRegularExpression(pattern: #"(?:\s*(?:–|-|,|and|or|to)\s*\(?)$"#)

    /// The numbers of `document`'s prose that are neither bound, exempt nor vouched for,
    /// and the vouching markers that name a number their line does not hold.
    public static func unaccounted(in document: ChapterDocument) -> (numbers: [Number], staleMarkers: [String], testMarkers: [TestMarker]) {
        var found: [Number] = [], stale: [String] = [], tested: [TestMarker] = []
        var inFence = false
        var previousBlank = true, inIndentedBlock = false
        for (index, raw) in document.lines.enumerated() {
            if raw.hasPrefix("```") { inFence.toggle(); previousBlank = false; continue }
            let blank = raw.trimmingCharacters(in: .whitespaces).isEmpty
            defer { previousBlank = blank }
            if inFence { continue }
            if raw.hasPrefix("    ") && (previousBlank || inIndentedBlock) { inIndentedBlock = true; continue }
            if !blank { inIndentedBlock = false }
            if raw.hasPrefix("![") || blank { continue }
            let (numbers, staleHere, testedHere) = scan(line: raw, number: index + 1, document: document.name)
            found += numbers
            stale += staleHere
            tested += testedHere
        }
        return (found, stale, tested)
    }

    static func ranges(_ expression: NSRegularExpression, in text: String) -> [Range<String.Index>] {
        expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { Range($0.range, in: text)! }
    }

    /// The line with `ranges` replaced by spaces of the same length, so positions stay put.
    static func blanking(_ text: String, _ ranges: [Range<String.Index>]) -> String {
        var result = text
        for range in ranges.reversed() {
            result.replaceSubrange(range, with: String(repeating: " ", count: text[range].count))
        }
        return result
    }

    static func scan(line raw: String, number lineNumber: Int, document name: String) -> ([Number], [String], [TestMarker]) {
        // What the markers vouch for, by printed form.
        var vouched: [String: Int] = [:]
        var tested: [TestMarker] = [], malformed: [String] = []
        for match in vouching.matches(in: raw, range: NSRange(raw.startIndex..., in: raw)) {
            let kind = String(raw[Range(match.range(at: 1), in: raw)!])
            let content = String(raw[Range(match.range(at: 2), in: raw)!])
            var printed: [String]
            if kind == "test" {
                let (markers, problems) = TestMarker.parse(content, line: lineNumber)
                tested += markers
                malformed += problems.map { "\(name):\(lineNumber): a test marker must name its test and expression: \($0)" }
                printed = markers.map(\.printed)
            } else {
                printed = content.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            for number in printed where !number.isEmpty { vouched[number, default: 0] += 1 }
        }
        // Bound numbers: consumed with their markers.
        let bound = ProseBinding.marker.matches(in: raw, range: NSRange(raw.startIndex..., in: raw)).map { Range($0.range, in: raw)! }
        var text = blanking(raw, bound)
        // Comments first: a test marker's expression is in backticks, which are not a code span of the prose.
        text = blanking(text, ranges(comment, in: text))
        text = blanking(text, ranges(codeSpan, in: text) + ranges(linkTarget, in: text) + ranges(arXiv, in: text))

        var numbers: [Number] = []
        var previousReferenceEnd: String.Index?
        for range in ranges(number, in: text) {
            let printed = String(text[range])
            let before = String(text[text.startIndex..<range.lowerBound])
            let after = text[range.upperBound...]
            let reference = isReference(before, previousEnd: previousReferenceEnd, in: text, at: range)
            previousReferenceEnd = reference ? range.upperBound : nil
            if reference { continue }
            if isYear(printed, before) { continue }
            if isNamePart(after) || before.last == "-" && before.dropLast().last?.isLetter == true { continue }
            if isFormulaDigit(printed, before: before, after: after) { continue }
            // A marker may list "5%" or "5" for 5%.
            let forms = printed.hasSuffix("%") ? [printed, String(printed.dropLast())] : [printed]
            if let form = forms.first(where: { (vouched[$0] ?? 0) > 0 }) {
                vouched[form]! -= 1
                continue
            }
            numbers.append(Number(printed: printed, line: lineNumber, context: raw.trimmingCharacters(in: .whitespaces)))
        }
        let stale = vouched.filter { $0.value > 0 }.map { printed, _ in
            "\(name):\(lineNumber): a marker vouches for \(printed), which the line does not hold as an unbound number"
        }
        return (numbers, stale.sorted() + malformed, tested)
    }

    static func isReference(_ before: String, previousEnd: String.Index?, in text: String, at range: Range<String.Index>) -> Bool {
        if reference.firstMatch(in: before, range: NSRange(before.startIndex..., in: before)) != nil { return true }
        // "Chapters 2–4", "Eq. (1) and (3)": a number right after a reference, joined to it.
        if let previousEnd {
            let between = String(text[previousEnd..<range.lowerBound]).replacingOccurrences(of: ")", with: "")
            return continuation.firstMatch(in: between, range: NSRange(between.startIndex..., in: between)) != nil
                && between.count <= 8
        }
        return false
    }

    static func isYear(_ printed: String, _ before: String) -> Bool {
        guard printed.count == 4, let year = Int(printed), (1900...2099).contains(year) else { return false }
        guard let match = citation.firstMatch(in: before, range: NSRange(before.startIndex..., in: before)) else { return false }
        let word = String(before[Range(match.range, in: before)!]).trimmingCharacters(in: CharacterSet(charactersIn: " ,("))
        return !notNames.contains(word)
    }

    /// Capitalised words that start sentences, not citations: "In 2014".
    static let notNames: Set<String> = ["In", "At", "By", "On", "Of", "For", "From", "The", "Since", "Until", "After", "Before", "To", "Up", "About", "Over", "Under", "Only", "All"]

    /// `1-D`, `2-D`, `k-means++`-like names: a number glued by a hyphen to letters.
    static func isNamePart(_ after: Substring) -> Bool {
        guard after.first == "-", let next = after.dropFirst().first else { return false }
        return next.isLetter
    }

    static func isFormulaDigit(_ printed: String, before: String, after: Substring) -> Bool {
        let digits = printed.replacingOccurrences(of: "−", with: "").replacingOccurrences(of: "-", with: "")
        guard digits.count == 1, digits.first!.isNumber else { return false }
        let left = before.reversed().first { $0 != " " }, right = after.first { $0 != " " }
        func isOperator(_ c: Character?) -> Bool {
            guard let c else { return false }
            return c.unicodeScalars.allSatisfy { operators.contains($0) }
        }
        let leftWord = (before.split(whereSeparator: { $0 == " " || $0 == "(" }).last.map(String.init) ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "−-"))
        return isOperator(left) || isOperator(right) || ["log", "exp", "σ", "log1p"].contains(leftWord)
            || printed.hasPrefix("−") || printed.hasPrefix("-")
    }
}
