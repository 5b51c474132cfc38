import ArgumentParser
import Figures
import FileFormats
import Foundation
import GANCore
import ImageTraining

/// Exit statuses from sysexits(3), so that a script can tell a mistyped
/// command from bad data from a missing file.
enum ExitStatus {
    /// The command line is wrong (ArgumentParser's own status for usage errors).
    static let usage: Int32 = 64
    /// A file was read but its contents are wrong.
    static let dataError: Int32 = 65
    /// A file to read does not exist or cannot be read.
    static let noInput: Int32 = 66
    /// An output file or folder cannot be created.
    static let cannotCreate: Int32 = 73
    /// Writing failed part-way (a full disk).
    static let ioError: Int32 = 74
    /// Another process is writing into the output folder: try again later (EX_TEMPFAIL).
    static let temporaryFailure: Int32 = 75
    /// Interrupted by SIGINT or SIGTERM: 128 + the signal's number, as a shell reports it.
    static func interrupted(by signal: Int32) -> Int32 { 128 + signal }
}

/// A refusal with its one-line reason and exit status; no usage text follows.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    let status: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(description: message, status: ExitStatus.usage) }
    static func data(_ message: String) -> CommandFailure { CommandFailure(description: message, status: ExitStatus.dataError) }
}

extension Study {
    /// Parses `arguments` (without the program name), runs the command and
    /// exits with a sysexits status: every error becomes one line on stderr.
    public static func run(arguments: [String]) -> Never {
        // A file-size limit (ulimit -f) stands for a full disk: without this,
        // SIGXFSZ kills the process instead of write() failing with EFBIG.
        signal(SIGXFSZ, SIG_IGN)
        KernelChoice.restartIfOpenBLASFellBack()
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(NegativeNumbers.normalise(arguments))
        } catch {
            exit(withError: error)
        }
        do {
            var command = command
            try command.run()
            exit(withError: nil)
        } catch let failure as CommandFailure {
            fail(failure.description, failure.status)
        } catch let refusal as Refusal {
            fail(refusal.description, status(of: refusal.kind))
        } catch let interruption as TrainingInterrupted {
            // The run has said that it saved a checkpoint; the status alone says why it stopped.
            Foundation.exit(ExitStatus.interrupted(by: interruption.signal))
        } catch let error as CheckpointError {
            fail(error.description, status(of: error.kind))
        } catch let error as DataFileError {
            fail(error.description, error.kind == .missing || error.kind == .unreadable ? ExitStatus.noInput : ExitStatus.dataError)
        } catch let error as ImageFileError {
            fail(error.description, error.kind == .unwritable ? ExitStatus.cannotCreate : error.kind == .tooLarge ? ExitStatus.dataError : ExitStatus.noInput)
        } catch let error as FileWriteError {
            fail(error.description, ExitStatus.ioError)
        } catch let error as OutputFolder.Unwritable {
            fail(error.description, ExitStatus.cannotCreate)
        } catch is ChecksNotPassing {
            // The checks' reports said what failed; the status alone says that something did.
            Foundation.exit(1)
        } catch let busy as OutputFolder.Busy {
            fail(busy.description, ExitStatus.temporaryFailure)
        } catch {
            exit(withError: error)
        }
    }

    static func status(of kind: CheckpointErrorKind) -> Int32 {
        switch kind {
        case .missing, .unreadable: ExitStatus.noInput
        case .truncated, .corrupt, .mismatch, .invalid: ExitStatus.dataError
        case .unwritable: ExitStatus.cannotCreate
        }
    }

    static func status(of kind: Refusal.Kind) -> Int32 {
        switch kind {
        case .invalidOptions: ExitStatus.usage
        case .unsuitableData: ExitStatus.dataError
        case .missingInput: ExitStatus.noInput
        case .occupiedOutput: ExitStatus.cannotCreate
        }
    }

    static func fail(_ message: String, _ status: Int32) -> Never {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        Foundation.exit(status)
    }
}

/// ArgumentParser reads `-1` as a short option, so `--iterations -1` says
/// "Missing value" and `chapter -1` "Unknown option". A number after an
/// option that takes a value is joined to it (`--iterations=-1`), and a
/// negative positional number is moved after `--`; validation then names the number.
enum NegativeNumbers {
    static let flags: Set<String> = ["--resume", "--simultaneous", "--overwrite", "--trace", "--check", "--force", "--help", "--version"]

    static func isNegativeNumber(_ token: String) -> Bool {
        token.count > 1 && token.hasPrefix("-") && !token.hasPrefix("--") && Double(token) != nil
    }

    static func normalise(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var positionals: [String] = []
        var afterSeparator = false
        for token in arguments {
            if afterSeparator || token == "--" {
                afterSeparator = true
                result.append(token)
            } else if isNegativeNumber(token) {
                if let previous = result.last, previous.hasPrefix("--"), !previous.contains("="), !flags.contains(previous) {
                    result[result.count - 1] = previous + "=" + token
                } else {
                    positionals.append(token)
                }
            } else {
                result.append(token)
            }
        }
        if positionals.isEmpty { return result }
        return afterSeparator ? result + positionals : result + ["--"] + positionals
    }
}
