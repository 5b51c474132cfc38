import GANCore
/// A data file (IDX images or labels, plain or gzip'd) that could not be
/// used: names the file and the problem.
public typealias DataFileError = FileError<DataFileErrorKind>

/// What went wrong with a data file, for callers and tests that tell the cases apart.
public enum DataFileErrorKind: Sendable, Hashable {
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
