import FileFormats
import Foundation

/// The package's sources seen from the exercises: where the reader's files
/// and the solutions are, and what restores a stub.
public struct ExerciseWorkspace: Sendable {
    /// The folder holding Package.swift and Sources/Exercises.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The package around `start` (the current folder, by default), or
    /// around the sources `study` was built from.
    public static func locate(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> ExerciseWorkspace {
        for candidate in [start, URL(fileURLWithPath: #filePath)] {
            var url = candidate.standardizedFileURL
            while url.path != "/" {
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("Sources/Exercises").path),
                   FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                    return ExerciseWorkspace(root: url)
                }
                url.deleteLastPathComponent()
            }
        }
        throw Refusal(.missingInput, "no Sources/Exercises above \(start.path): run study from the project's folder")
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The generated head of an exercise's stub.
    public func head(_ info: ExerciseInfo) throws -> String {
        try StubGenerator.head(info, solutionSource: solutionSource(info))
    }

    /// The stub as generated.
    public func stub(_ info: ExerciseInfo) throws -> String {
        try StubGenerator.stub(info, solutionSource: solutionSource(info))
    }

    private func solutionSource(_ info: ExerciseInfo) throws -> String {
        do {
            return try String(contentsOf: url(info.solution.path), encoding: .utf8)
        } catch {
            throw Refusal(.missingInput, "\(info.solution.path): cannot read the solution of exercise \(info.number) (\(error.localizedDescription))")
        }
    }

    /// Writes the stub over the reader's file (atomically: a file is never half a stub).
    public func reset(_ info: ExerciseInfo) throws {
        let text = try stub(info)
        let file = url(info.file)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(to: file) { output throws(FileWriteError) in try output.write(Array(text.utf8)) }
    }

    /// Whether the reader's file is the untouched stub, byte for byte.
    public func isUntouched(_ info: ExerciseInfo) -> Bool {
        (try? String(contentsOf: url(info.file), encoding: .utf8)) == (try? stub(info))
    }

    /// What is wrong with the reader's file outside its body, or nil.
    public func drift(_ info: ExerciseInfo) throws -> String? {
        guard let text = try? String(contentsOf: url(info.file), encoding: .utf8) else {
            return "\(info.file): missing; `tools/exercises reset \(info.number)` writes it"
        }
        return StubGenerator.drift(in: text, head: try head(info), path: info.file)
    }
}

extension ExerciseWorkspace {
    /// Writes the generated head above the reader's body, keeping the body:
    /// what a maintainer runs after changing a solution's signature or an
    /// exercise's words. A file with no body to keep is reset.
    public func refresh(_ info: ExerciseInfo) throws -> Bool {
        guard let text = try? String(contentsOf: url(info.file), encoding: .utf8), let body = StubGenerator.body(of: text) else {
            try reset(info)
            return true
        }
        let refreshed = try head(info) + body
        guard refreshed != text else { return false }
        try AtomicFile.write(to: url(info.file)) { output throws(FileWriteError) in try output.write(Array(refreshed.utf8)) }
        return true
    }
}
