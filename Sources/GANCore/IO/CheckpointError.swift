/// A checkpoint (safetensors file) that could not be read, written or used:
/// names the file and the problem.
///
/// User-facing: the command line prints `description` as its one error
/// line, so the message must make sense without a stack trace.
public struct CheckpointError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What went wrong, for callers and tests that tell the cases apart.
    public enum Kind: Sendable, Hashable {
        /// The file does not exist.
        case missing
        /// It exists but cannot be read (a folder, no permission, an I/O error).
        case unreadable
        /// The file ends before its header or its tensors do.
        case truncated
        /// The header or the layout of the data breaks the format.
        case corrupt
        /// A valid file that does not fit: a tensor or metadata entry is
        /// missing, or has another dtype or shape (another architecture).
        case mismatch
        /// The new file could not be written; any older file is untouched.
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
