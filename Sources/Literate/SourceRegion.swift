import Foundation

/// A named region of a source file, between `// [excerpt: NAME]` and
/// `// [end: NAME]`, with its common indentation removed.
///
/// `@_specialize(…)` lines are left out: they only ask the compiler for
/// Float and Double copies of generic code, and say nothing about the math.
public enum SourceRegion {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public let region: String
        public var description: String { "\(path) has no region '\(region)' (// [excerpt: \(region)] … // [end: \(region)])" }
    }

    public static func extract(_ region: String, from source: String, path: String) throws -> String {
        let lines = source.components(separatedBy: "\n")
        let open = "// [excerpt: \(region)]", close = "// [end: \(region)]"
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == open }),
              let end = lines[(start + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == close })
        else { throw Missing(path: path, region: region) }
        let body = lines[(start + 1)..<end].filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("@_specialize(") }
        return dedent(Array(body)).joined(separator: "\n")
    }

    static func dedent(_ lines: [String]) -> [String] {
        let indents = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        return lines.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String($0.dropFirst(common)) }
    }
}
