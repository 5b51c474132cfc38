import GANCore
/// A checkpoint (safetensors file) that could not be read, written or used:
/// names the file and the problem.
public typealias CheckpointError = FileError<CheckpointErrorKind>

/// What went wrong with a checkpoint, for callers and tests that tell the cases apart.
public enum CheckpointErrorKind: Sendable, Hashable {
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
    /// A file laid out correctly whose contents make no sense: a recipe
    /// field, counter, history value or random state out of its range, or a
    /// non-finite weight.
    case invalid
    /// The new file could not be written; any older file is untouched.
    case unwritable
}
