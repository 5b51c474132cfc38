import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One writer per folder. Every command that writes into an output folder
/// first claims it: an exclusive advisory lock (`flock`) on the hidden file
/// `.study.lock` inside it, held until its last file is written. The kernel
/// drops the lock when its process ends however it ends, so a killed writer
/// leaves nothing stale to clean up; a second writer is refused at once,
/// before it has read or written anything in the folder. Readers take no
/// lock: every file is replaced atomically, so they read a complete one.
extension OutputFolder {
    public static let lockFileName = ".study.lock"

    /// Another process holds the folder.
    public struct Busy: Error, CustomStringConvertible {
        public let path: String
        /// "process 1234 (study train --output runs/a)", or "another process" where it cannot be named.
        public let holder: String
        public var description: String {
            "\(path) is being written by \(holder); wait for it to finish or choose another --output"
        }
    }

    /// A held claim on a folder; `release()` (or the end of the process) gives it up.
    public final class Claim: @unchecked Sendable {
        public let folder: URL
        private var descriptor: Int32

        init(folder: URL, descriptor: Int32) {
            self.folder = folder
            self.descriptor = descriptor
        }

        /// Gives the folder up; closing the file drops the lock.
        public func release() {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
        }

        deinit { release() }
    }

    /// Creates `url` if needed, claims it for this process, then prepares it
    /// as `prepare` does (checks that files can be made there and removes the
    /// temporaries a killed writer left). Throws `Busy` when another process
    /// holds it, `Unwritable` when it cannot be made or written.
    public static func claim(_ url: URL) throws -> Claim {
        try create(url)
        let lockPath = url.appendingPathComponent(lockFileName).path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else {
            throw Unwritable(path: url.path, reason: "its lock file \(lockFileName) cannot be opened (\(String(cString: strerror(errno))))")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw Unwritable(path: url.path, reason: "\(lockFileName) there is not a regular file")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(of: status, lockFile: descriptor)
            close(descriptor)
            throw Busy(path: url.path, holder: holder)
        }
        let claim = Claim(folder: url, descriptor: descriptor)
        // Who holds it, for a refused writer to name where /proc/locks cannot.
        let note = Array("\(getpid()) \(Self.commandLine(of: getpid()) ?? "")\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = note.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        try checkWritable(url)
        AtomicFile.removeStaleTemporaries(in: url)
        return claim
    }

    /// The process holding the lock on the file `status` describes: the
    /// kernel's own table of locks first, else the note its holder wrote.
    static func holder(of status: stat, lockFile descriptor: Int32) -> String {
        var pid = lockingProcess(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        if pid == nil {
            var bytes = [UInt8](repeating: 0, count: 4096)
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
            let note = count > 0 ? String(decoding: bytes[0..<count], as: UTF8.self) : ""
            pid = note.split(separator: " ").first.flatMap { Int32($0) }
        }
        guard let pid else { return "another process" }
        return "process \(pid)" + (commandLine(of: pid).map { " (\($0))" } ?? "")
    }

    /// The pid holding a `flock` on the file (device, inode), from /proc/locks.
    static func lockingProcess(device: UInt64, inode: UInt64) -> Int32? {
        guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        // glibc's major()/minor() of a dev_t; /proc/locks prints them in hex.
        let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~UInt64(0xfff))
        let minor = (device & 0xff) | ((device >> 12) & ~UInt64(0xff))
        let file = String(format: "%02llx:%02llx:%llu", major, minor, inode)
        for line in table.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 1234 08:01:56789 0 EOF"
            let fields = line.split(separator: " ")
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == file else { continue }
            return Int32(fields[4])
        }
        return nil
    }

    /// A process's command line as a shell would show it, its program by name.
    static func commandLine(of pid: Int32) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else { return nil }
        var words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard !words.isEmpty else { return nil }
        words[0] = (words[0] as NSString).lastPathComponent
        let line = words.joined(separator: " ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}
