import Foundation
import GANCore

/// Whether a path names a regular file, checked by type before it is opened:
/// opening a FIFO blocks until someone writes to it, and a device or a
/// socket is no input file either.
public enum RegularFile {
    /// Why `path` cannot be read as a file, or nil when it is a regular file.
    public struct Problem: Sendable {
        /// The path does not exist (as opposed to existing but being unusable).
        public let isMissing: Bool
        public let description: String
    }

    public static func problem(at path: String) -> Problem? {
        if path.isEmpty { return Problem(isMissing: true, description: "the path is empty; expected a file name") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            var link = stat()
            switch code {
            case ENOENT where lstat(path, &link) == 0:
                return Problem(isMissing: true, description: "a symbolic link to a file that does not exist")
            case ENOENT: return Problem(isMissing: true, description: "no such file")
            case ELOOP: return Problem(isMissing: false, description: "a loop of symbolic links, not a file")
            default: return Problem(isMissing: false, description: "cannot read: \(String(cString: strerror(code)))")
            }
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return Problem(isMissing: false, description: "cannot read: this is a folder, not a file")
        case S_IFIFO: return Problem(isMissing: false, description: "cannot read: this is a FIFO (named pipe), not a regular file")
        case S_IFSOCK: return Problem(isMissing: false, description: "cannot read: this is a socket, not a regular file")
        default: return Problem(isMissing: false, description: "cannot read: this is a device, not a regular file")
        }
    }
}
