import FileFormats
import Foundation
import GANCore
import Testing

/// Safetensors checkpoints: exact round trips, the reference layout, every
/// validation the reader makes, and writes that never damage a saved file.
@Suite struct SafetensorsTests {
    /// A file with every dtype the project writes, a scalar and an empty tensor.
    static let sample = Safetensors(
        tensors: [
            "generator.layer0.weight": Tensor([Float](arrayLiteral: 1.5, -2, 0.25, .pi, -0.0, 1e-30), shape: [2, 3]),
            "generator.layer0.bias": Tensor([Float](arrayLiteral: 0.5, -0.5, 3)),
            "discriminator.scale": Tensor([Double](arrayLiteral: 2.718281828459045), shape: []),
            "training.minibatch": Tensor([Int64](arrayLiteral: 123_456_789_012, -1)),
            "training.random": Tensor([UInt8](arrayLiteral: 0, 1, 254, 255, 7), shape: [5]),
            "empty": Tensor([Double](), shape: [0, 3]),
        ],
        metadata: ["seed": "42", "format": "gan-study/1", "note": "quotes \" backslash \\ newline \n tab \t bell \u{7} é ∑ 🙂"])

    /// Expects a `CheckpointError` of `kind` naming `path` and mentioning `words`.
    func expectError(
        _ kind: CheckpointError.Kind, path: String, mentioning words: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let error = #expect(throws: CheckpointError.self, sourceLocation: sourceLocation) { try body() }
        guard let error else { return }
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(path + ": "), "\(error)", sourceLocation: sourceLocation)
        for word in words {
            #expect(error.problem.contains(word), "“\(error.problem)” should mention “\(word)”", sourceLocation: sourceLocation)
        }
    }

    /// The 8-byte little-endian length followed by `json` and `data`.
    static func file(_ json: String, data: [UInt8] = []) -> [UInt8] {
        let header = Array(json.utf8)
        return withUnsafeBytes(of: UInt64(header.count).littleEndian) { Array($0) } + header + data
    }

    // MARK: Round trips and layout

    @Test func roundTrip_preservesTensorsAndMetadataExactly() throws {
        let folder = ScratchFolder("safetensors")
        let url = folder.file("run.safetensors")
        try Self.sample.write(to: url)
        let read = try Safetensors(contentsOf: url)
        #expect(read.tensors == Self.sample.tensors)
        #expect(read.metadata == Self.sample.metadata)
        #expect(read.path == url.path)
        #expect(try read.values(named: "generator.layer0.weight", shape: [2, 3], as: Float.self) == [1.5, -2, 0.25, .pi, -0.0, 1e-30])
        #expect(try read.values(named: "training.minibatch", shape: [2], as: Int64.self) == [123_456_789_012, -1])
        #expect(try read.values(named: "empty", shape: [0, 3], as: Double.self) == [])
        #expect(try read.metadataValue("note") == Self.sample.metadata["note"])
        #expect(folder.contents() == ["run.safetensors"], "no temporary file is left behind")
    }

    @Test func matrices_roundTripThroughLoad() throws {
        let random = RandomSource(seed: 17)
        let weights = Matrix<Float>(rows: 4, columns: 3), bias = Matrix<Double>(rows: 1, columns: 5)
        random.fillGaussian(weights)
        random.fillGaussian(bias)
        let file = Safetensors(tensors: ["w": Tensor(weights), "b": Tensor(bias, shape: [5])])
        let decoded = try Safetensors(decoding: file.encoded(), path: "mem")
        let w = Matrix<Float>(rows: 4, columns: 3), b = Matrix<Double>(rows: 1, columns: 5)
        try decoded.load(named: "w", into: w)
        try decoded.load(named: "b", into: b, shape: [5])
        #expect(w.elements == weights.elements && b.elements == bias.elements)
        #expect(decoded.tensors["w"]?.shape == [4, 3])
    }

    @Test func header_isPaddedWithSpacesAndTensorsAreAligned() throws {
        let bytes = Self.sample.encoded()
        let length = Int(bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        #expect(length % 8 == 0, "the data area starts 8-byte aligned")
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        #expect(header.hasPrefix("{\"__metadata__\":{"))
        let padding = header.reversed().prefix { $0 == " " }.count
        #expect(padding < 8 && header.dropLast(padding).last == "}", "only spaces pad the header")
        // Widest dtypes first, then by name: every tensor starts at a multiple of its element size.
        let order = ["discriminator.scale", "empty", "training.minibatch", "generator.layer0.bias", "generator.layer0.weight", "training.random"]
        let positions = order.map { header.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(header.contains("\"discriminator.scale\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}"))
        #expect(header.contains("\"training.minibatch\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[8,24]}"))
        #expect(header.contains("\"generator.layer0.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[24,36]}"))
    }

    @Test func referenceStyleFile_withoutPaddingOrMetadata_isRead() throws {
        // As Python's safetensors writes a one-tensor file, with keys in another order.
        let data: [UInt8] = [0, 0, 128, 63, 0, 0, 0, 64]  // 1.0f, 2.0f little-endian
        let bytes = Self.file("{\"x\":{\"shape\":[2],\"data_offsets\":[0,8],\"dtype\":\"F32\"}}", data: data)
        let read = try Safetensors(decoding: bytes, path: "ref")
        #expect(try read.values(named: "x", shape: [2], as: Float.self) == [1, 2])
        #expect(read.metadata.isEmpty)
        #expect(try Safetensors(decoding: Self.file("{}"), path: "empty").tensors.isEmpty)
        let escaped = Self.file("{\"\\u00e9\\ud83d\\ude42\\n\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]}} \t\r\n", data: [9])
        #expect(try Safetensors(decoding: escaped, path: "esc").tensors["é🙂\n"]?.bytes == [9])
    }

    // MARK: Fetching with an expected architecture

    @Test func wrongShapeOrDtypeOrName_isAClearMismatch() throws {
        let read = try Safetensors(decoding: Self.sample.encoded(), path: "/runs/a.safetensors")
        let path = "/runs/a.safetensors"
        expectError(.mismatch, path: path, mentioning: ["tensor 'generator.layer0.weight' has shape [2, 3], expected [3, 2]"]) {
            _ = try read.values(named: "generator.layer0.weight", shape: [3, 2], as: Float.self)
        }
        expectError(.mismatch, path: path, mentioning: ["tensor 'generator.layer0.weight' has dtype F32, expected F64"]) {
            _ = try read.values(named: "generator.layer0.weight", shape: [2, 3], as: Double.self)
        }
        expectError(.mismatch, path: path, mentioning: ["has no tensor 'generator.layer9.weight'", "6 tensors", "'empty'"]) {
            _ = try read.tensor(named: "generator.layer9.weight")
        }
        expectError(.mismatch, path: path, mentioning: ["has shape [2, 3], expected [3, 3]"]) {
            try read.load(named: "generator.layer0.weight", into: Matrix<Float>(rows: 3, columns: 3))
        }
        expectError(.mismatch, path: path, mentioning: ["has no metadata entry 'epoch'"]) { _ = try read.metadataValue("epoch") }
    }

    // MARK: Validation

    /// A broken file, the kind of error it must give and words its message must hold.
    struct InvalidFile: Sendable, CustomTestStringConvertible {
        let what: String
        let bytes: [UInt8]
        let kind: CheckpointError.Kind
        let words: [String]
        var testDescription: String { what }
    }

    static let invalidFiles: [InvalidFile] = {
        let f32 = "\"dtype\":\"F32\""
        let cases: [(String, [UInt8], CheckpointError.Kind, [String])] = [
            ("empty file", [], .truncated, ["empty"]),
            ("shorter than the length", [1, 0, 0], .truncated, ["3 bytes long"]),
            ("absurd header length", [0, 0, 0, 0, 0, 0, 0, 0x80] + Array("{}".utf8), .corrupt, ["header length 9223372036854775808"]),
            ("header past the end", [100, 0, 0, 0, 0, 0, 0, 0] + Array("{}".utf8), .truncated, ["header length 100", "2 bytes follow"]),
            ("not JSON", file("{\"a\":"), .corrupt, ["not valid JSON"]),
            ("trailing text", file("{} x"), .corrupt, ["not valid JSON", "after the JSON value"]),
            ("a list", file("[1,2]"), .corrupt, ["a list, expected a JSON object"]),
            ("deep nesting", file(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)), .corrupt, ["nested more than 64"]),
            ("invalid UTF-8", [8, 0, 0, 0, 0, 0, 0, 0] + [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D, 0x20], .corrupt, ["not valid UTF-8"]),
            ("duplicate tensor", file("{\"a\":{\(f32),\"shape\":[],\"data_offsets\":[0,4]},\"a\":{\(f32),\"shape\":[],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]),
             .corrupt, ["'a' twice"]),
            ("metadata not an object", file("{\"__metadata__\":[]}"), .corrupt, ["__metadata__ is a list"]),
            ("metadata value a number", file("{\"__metadata__\":{\"epoch\":3}}"), .corrupt, ["'epoch' is a number, expected a string"]),
            ("tensor not an object", file("{\"a\":5}"), .corrupt, ["tensor 'a' is described by a number"]),
            ("no dtype", file("{\"a\":{\"shape\":[],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["tensor 'a' has no dtype"]),
            ("unknown dtype", file("{\"a\":{\"dtype\":\"F128\",\"shape\":[],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["unknown dtype 'F128'"]),
            ("dtype a number", file("{\"a\":{\"dtype\":4,\"shape\":[],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["dtype must be a string"]),
            ("no shape", file("{\"a\":{\(f32),\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["tensor 'a' has no shape"]),
            ("negative shape", file("{\"a\":{\(f32),\"shape\":[-1],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["non-negative integers"]),
            ("fractional shape", file("{\"a\":{\(f32),\"shape\":[1.5],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["non-negative integers"]),
            ("boolean shape", file("{\"a\":{\(f32),\"shape\":[true],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["non-negative integers"]),
            ("overflowing shape", file("{\"a\":{\(f32),\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["impossibly large"]),
            ("no offsets", file("{\"a\":{\(f32),\"shape\":[]}}"), .corrupt, ["tensor 'a' has no data_offsets"]),
            ("three offsets", file("{\"a\":{\(f32),\"shape\":[],\"data_offsets\":[0,4,8]}}", data: [0, 0, 0, 0]), .corrupt, ["two non-negative integers"]),
            ("huge offset", file("{\"a\":{\(f32),\"shape\":[],\"data_offsets\":[0,18446744073709551616]}}"), .corrupt, ["two non-negative integers"]),
            ("offsets reversed", file("{\"a\":{\(f32),\"shape\":[0],\"data_offsets\":[4,0]}}"), .corrupt, ["end before they begin"]),
            ("offsets of the wrong size", file("{\"a\":{\(f32),\"shape\":[2],\"data_offsets\":[0,4]}}", data: [0, 0, 0, 0]), .corrupt, ["span 4 bytes", "need 8"]),
            ("data cut short", file("{\"a\":{\(f32),\"shape\":[2],\"data_offsets\":[0,8]}}", data: [0, 0, 0, 0]), .truncated, ["only 4 bytes follow the header"]),
            ("overlap", file("{\"a\":{\(f32),\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\(f32),\"shape\":[],\"data_offsets\":[4,8]}}", data: [UInt8](repeating: 0, count: 8)),
             .corrupt, ["'a' and 'b' overlap"]),
            ("gap", file("{\"a\":{\(f32),\"shape\":[],\"data_offsets\":[4,8]}}", data: [UInt8](repeating: 0, count: 8)), .corrupt, ["bytes 0..<4", "no tensor"]),
            ("trailing data", file("{\"a\":{\(f32),\"shape\":[],\"data_offsets\":[0,4]}}", data: [UInt8](repeating: 0, count: 6)), .corrupt, ["2 bytes after the last tensor"]),
        ]
        return cases.map { InvalidFile(what: $0.0, bytes: $0.1, kind: $0.2, words: $0.3) }
    }()

    @Test(arguments: invalidFiles)
    func invalidFile_isRejectedWithAClearMessage(_ file: InvalidFile) {
        let path = "/runs/\(file.what).safetensors"
        expectError(file.kind, path: path, mentioning: file.words) { _ = try Safetensors(decoding: file.bytes, path: path) }
    }

    @Test func everyTruncationOfAValidFile_isRejected() throws {
        let folder = ScratchFolder("safetensors")
        let bytes = Self.sample.encoded()
        for length in 0..<bytes.count {
            let url = folder.file("cut.safetensors")
            try Data(bytes.prefix(length)).write(to: url)
            let error = #expect(throws: CheckpointError.self) { try Safetensors(contentsOf: url) }
            #expect(error.map { [.truncated, .corrupt].contains($0.kind) && $0.description.hasPrefix(url.path) } == true,
                    "cut at \(length): \(String(describing: error))")
        }
    }

    @Test func missingFileOrFolder_isNamed() {
        let folder = ScratchFolder("safetensors")
        let url = folder.file("none.safetensors")
        expectError(.missing, path: url.path, mentioning: ["no such file"]) { _ = try Safetensors(contentsOf: url) }
        expectError(.unreadable, path: folder.url.path, mentioning: ["folder"]) { _ = try Safetensors(contentsOf: folder.url) }
    }

    // MARK: Atomic writes

    @Test func overwrite_replacesTheFileAndLeavesNoTemporary() throws {
        let folder = ScratchFolder("safetensors")
        let url = folder.file("run.safetensors")
        try Safetensors(tensors: ["a": Tensor([Float](arrayLiteral: 1))]).write(to: url)
        try Self.sample.write(to: url)
        #expect(try Safetensors(contentsOf: url).tensors == Self.sample.tensors)
        #expect(folder.contents() == ["run.safetensors"])
    }

    @Test func failedWrite_leavesTheOldFileIntactAndNoTemporary() throws {
        let folder = ScratchFolder("safetensors")
        let url = folder.file("run.safetensors")
        try Self.sample.write(to: url)
        let saved = IDXFixtures.bytes(of: url)
        // The writer fails half-way through, as a full disk would.
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write(to: url) { (output) throws(FileWriteError) in
                try output.write(Array(repeating: 0xAB, count: 100_000))
                throw FileWriteError(path: url.path, problem: "no space left on device (injected)")
            }
        }
        #expect(error?.description == "\(url.path): no space left on device (injected)")
        #expect(IDXFixtures.bytes(of: url) == saved)
        #expect(folder.contents() == ["run.safetensors"])
    }

    @Test func unwritableDestination_isNamedAndDamagesNothing() throws {
        let folder = ScratchFolder("safetensors")
        let missing = folder.file("no-such-folder/run.safetensors")
        expectError(.unwritable, path: missing.path, mentioning: ["does not exist"]) { try Self.sample.write(to: missing) }

        let notAFolder = folder.file("plain-file")
        try Data([1, 2, 3]).write(to: notAFolder)
        let inside = notAFolder.appendingPathComponent("run.safetensors")
        expectError(.unwritable, path: inside.path, mentioning: ["not a folder"]) { try Self.sample.write(to: inside) }

        let inTheWay = folder.file("run.safetensors")
        try FileManager.default.createDirectory(at: inTheWay, withIntermediateDirectories: false)
        expectError(.unwritable, path: inTheWay.path, mentioning: ["folder"]) { try Self.sample.write(to: inTheWay) }

        let reserved = folder.file("reserved.safetensors")
        expectError(.unwritable, path: reserved.path, mentioning: ["__metadata__"]) {
            try Safetensors(tensors: ["__metadata__": Tensor([UInt8](arrayLiteral: 1))]).write(to: reserved)
        }
        #expect(folder.contents() == ["plain-file", "run.safetensors"])
        #expect(IDXFixtures.bytes(of: notAFolder) == [1, 2, 3])
    }

    @Test(.enabled(if: geteuid() != 0, "root writes into read-only folders"))
    func readOnlyFolder_isUnwritableAndTheOldFileSurvives() throws {
        let folder = ScratchFolder("safetensors")
        let url = folder.file("run.safetensors")
        try Self.sample.write(to: url)
        let saved = IDXFixtures.bytes(of: url)
        chmod(folder.url.path, 0o555)
        defer { chmod(folder.url.path, 0o755) }
        expectError(.unwritable, path: url.path, mentioning: ["Permission denied"]) {
            try Safetensors(tensors: ["a": Tensor([Float](arrayLiteral: 1))]).write(to: url)
        }
        #expect(IDXFixtures.bytes(of: url) == saved)
    }

    @Test func longFileName_stillGetsATemporaryFile() throws {
        // The temporary name adds a prefix and suffix; it must stay within NAME_MAX (255).
        let folder = ScratchFolder("safetensors")
        let url = folder.file(String(repeating: "n", count: 240) + ".safetensors")
        try Self.sample.write(to: url)
        #expect(try Safetensors(contentsOf: url).metadata == Self.sample.metadata)
    }
}
