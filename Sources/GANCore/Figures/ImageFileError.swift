/// A PNG that could not be read or written: names the file and the problem.
///
/// User-facing: the command line prints `description` as its one error line,
/// so the message must make sense without a stack trace.
public struct ImageFileError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What went wrong, for callers that react differently to each.
    public enum Kind: Sendable, Hashable {
        /// Missing, unreadable, not a PNG, truncated or corrupt.
        case unreadable
        /// Larger than `RasterImage.maximumPixelCount` or `maximumSide`.
        case tooLarge
        /// The folder does not exist, is not writable, or the write failed.
        case unwritable
    }

    public let path: String
    public let kind: Kind
    public let problem: String

    public init(path: String, kind: Kind, problem: String) {
        self.path = path
        self.kind = kind
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}
