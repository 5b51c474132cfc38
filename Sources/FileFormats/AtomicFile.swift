import Foundation
import GANCore

/// A file that could not be written: names it and the problem.
public struct FileWriteError: Error, CustomStringConvertible, Hashable, Sendable {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// Writes a file so that readers see either the old file or the whole new
/// one, never a part: the bytes go to a hidden temporary file in the same
/// folder, are flushed to disk (`fsync`), and the temporary is renamed over
/// the destination, which POSIX makes atomic within one file system.
///
/// On any failure, the producer's included, the temporary is removed and
/// the existing file is left as it was.
public enum AtomicFile {
    /// The open temporary file a producer writes to.
    public final class Output {
        /// The destination, for error messages.
        public let path: String
        fileprivate let descriptor: Int32
        /// Bytes written so far.
        public private(set) var byteCount = 0

        fileprivate init(path: String, descriptor: Int32) {
            self.path = path
            self.descriptor = descriptor
        }

        /// Appends `bytes`, retrying short writes and interrupted calls.
        public func write(_ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw FileWriteError(path: path, problem: "cannot write: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
            byteCount += bytes.count
        }

        public func write(_ bytes: [UInt8]) throws(FileWriteError) {
            // `withUnsafeBytes` rethrows untyped errors: carry the typed one out.
            let failure: FileWriteError? = bytes.withUnsafeBytes { buffer in
                do throws(FileWriteError) {
                    try write(buffer)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Creates or replaces the file at `url` with what `produce` writes.
    public static func write(to url: URL, _ produce: (Output) throws(FileWriteError) -> Void) throws(FileWriteError) {
        let path = url.path
        let folderURL = url.deletingLastPathComponent()
        let folder = folderURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw FileWriteError(path: path, problem: "cannot write: folder \(folder) does not exist")
        }
        guard isFolder.boolValue else {
            throw FileWriteError(path: path, problem: "cannot write: \(folder) is not a folder")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw FileWriteError(path: path, problem: "cannot write: a folder of that name is in the way")
        }

        // Hidden, unique, and short enough for NAME_MAX however long the name is.
        let temporary = folderURL.appendingPathComponent(
            ".\(url.lastPathComponent.prefix(200)).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, problem: "cannot write in folder \(folder): \(String(cString: strerror(errno)))")
        }
        var isOpen = true
        func abandon() {
            if isOpen { close(descriptor) }
            unlink(temporary)
        }

        do throws(FileWriteError) {
            try produce(Output(path: path, descriptor: descriptor))
        } catch {
            abandon()
            throw error
        }
        // Flush before the rename publishes the file, so a crash cannot
        // leave a short or empty file under the final name.
        guard fsync(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw FileWriteError(path: path, problem: "cannot flush the new file to disk: \(reason)")
        }
        isOpen = false
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw FileWriteError(path: path, problem: "cannot finish writing: \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw FileWriteError(path: path, problem: "cannot move the new file into place: \(reason)")
        }
        // Make the rename itself durable; not every file system can, and the
        // data are already safe, so a failure here is not an error.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Removes the temporary files that writers of this project left in
    /// `folder` when they were killed mid-write (`.NAME.PID-RANDOM.tmp`, the
    /// pattern of `write(to:)` and of the PNG writer), if the process that
    /// made them is gone. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let pid = writerProcess(ofTemporary: name) else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if pid != getpid(), kill(pid, 0) == -1, errno == ESRCH,
               unlink(folder.appendingPathComponent(name).path) == 0 {
                removed.append(name)
            }
        }
        return removed
    }

    /// The process id in a name of the form `.NAME.PID-RANDOM.tmp`, or nil.
    static func writerProcess(ofTemporary name: String) -> pid_t? {
        let stem = name.dropLast(4)  // ".tmp"
        guard let dot = stem.lastIndex(of: "."), dot > stem.startIndex else { return nil }
        let parts = stem[stem.index(after: dot)...].split(separator: "-")
        guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
        return pid
    }
}
