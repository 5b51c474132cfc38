import FileFormats
import GANCore
/// A PNG that could not be read or written: names the file and the problem.
public typealias ImageFileError = FileError<ImageFileErrorKind>

/// What went wrong with a PNG, for callers that react differently to each.
public enum ImageFileErrorKind: Sendable, Hashable {
    /// Missing, unreadable, not a PNG, truncated or corrupt.
    case unreadable
    /// Larger than `RasterImage.maximumPixelCount` or `maximumSide`.
    case tooLarge
    /// The folder does not exist, is not writable, or the write failed.
    case unwritable
}
