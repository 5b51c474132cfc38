import Foundation

/// What `study exercises` prints: a table of every exercise, or a chapter's
/// exercises in full, each with the status of the reader's answer.
public enum ExerciseListing {
    /// One line per exercise: number, kind, title, file, status.
    public static func table(_ exercises: [AnyExercise], statuses: [CheckSession.Status]) -> [String] {
        let rows = zip(exercises, statuses).map { exercise, status in
            [exercise.info.number, exercise.info.kind.word, exercise.info.title, exercise.info.file, status.words]
        }
        return leftAligned([["exercise", "kind", "title", "file", "status"]] + rows, rule: true)
    }

    /// A chapter's exercises in full: what to write, the paper's part, the
    /// file, the command, where the answer is, the status.
    public static func details(_ exercises: [AnyExercise], statuses: [CheckSession.Status]) -> [String] {
        var lines: [String] = []
        for (exercise, status) in zip(exercises, statuses) {
            let info = exercise.info
            if !lines.isEmpty { lines.append("") }
            lines.append("\(info.number)  \(info.title)  [\(info.kind.rawValue)]")
            lines.append(contentsOf: info.task.enumerated().map { ($0.offset == 0 ? "     write:  " : "             ") + $0.element })
            lines.append("     paper:  \(info.paper)")
            if let citation = info.citation { lines.append("     source: \(citation)") }
            lines.append("     file:   \(info.file)")
            lines.append("     check:  tools/study check \(info.number)")
            lines.append("     answer: \(info.answer)")
            lines.append("     status: \(status.words)")
        }
        return lines
    }

    static func leftAligned(_ rows: [[String]], rule: Bool) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        func render(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        }
        let separator = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [render(rows[0])] + (rule ? [separator] : []) + rows.dropFirst().map(render)
    }
}
