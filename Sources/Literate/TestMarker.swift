import Foundation

/// A number in a chapter's prose vouched for by a test: the test, named, and
/// the expression in it that holds the number.
///
///     over 400 <!-- test: 400 in standardError_coversTheTruthAtTheNominalRate `for _ in 0..<400` -->
///
/// Several numbers on a line are separated by `;`:
/// `<!-- test: 0.05 in testName `maximum < 0.05`; 0.02 in testName `weightedMean < 0.02` -->`.
/// The test must be one the chapter links to; its source (the attributes
/// right above `func NAME(`, the signature and the body, comments left out),
/// or the one-line `static let` of its file that it uses by name (`@Test(arguments: logits)`),
/// must contain the expression, spaces aside; and the expression must hold
/// the number as a Swift literal (`20_000` for 20 000, `3e-3` for 3·10⁻³, 0.95
/// or 95 for 95%).
public struct TestMarker: Equatable, Sendable {
    public let printed: String
    public let testName: String
    public let expression: String
    /// The document's line (1-based).
    public let line: Int

    static let binding = try! NSRegularExpression(pattern: #"^\s*(.+?)\s+in\s+([A-Za-z_][A-Za-z0-9_]*)\s+`([^`]+)`\s*$"#)

    /// The bindings of one marker's content, or what is wrong with it.
    static func parse(_ content: String, line: Int) -> (markers: [TestMarker], problems: [String]) {
        var markers: [TestMarker] = [], problems: [String] = []
        for part in content.split(separator: ";").map(String.init) {
            guard let match = ChapterDocument.match(binding, part) else {
                problems.append("'\(part.trimmingCharacters(in: .whitespaces))' is not NUMBER in TEST `EXPRESSION`")
                continue
            }
            markers.append(TestMarker(printed: match[0], testName: match[1], expression: match[2], line: line))
        }
        return (markers, problems)
    }

    /// What is wrong with this marker, or nil when the test it names holds the expression and the expression the number.
    public func problem(in document: ChapterDocument, root: URL) -> String? {
        let place = "\(document.name):\(line): \(printed) in \(testName)"
        guard let reference = document.testReferences.first(where: { $0.testName == testName }) else {
            return "\(place): the chapter links to no test of that name"
        }
        guard let file = try? String(contentsOf: root.appendingPathComponent(reference.path), encoding: .utf8),
              let source = Self.testSource(testName, in: file) else {
            return "\(place): \(reference.path) defines no such test"
        }
        let wanted = Self.collapsingSpaces(expression)
        guard ([source] + Self.constants(usedBy: source, in: file)).contains(where: { Self.collapsingSpaces($0).contains(wanted) }) else {
            return "\(place): the test no longer contains `\(expression)`"
        }
        guard Self.expression(expression, holds: printed) else {
            return "\(place): `\(expression)` does not hold \(printed)"
        }
        return nil
    }

    /// The numbers `printed` may stand for: itself, and a hundredth of it for a percentage.
    static func values(of printed: String) -> [Double] {
        let percent = printed.hasSuffix("%")
        guard let value = Double(ProseBinding.normalised(percent ? String(printed.dropLast()) : printed)) else { return [] }
        return percent ? [value, value / 100] : [value]
    }

    /// A numeric literal: not part of a name or of a longer number, but `0..<400` holds 0 and 400.
    static let literal = try! NSRegularExpression(pattern: #"(?<!\w)(?<!\d\.)\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][-+]?\d+)?(?!\w)(?!\.\d)"#)

    /// Whether a numeric literal of `expression` equals the number `printed`
    /// (up to sign, which Swift writes as an operator).
    public static func expression(_ expression: String, holds printed: String) -> Bool {
        let wanted = values(of: printed).map(abs)
        let literals = literal.matches(in: expression, range: NSRange(expression.startIndex..., in: expression))
            .compactMap { Double(String(expression[Range($0.range, in: expression)!]).replacingOccurrences(of: "_", with: "")) }
        return literals.contains { value in wanted.contains { abs($0 - value) <= 1e-12 * max(abs($0), 1) } }
    }

    static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// The test `name` in `file`: the attribute lines right above `func name(`,
    /// the signature and the body up to its closing brace, with comments
    /// blanked. Nil when the file has no such function.
    static func testSource(_ name: String, in file: String) -> String? {
        let code = withoutComments(file)
        guard let start = code.range(of: "func \(name)(") else { return nil }
        // The attributes above: whole lines starting with @, back to the first that does not.
        var lines = code[..<start.lowerBound].components(separatedBy: "\n")
        let signatureLine = lines.removeLast()
        var attributes: [String] = []
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).hasPrefix("@") {
            attributes.insert(last, at: 0)
            lines.removeLast()
        }
        // The body: from the first { outside the parameters' parentheses to the brace that closes it.
        var depth = 0, index = start.upperBound, parentheses = 1
        var opened = false
        for character in code[start.upperBound...] {
            index = code.index(after: index)
            if !opened {
                if character == "(" { parentheses += 1 }
                if character == ")" { parentheses -= 1 }
                if character == "{" && parentheses == 0 { opened = true; depth = 1 }
            } else {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
                if depth == 0 { break }
            }
        }
        guard opened && depth == 0 else { return nil }
        return (attributes + [signatureLine + String(code[start.lowerBound..<index])]).joined(separator: "\n")
    }

    /// The one-line `static let NAME …` and `static var NAME …` declarations of
    /// `file` whose NAME the test's source uses, comments left out.
    static func constants(usedBy source: String, in file: String) -> [String] {
        withoutComments(file).components(separatedBy: "\n").filter { line in
            guard let match = ChapterDocument.match(constant, line) else { return false }
            let name = NSRegularExpression.escapedPattern(for: match[0])
            return source.range(of: #"(?<![\w])"# + name + #"(?![\w])"#, options: .regularExpression) != nil
        }
    }

    static let constant = try! NSRegularExpression(pattern: #"^\s*(?:(?:public|private|fileprivate|internal)\s+)?static\s+(?:let|var)\s+([A-Za-z_][A-Za-z0-9_]*)"#)

    /// `source` with `//` and `/* */` comments replaced by spaces, string literals kept.
    static func withoutComments(_ source: String) -> String {
        var result = "", iterator = Array(source), i = 0
        var inString = false
        while i < iterator.count {
            let c = iterator[i], next = i + 1 < iterator.count ? iterator[i + 1] : nil
            if inString {
                result.append(c)
                if c == "\\", let next { result.append(next); i += 2; continue }
                if c == "\"" { inString = false }
                i += 1
            } else if c == "\"" {
                inString = true
                result.append(c)
                i += 1
            } else if c == "/" && next == "/" {
                while i < iterator.count && iterator[i] != "\n" { result.append(" "); i += 1 }
            } else if c == "/" && next == "*" {
                while i < iterator.count && !(iterator[i] == "*" && i + 1 < iterator.count && iterator[i + 1] == "/") {
                    result.append(iterator[i] == "\n" ? "\n" : " ")
                    i += 1
                }
                result.append("  ")
                i += 2
            } else {
                result.append(c)
                i += 1
            }
        }
        return result
    }
}
