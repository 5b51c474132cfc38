import Foundation

/// Compares a transcript with fresh output: text exactly (runs of spaces
/// count as one, so a table column may widen), numbers within one unit of
/// their last printed digit.
///
/// BLAS kernels and thread counts change the last bits of a floating-point
/// result, and a printed number may round either way from a boundary; one
/// unit in the last place absorbs that and nothing more, so a changed
/// result still fails. Integers (counts, sizes, steps) must match exactly.
public enum TranscriptComparison {
    enum Token: Equatable {
        case text(String)
        case number(String)
    }

    /// A number as the program prints it (ASCII minus, no digit groups).
    static let numberPattern = try! NSRegularExpression(pattern: #"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"#)

    static func tokens(_ line: String) -> [Token] {
        var result: [Token] = []
        var cursor = line.startIndex
        func addText(_ s: Substring) {
            let collapsed = s.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            let text = (s.first == " " && !collapsed.isEmpty ? " " : "") + collapsed + (s.last == " " && !collapsed.isEmpty ? " " : "")
            let normalised = collapsed.isEmpty && !s.isEmpty ? " " : text
            if !normalised.isEmpty { result.append(.text(normalised)) }
        }
        for match in numberPattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
            let range = Range(match.range, in: line)!
            addText(line[cursor..<range.lowerBound])
            result.append(.number(String(line[range])))
            cursor = range.upperBound
        }
        addText(line[cursor...])
        // Leading and trailing space carry no meaning.
        if case .text(let first)? = result.first, first == " " { result.removeFirst() }
        if case .text(let last)? = result.last, last == " " { result.removeLast() }
        return result
    }

    /// The largest difference two printings of one number may show:
    /// one unit in the last place of `printed`.
    /// Numbers without a decimal point (counts, sizes) have none: they must match exactly.
    static func tolerance(_ printed: String) -> Double? {
        printed.contains(".") ? ProseBinding.lastDigitUnit(printed) : nil
    }

    static func numbersMatch(_ expected: String, _ actual: String) -> Bool {
        guard let tolerance = tolerance(expected) else { return expected == actual }
        guard self.tolerance(actual) != nil, let e = Double(expected), let a = Double(actual) else { return false }
        return abs(e - a) <= tolerance * (1 + 1e-9)
    }

    /// nil when `actual` matches `expected`; otherwise the differing lines.
    public static func mismatch(expected: String, actual: String) -> String? {
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        var report: [String] = []
        for i in 0..<max(expectedLines.count, actualLines.count) {
            let e = i < expectedLines.count ? expectedLines[i] : nil
            let a = i < actualLines.count ? actualLines[i] : nil
            if let e, let a, linesMatch(e, a) { continue }
            report.append("line \(i + 1):")
            report.append("- " + (e ?? "(missing)"))
            report.append("+ " + (a ?? "(missing)"))
            if report.count > 30 { report.append("…"); break }
        }
        return report.isEmpty ? nil : report.joined(separator: "\n")
    }

    static func linesMatch(_ expected: String, _ actual: String) -> Bool {
        let e = tokens(expected), a = tokens(actual)
        guard e.count == a.count else { return false }
        for (x, y) in zip(e, a) {
            switch (x, y) {
            case (.text(let s), .text(let t)) where s == t: continue
            case (.number(let s), .number(let t)) where numbersMatch(s, t): continue
            default: return false
            }
        }
        return true
    }
}
