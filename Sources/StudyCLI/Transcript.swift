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
        try demo.execute(in: environment)
        return lines.joined(separator: "\n")
    }
}
