import ArgumentParser
import Foundation
import GANCore

/// Runs `study` in this process and returns what it printed, for the
/// chapters' transcripts and their tests.
public enum StudyTranscript {
    /// - Parameters:
    ///   - arguments: the words after `study`.
    ///   - outputDirectory: where figures go, whatever `--output` says.
    public static func run(_ arguments: [String], outputDirectory: URL) throws -> String {
        let command = try Study.parseAsRoot(arguments)
        guard let demo = command as? any DemoCommand else {
            throw ValidationError("'study \(arguments.joined(separator: " "))' has no transcript")
        }
        var lines: [String] = []
        let environment = DemoEnvironment(
            write: { lines.append($0) }, progress: .silent, outputOverride: outputDirectory)
        do {
            try demo.execute(in: environment)
        } catch is ChecksNotPassing {
            // A check's report is its transcript whether it passes or not:
            // a chapter shows what a wrong answer's report looks like.
        }
        return lines.joined(separator: "\n")
    }
}

extension Study {
    /// `study transcript --figures DIR WORDS…`: what `study WORDS…` prints,
    /// captured as `StudyTranscript.run` captures it, in a process of its own
    /// (the literate tests run it so that no demo changes their process's
    /// product path).
    struct TranscriptCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transcript", abstract: "Print a demo's transcript as the chapters show it.",
            shouldDisplay: false)

        @Option(help: "Folder for the demo's figures.")
        var figures: String

        @Argument(parsing: .captureForPassthrough, help: "The words after 'study', e.g. chapter 6.")
        var words: [String] = []

        func run() throws {
            print(try StudyTranscript.run(words, outputDirectory: URL(fileURLWithPath: figures)))
        }
    }
}
