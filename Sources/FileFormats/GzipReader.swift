import CZlib
import Foundation
import GANCore

/// Reads a file through zlib's gz* interface: gzip'd files are inflated,
/// plain files pass through unchanged (`gzread` does that on its own).
///
/// zlib reports a damaged stream after the fact, through `gzerror`: a file
/// cut short gives `Z_BUF_ERROR`, a damaged one `Z_DATA_ERROR` (a bad
/// deflate block, or the CRC-32 in the trailer not matching). Every read is
/// followed by that check, so no error passes as a short read.
final class GzipReader {
    /// zlib's input buffer: a 1 MiB buffer reads the 26 MB training set in
    /// far fewer system calls than the 8 KiB default.
    static let bufferSize: UInt32 = 1 << 20

    let path: String
    private let file: gzFile

    /// Opens `path` for reading; fails with a message naming it.
    init(path: String) throws(DataFileError) {
        self.path = path
        if let problem = RegularFile.problem(at: path) {
            throw DataFileError(path: path, kind: problem.isMissing ? .missing : .unreadable, problem: problem.description)
        }
        guard let file = gzopen(path, "rb") else {
            throw DataFileError(path: path, kind: .unreadable, problem: "cannot open: \(String(cString: strerror(errno)))")
        }
        self.file = file
        // Must come before the first read; only fails when called too late.
        _ = gzbuffer(file, Self.bufferSize)
    }

    deinit { gzclose(file) }

    /// Whether the file is being passed through as plain data rather than
    /// inflated. Meaningful only after the first read.
    var isPlain: Bool { gzdirect(file) == 1 }

    /// Reads up to `count` bytes into `buffer` and returns how many arrived:
    /// fewer only at the end of the data. Throws when zlib reports an error.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(DataFileError) -> Int {
        var total = 0
        while total < count {
            let request = UInt32(min(count - total, Int(Self.bufferSize)))
            let got = gzread(file, buffer + total, request)
            try checkStatus()
            guard got > 0 else { break }
            total += Int(got)
        }
        return total
    }

    /// Reads up to `count` bytes: fewer only at the end of the data.
    func read(count: Int) throws(DataFileError) -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 1)
        defer { buffer.deallocate() }
        let got = try read(into: buffer.baseAddress!, count: count)
        return Array(buffer[0..<got])
    }

    /// Throws if zlib has recorded an error on this file.
    private func checkStatus() throws(DataFileError) {
        var code: Int32 = Z_OK
        // zlib prefixes its message with the path, which the error names already.
        var message = gzerror(file, &code).map { String(cString: $0) } ?? ""
        if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
        switch code {
        case Z_OK, Z_STREAM_END:
            return
        case Z_BUF_ERROR:
            throw DataFileError(path: path, kind: .truncated, problem: "gzip data ends early: the file is truncated (\(message))")
        case Z_DATA_ERROR:
            throw DataFileError(path: path, kind: .corrupt, problem: "corrupt gzip data: \(message)")
        case Z_ERRNO:
            throw DataFileError(path: path, kind: .unreadable, problem: "cannot read: \(String(cString: strerror(errno)))")
        case Z_MEM_ERROR:
            throw DataFileError(path: path, kind: .unreadable, problem: "cannot read: zlib ran out of memory")
        default:
            throw DataFileError(path: path, kind: .unreadable, problem: "cannot read: zlib error \(code) (\(message))")
        }
    }

    /// The size of the file on disk, in bytes.
    func fileSize() -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }
}
