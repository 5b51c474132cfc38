import Foundation
import GANCore

/// A one-line progress display on standard error, shown only on a terminal
/// so piped output and transcripts stay clean.
enum TerminalProgress {
    static var reporter: ProgressReporter {
        guard isatty(STDERR_FILENO) == 1 else { return .silent }
        return ProgressReporter { label, done, total in
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let end = done >= total ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)\(end)".utf8))
        }
    }
}
