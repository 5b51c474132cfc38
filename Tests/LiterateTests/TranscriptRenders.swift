import Foundation
import Synchronization

/// What `study transcript --figures DIR WORDS…` printed and drew, run once
/// per process for each transcript and shared by the tests that read it:
/// the transcript test compares the words, the figure test the pictures.
/// Each runs in a process of its own: a demo switches its process to the
/// portable product, which must not reach the tests running beside it.
enum TranscriptRenders {
    struct Render: Sendable {
        /// What the command printed, without print()'s last newline.
        let output: String
        /// The folder the demo drew its figures in.
        let figures: URL
    }

    struct Failure: Error, CustomStringConvertible {
        let arguments: [String], message: String
        var description: String { "study \(arguments.joined(separator: " ")) failed: \(message)" }
    }

    /// The render of `arguments`: started by the first test that asks, awaited by the others.
    static func render(_ arguments: [String]) async throws -> Render {
        let task = started.withLock { tasks in
            if let task = tasks[arguments] { return task }
            let task = Task { try run(arguments) }
            tasks[arguments] = task
            return task
        }
        return try await task.value
    }

    private static let started = Mutex<[[String]: Task<Render, any Error>]>([:])

    /// Every render's figures go below this folder, removed when the test process exits.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("literate-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TranscriptRenders.folder) }
        return url
    }()

    /// The `study` executable built beside this test binary.
    static let study: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("study")

    /// Runs `study transcript` now, without sharing the render.
    static func run(_ arguments: [String]) throws -> Render {
        let figures = folder.appendingPathComponent(UUID().uuidString)
        let process = Process()
        process.executableURL = study
        process.arguments = ["transcript", "--figures", figures.path] + arguments
        // stderr to a file, so that neither pipe can fill while the other is read.
        let complaints = figures.appendingPathExtension("stderr")
        _ = FileManager.default.createFile(atPath: complaints.path, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: complaints)
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let complaint = (try? Data(contentsOf: complaints)) ?? Data()
        guard process.terminationStatus == 0 else {
            throw Failure(arguments: arguments, message: String(decoding: complaint, as: UTF8.self))
        }
        // print() ends the transcript with one newline of its own.
        return Render(output: String(String(decoding: printed, as: UTF8.self).dropLast()), figures: figures)
    }
}
