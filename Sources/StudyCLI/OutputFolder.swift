import Foundation

/// An output folder that exists and can be written, or a clear reason why not.
enum OutputFolder {
    struct Unwritable: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot write to output folder \(path): \(reason)" }
    }

    static func prepare(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Unwritable(path: url.path, reason: "it cannot be created")
        }
        let probe = url.appendingPathComponent(".write-test-\(getpid())")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else {
            throw Unwritable(path: url.path, reason: "no permission to create files there")
        }
        try? FileManager.default.removeItem(at: probe)
    }
}
