import GANCore
/// A file that could not be read, written or used: names the file and the problem.
///
/// User-facing: the command line prints `description` as its one error
/// line, so the message must make sense without a stack trace. `Kind` tells
/// the cases apart for callers and tests; each sort of file has its own
/// (`CheckpointError`, `DataFileError`, `ImageFileError`).
public struct FileError<KindType: Hashable & Sendable>: Error, CustomStringConvertible, Hashable, Sendable {
    /// The sort of file's own cases: `CheckpointError.Kind` is `CheckpointErrorKind`.
    public typealias Kind = KindType

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
