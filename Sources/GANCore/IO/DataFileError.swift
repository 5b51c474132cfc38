/// A data file (IDX images or labels, plain or gzip'd) that could not be
/// used: names the file and the problem.
///
/// User-facing: the command line prints `description` as its one error
/// line, so the message must make sense without a stack trace.
public struct DataFileError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What went wrong, for callers and tests that tell the cases apart.
    public enum Kind: Sendable, Hashable {
        /// The file or folder does not exist.
        case missing
        /// It exists but cannot be read (a folder, no permission, an I/O error).
        case unreadable
        /// Not an IDX file, or an IDX file of the wrong kind (labels for images).
        case wrongFormat
        /// The data ends before the header says it should.
        case truncated
        /// The gzip stream is damaged, or the sizes in the file contradict each other.
        case corrupt
        /// The header asks for more data than any MNIST-like set needs.
        case tooLarge
        /// Two files that belong together disagree (label and image counts, image sizes).
        case mismatch
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
