import Foundation

/// An output folder that exists and can be written, or a clear reason why not.
public enum OutputFolder {
    public struct Unwritable: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write to output folder \(path): \(reason)" }
    }

    /// Creates the folder if needed, checks that files can be made in it,
    /// and removes the temporary files a killed writer left there. A writer
    /// that another process could race claims the folder instead (`claim`).
    public static func prepare(_ url: URL) throws {
        try create(url)
        try checkWritable(url)
        AtomicFile.removeStaleTemporaries(in: url)
    }

    /// Creates the folder and its parents, saying which part is a file if one is.
    static func create(_ url: URL) throws {
        let path = url.path
        if path.isEmpty { throw Unwritable(path: "''", reason: "the path is empty; give a folder name") }
        // Walk up to the first part that exists: if it is a file, say which.
        var existing = url.standardizedFileURL
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: existing.path, isDirectory: &isFolder), existing.path != "/" {
            existing = existing.deletingLastPathComponent()
        }
        if !isFolder.boolValue {
            throw Unwritable(path: path, reason: existing.path == url.standardizedFileURL.path
                ? "it is a file, not a folder; give a folder name" : "\(existing.path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Unwritable(path: path, reason: "it cannot be created")
        }
    }

    /// Refuses a folder in which no file can be made.
    static func checkWritable(_ url: URL) throws {
        let probe = url.appendingPathComponent(".write-test-\(getpid())")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else {
            throw Unwritable(path: url.path, reason: "no permission to create files there")
        }
        try? FileManager.default.removeItem(at: probe)
    }
}
