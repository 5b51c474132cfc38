import Foundation
import GANCore

/// `study` as a user runs it, for the tests of its commands: the executable
/// built beside the test binary, run in a process of its own, and a small
/// data set in MNIST's layout to train on.
public enum StudyProcess {
    /// The `study` executable built beside this test binary.
    public static let study: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("study")
    }()

    /// Runs `study` with `arguments`; returns its exit status and what it printed.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(study, arguments)
    }

    /// Runs `executable` with `arguments`; returns its exit status and what it printed (stdout and stderr).
    public static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A new, empty folder under the temporary directory.
    public static func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("training-\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A folder in MNIST's layout with 60 000 + 100 random 4×4 images.
    public static let dataFolder: URL = {
        let folder = temporaryFolder("data")
        let random = RandomSource(seed: 77)
        func images(_ count: Int) -> Data {
            var bytes: [UInt8] = [0, 0, 8, 3] + bigEndian(count) + bigEndian(4) + bigEndian(4)
            bytes += (0..<(count * 16)).map { _ in UInt8(random.index(below: 256)) }
            return Data(bytes)
        }
        func labels(_ count: Int) -> Data {
            Data([0, 0, 8, 1] + bigEndian(count) + (0..<count).map { UInt8($0 % 10) })
        }
        try! images(60_000).write(to: folder.appendingPathComponent("train-images-idx3-ubyte"))
        try! labels(60_000).write(to: folder.appendingPathComponent("train-labels-idx1-ubyte"))
        try! images(100).write(to: folder.appendingPathComponent("t10k-images-idx3-ubyte"))
        try! labels(100).write(to: folder.appendingPathComponent("t10k-labels-idx1-ubyte"))
        return folder
    }()

    static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// `study train` on `dataFolder`'s first 300 rows, seed 5.
    public static func train(_ output: URL, iterations: Int, resume: Bool = false, config: String = "small") throws -> (status: Int32, output: String) {
        try run(["train", "--config", config, "--data", dataFolder.path, "--rows", "300", "--iterations", String(iterations),
                 "--seed", "5", "--output", output.path] + (resume ? ["--resume"] : []))
    }
}
