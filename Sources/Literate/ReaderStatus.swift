import Foundation

/// In a `study exercises` transcript the status of each exercise belongs to
/// the reader: a fresh clone prints "not attempted" everywhere, and a reader
/// who has answered prints "passing" or "failing". A chapter shows the fresh
/// clone's list; the comparison takes any of the three statuses, at the end
/// of a line, as the same word, and checks everything else as usual.
public enum ReaderStatus {
    static let status = try! NSRegularExpression(pattern: #"(not attempted|passing|failing(?: \([^)]*\))?)$"#, options: [.anchorsMatchLines])

    /// Whether a transcript of `study ARGUMENTS` lists the reader's statuses.
    public static func applies(to arguments: [String]) -> Bool {
        arguments.first == "exercises" && !arguments.contains("reset")
    }

    /// `text` with every status at a line's end replaced by one placeholder.
    public static func masked(_ text: String) -> String {
        status.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "(the reader's status)")
    }
}
