import Foundation

/// A chapter's Markdown, read for the blocks the literate tests check.
///
/// - An excerpt: a Swift block right after `<!-- excerpt: PATH#REGION -->`,
///   which must equal region REGION of the source file PATH.
/// - A transcript: a `console` block whose first line is `$ study …`, the
///   rest being what that command prints.
/// - A test reference: a link `` [`testName`](../Tests/Suite/File.swift) ``,
///   whose file must define `func testName(`.
public struct ChapterDocument {
    public struct Excerpt {
        public let sourcePath: String
        public let region: String
        public let code: String
        /// Lines of the document holding the code (between the fences).
        public let lines: Range<Int>
    }

    public struct Transcript {
        public let arguments: [String]
        public let output: String
        public let lines: Range<Int>
    }

    public struct TestReference: Hashable {
        public let testName: String
        public let path: String
    }

    public let name: String
    public let lines: [String]
    public private(set) var excerpts: [Excerpt] = []
    public private(set) var transcripts: [Transcript] = []
    public private(set) var testReferences: [TestReference] = []
    /// Line numbers (1-based) of Swift blocks with no excerpt marker.
    public private(set) var unmarkedSwiftBlocks: [Int] = []

    public init(name: String, text: String) {
        self.name = name
        lines = text.components(separatedBy: "\n")
        parseBlocks()
        parseTestReferences(text)
    }

    public init(contentsOf url: URL) throws {
        try self.init(name: url.lastPathComponent, text: String(contentsOf: url, encoding: .utf8))
    }

    public var text: String { lines.joined(separator: "\n") }

    private static let excerptMarker = try! NSRegularExpression(pattern: #"^<!--\s*excerpt:\s*([^#\s]+)#(\S+)\s*-->\s*$"#)

    private mutating func parseBlocks() {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```"), line.count > 3 else { index += 1; continue }
            let language = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            let start = index + 1
            var end = start
            while end < lines.count && !lines[end].hasPrefix("```") { end += 1 }
            let body = Array(lines[start..<min(end, lines.count)])
            switch language {
            case "swift":
                if let marker = previousNonBlank(before: index), let match = Self.match(Self.excerptMarker, marker) {
                    excerpts.append(Excerpt(sourcePath: match[0], region: match[1], code: body.joined(separator: "\n"), lines: start..<end))
                } else {
                    unmarkedSwiftBlocks.append(index + 1)
                }
            case "console":
                if let first = body.first, first.hasPrefix("$ study") {
                    let arguments = first.dropFirst("$ study".count).split(separator: " ").map(String.init)
                    transcripts.append(Transcript(arguments: arguments, output: body.dropFirst().joined(separator: "\n"), lines: start..<end))
                }
            default:
                break
            }
            index = end + 1
        }
    }

    private func previousNonBlank(before index: Int) -> String? {
        var i = index - 1
        while i >= 0 && lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i -= 1 }
        return i >= 0 ? lines[i] : nil
    }

    private static let testLink = try! NSRegularExpression(pattern: #"\[`([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?`\]\((?:\.\./)?(Tests/[^)#\s]+\.swift)\)"#)

    private mutating func parseTestReferences(_ text: String) {
        let range = NSRange(text.startIndex..., in: text)
        var seen = Set<TestReference>()
        for match in Self.testLink.matches(in: text, range: range) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            let path = String(text[Range(match.range(at: 2), in: text)!])
            let reference = TestReference(testName: name, path: path)
            if seen.insert(reference).inserted { testReferences.append(reference) }
        }
    }

    static func match(_ expression: NSRegularExpression, _ line: String) -> [String]? {
        guard let m = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
        return (1..<m.numberOfRanges).map { String(line[Range(m.range(at: $0), in: line)!]) }
    }

    /// The document with the lines of each block replaced, later blocks first
    /// so earlier line numbers stay valid.
    public func replacing(_ replacements: [(lines: Range<Int>, with: String)]) -> String {
        var result = lines
        for replacement in replacements.sorted(by: { $0.lines.lowerBound > $1.lines.lowerBound }) {
            let new = replacement.with.isEmpty ? [] : replacement.with.components(separatedBy: "\n")
            result.replaceSubrange(replacement.lines, with: new)
        }
        return result.joined(separator: "\n")
    }
}
