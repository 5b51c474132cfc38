import Foundation

/// A chapter's runnable demonstration, as `study chapter N` runs it.
///
/// A demo writes its narrative to a `DemoContext`, never to standard output
/// directly, so the literate tests can run it in-process and compare its
/// words with the transcript printed in the chapter.
public protocol ChapterDemo {
    /// The chapter number: `study chapter N`.
    static var number: Int { get }
    /// The chapter's title, as in `Chapters/` and `study list`.
    static var title: String { get }
    /// One line on what the chapter covers, for `study list` and the README.
    static var summary: String { get }
    static func run(_ context: DemoContext) throws
}

/// Where a demo's words and figures go.
public final class DemoContext {
    public let seed: UInt64
    /// The folder figures are written to.
    public let outputDirectory: URL
    /// How that folder is named in the demo's output (`--output` as given),
    /// so transcripts read the same wherever they were produced.
    public let outputDisplayName: String
    private let write: (String) -> Void
    private let progress: ProgressReporter

    public init(
        seed: UInt64, outputDirectory: URL, outputDisplayName: String,
        progress: ProgressReporter = .silent, write: @escaping (String) -> Void
    ) {
        self.seed = seed
        self.outputDirectory = outputDirectory
        self.outputDisplayName = outputDisplayName
        self.progress = progress
        self.write = write
    }

    /// One line of the demo's output.
    public func say(_ line: String = "") { write(line) }

    /// Where to write a figure, creating the output folder if needed, and how
    /// to name it in the output.
    public func figure(_ fileName: String) throws -> (url: URL, displayName: String) {
        try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let display = outputDisplayName.hasSuffix("/") ? outputDisplayName + fileName : outputDisplayName + "/" + fileName
        return (outputDirectory.appendingPathComponent(fileName), display)
    }

    /// Reports progress of long work (on a terminal only; never in transcripts).
    public func reportProgress(_ label: String, done: Int, of total: Int) {
        progress.report(label, done, total)
    }
}

/// Shows how far long work has come, outside the demo's transcript.
public struct ProgressReporter: Sendable {
    public let report: @Sendable (String, Int, Int) -> Void
    public init(_ report: @escaping @Sendable (String, Int, Int) -> Void) { self.report = report }
    public static let silent = ProgressReporter { _, _, _ in }
}
