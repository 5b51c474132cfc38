import Foundation
import Literate

/// Writes a reader's stub from its exercise and its solution's source, so
/// that the two cannot drift: the signature is the solution's, the doc
/// comment says what to compute, and the body is `notAttempted("N.M")`.
///
/// A stub is its *head* (everything down to the line that opens the body),
/// the body, and a closing brace. The head is generated and checked; the
/// body is the reader's and nothing judges it but the exercise's check.
public enum StubGenerator {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The stub as generated: head, the `notAttempted` body, the closing brace.
    public static func stub(_ info: ExerciseInfo, solutionSource: String) throws -> String {
        try head(info, solutionSource: solutionSource) + "    notAttempted(\"\(info.number)\")\n}\n"
    }

    /// Everything above the body, ending with the line that opens it.
    public static func head(_ info: ExerciseInfo, solutionSource: String) throws -> String {
        let signature = try self.signature(info.solution, in: solutionSource)
        var lines = [
            "// Exercise \(info.number): \(info.title). Chapter \(info.chapter), \(info.kind.rawValue).",
            "//",
            "// Write your answer in the body of the function below, then run",
            "// `tools/study check \(info.number)`. Everything outside the body is generated from",
            "// the solution (\(info.solution.path), region \(info.solution.region))",
            "// and must stay as it is; `tools/exercises reset \(info.number)` restores this file.",
        ]
        lines += (["ExerciseChecks"] + info.imports).sorted().map { "import \($0)" }
        lines.append("")
        lines += info.task.map { "/// " + $0 }
        lines += ["///", "/// - Paper: \(info.paper)"]
        if let citation = info.citation { lines.append("/// - Source: \(citation)") }
        lines.append("/// - Answer, once you have tried: \(info.answer)")
        lines += signature
        return lines.joined(separator: "\n") + "\n"
    }

    /// The solution function's declaration, from its `func` line to the line
    /// that opens its body, as a public function of the reader's module.
    static func signature(_ source: SolutionSource, in text: String) throws -> [String] {
        let region: String
        do {
            region = try SourceRegion.extract(source.region, from: text, path: source.path)
        } catch {
            throw Problem(description: "\(error)")
        }
        let lines = region.components(separatedBy: "\n")
        let declaration = try NSRegularExpression(pattern: #"^((?:public|internal|static|nonisolated|@inlinable|@discardableResult)\s+)*func\s+"# + NSRegularExpression.escapedPattern(for: source.function) + #"\s*[<(]"#)
        guard let start = lines.firstIndex(where: { declaration.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }) else {
            throw Problem(description: "\(source.path)#\(source.region) declares no function \(source.function)")
        }
        guard let end = lines[start...].firstIndex(where: { $0.hasSuffix("{") }) else {
            throw Problem(description: "\(source.path)#\(source.region): \(source.function)'s body does not open with '{' at a line's end")
        }
        var signature = Array(lines[start...end])
        let first = signature[0]
        signature[0] = "public " + String(first[first.range(of: "func ")!.lowerBound...])
        let base = signature[0].prefix { $0 == " " }.count
        signature = signature.map { String($0.dropFirst(min(base, $0.prefix { $0 == " " }.count))) }
        return signature.map { line in
            source.qualifying.reduce(line) { line, pair in
                line.replacingOccurrences(of: #"\b"# + pair.key + #"\b"#, with: pair.value, options: .regularExpression)
            }
        }
    }

    /// What is wrong with a reader's file, or nil when its head is the
    /// generated one and it ends with its body's closing brace. The body is
    /// never looked at.
    public static func drift(in file: String, head: String, path: String) -> String? {
        guard file.hasPrefix(head) else {
            let expected = head.components(separatedBy: "\n"), actual = file.components(separatedBy: "\n")
            let line = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
            let shown = line < actual.count ? actual[line] : "(the file ends)"
            return "\(path):\(line + 1): differs from the stub generated from its solution: "
                + "'\(shown)', where the generator writes '\(line < expected.count ? expected[line] : "")'"
        }
        let last = file.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard last == "}" else { return "\(path): the last line must be the body's closing brace '}', alone at the start of its line" }
        return nil
    }
}

extension StubGenerator {
    /// The reader's body and closing brace: everything after the line that
    /// opens the function's body (the first line ending in '{' from the
    /// `public func` line on), or nil when the file declares no such function.
    public static func body(of file: String) -> String? {
        let lines = file.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("public func ") }),
              let open = lines[start...].firstIndex(where: { $0.hasSuffix("{") })
        else { return nil }
        return lines[(open + 1)...].joined(separator: "\n")
    }
}
