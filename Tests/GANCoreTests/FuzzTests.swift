import Figures
import FileFormats
import Foundation
import GANCore
import Testing

/// Random mutations of valid files, each fed to its reader, which must
/// either succeed or throw its typed error naming the file: never crash,
/// hang or allocate without bound.
///
/// `FUZZ_CASES` sets the cases per reader (default 1 500, a few seconds in
/// all in a debug build) and `FUZZ_SEED` the seed (default 2014); `tools/fuzz`
/// runs a longer campaign. With `FUZZ_WORK_DIR` set, each reader's current
/// input is left at `<dir>/<reader>.current`, so an input that crashed the
/// process can be found and replayed.
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let cases = environment["FUZZ_CASES"].flatMap { Int($0) } ?? 1_500
    static let seed = environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 2014

    /// Where a reader's inputs are written: the campaign's folder, or a
    /// scratch folder removed afterwards.
    final class Workspace {
        private let scratch: ScratchFolder?
        let input: URL

        init(_ reader: String) {
            if let dir = FuzzTests.environment["FUZZ_WORK_DIR"] {
                scratch = nil
                input = URL(fileURLWithPath: dir).appendingPathComponent("\(reader).current")
            } else {
                let folder = ScratchFolder("fuzz-\(reader)")
                scratch = folder
                input = folder.file("\(reader).current")
            }
        }

        func write(_ bytes: [UInt8]) {
            try! Data(bytes).write(to: input)
        }
    }

    /// Tallies outcomes, and records any error that fails to name the file.
    struct Outcomes {
        var accepted = 0
        var rejected = 0

        mutating func rejected(_ description: String, path: String, case index: Int, seed: UInt64) {
            rejected += 1
            if !description.hasPrefix(path + ": ") {
                Issue.record("case \(index) (FUZZ_SEED=\(seed)): message does not start with the file's path: \(description)")
            }
        }
    }

    // MARK: Negative controls

    @Test func outcomeCheck_flagsAMessageThatDoesNotNameTheFile() {
        withKnownIssue("a message that does not start with the path must be recorded") {
            var outcomes = Outcomes()
            outcomes.rejected("/elsewhere/file: something is wrong", path: "/data/x.idx", case: 0, seed: 0)
        }
    }

    @Test func mutator_changesAlmostEveryInput() {
        // A mutation can undo itself (a byte set to the value it had, a run
        // duplicated and then cut off), so a few unchanged inputs are expected.
        let mutator = Mutator(random: RandomSource(seed: 9), tamperHeader: Self.tamperIDXHeader)
        let unchanged = (0..<1_000).count { _ in mutator.mutate(Self.idxImages) == Self.idxImages }
        #expect(unchanged < 20, "\(unchanged) of 1 000 mutations left the file unchanged")
    }

    // MARK: IDX

    static let idxImages = IDXFixtures.imageFile(count: 6, rows: 5, columns: 4, pixels: IDXFixtures.pixels(120))
    static let idxLabels = IDXFixtures.labelFile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])

    /// Overwrites a random 4-byte header field (magic or a size) with an
    /// awkward value: zero, one, the largest, or off by one from the truth.
    static func tamperIDXHeader(_ bytes: inout [UInt8], _ random: RandomSource) {
        let fields = max(1, min(4, bytes.count / 4))
        let offset = 4 * random.index(below: fields)
        guard offset + 4 <= bytes.count else { return }
        let current = bytes[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let choices: [UInt32] = [0, 1, 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, current &+ 1, current &- 1, current << 1,
                                 UInt32(random.index(below: Int(UInt32.max)))]
        let value = choices[random.index(below: choices.count)]
        bytes.replaceSubrange(offset..<(offset + 4), with: IDXFixtures.bigEndian(value))
    }

    /// Reads `url` as images or labels, tallying the outcome.
    static func readIDX(_ url: URL, asImages: Bool, into outcomes: inout Outcomes, case index: Int) {
        do throws(DataFileError) {
            if asImages {
                let images = try IDXImages(contentsOf: url)
                #expect(images.pixels.count == images.count * images.rows * images.columns)
            } else {
                _ = try IDXLabels(contentsOf: url)
            }
            outcomes.accepted += 1
        } catch {
            outcomes.rejected(error.description, path: url.path, case: index, seed: seed)
        }
    }

    @Test func idxPlainMutations_neverCrash() {
        let random = RandomSource(seed: Self.seed)
        let mutator = Mutator(random: random, tamperHeader: Self.tamperIDXHeader)
        let workspace = Workspace("idx-plain")
        var outcomes = Outcomes()
        for index in 0..<Self.cases {
            let asImages = index % 2 == 0
            workspace.write(mutator.mutate(asImages ? Self.idxImages : Self.idxLabels))
            Self.readIDX(workspace.input, asImages: asImages, into: &outcomes, case: index)
        }
        #expect(outcomes.accepted > 0 && outcomes.rejected > 0, "accepted \(outcomes.accepted), rejected \(outcomes.rejected)")
    }

    @Test func idxGzipMutations_neverCrash() {
        // Damage to the compressed bytes: zlib's checks must turn every one into an error or good data.
        let random = RandomSource(seed: Self.seed &+ 1)
        let workspace = Workspace("idx-gzip")
        IDXFixtures.writeGzip(Self.idxImages, to: workspace.input)
        let images = IDXFixtures.bytes(of: workspace.input)
        IDXFixtures.writeGzip(Self.idxLabels, to: workspace.input)
        let labels = IDXFixtures.bytes(of: workspace.input)
        let mutator = Mutator(random: random, tamperHeader: nil)
        var outcomes = Outcomes()
        for index in 0..<Self.cases {
            let asImages = index % 2 == 0
            workspace.write(mutator.mutate(asImages ? images : labels))
            Self.readIDX(workspace.input, asImages: asImages, into: &outcomes, case: index)
        }
        #expect(outcomes.rejected > 0, "accepted \(outcomes.accepted), rejected \(outcomes.rejected)")
    }

    @Test func idxMutatedThenGzipped_neverCrash() {
        // Damage inside well-formed gzip, so that it reaches the IDX checks.
        let random = RandomSource(seed: Self.seed &+ 2)
        let mutator = Mutator(random: random, tamperHeader: Self.tamperIDXHeader)
        let workspace = Workspace("idx-gzipped")
        var outcomes = Outcomes()
        for index in 0..<Self.cases {
            let asImages = index % 2 == 0
            IDXFixtures.writeGzip(mutator.mutate(asImages ? Self.idxImages : Self.idxLabels), to: workspace.input)
            Self.readIDX(workspace.input, asImages: asImages, into: &outcomes, case: index)
        }
        #expect(outcomes.accepted > 0 && outcomes.rejected > 0, "accepted \(outcomes.accepted), rejected \(outcomes.rejected)")
    }

    // MARK: Safetensors

    static let checkpoint = Safetensors(
        tensors: [
            "generator.layer0.weight": Tensor((0..<12).map { Float($0) / 7 }, shape: [3, 4]),
            "generator.layer0.bias": Tensor([Float](repeating: 0.5, count: 4)),
            "discriminator.layer0.weight": Tensor((0..<6).map { Double($0) - 2.5 }, shape: [2, 3]),
            "training.step": Tensor([Int64](arrayLiteral: 12_345)),
            "training.random": Tensor((0..<10).map { UInt8($0 * 25) }),
        ],
        metadata: ["seed": "7", "learningRate": "0.1"]).encoded()

    /// Tampers with the 8-byte header length, or with a digit or bracket of
    /// the JSON, where a random flip would rarely land.
    static func tamperSafetensorsHeader(_ bytes: inout [UInt8], _ random: RandomSource) {
        guard bytes.count >= 8 else { return }
        let length = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        if random.index(below: 2) == 0 {
            let choices: [UInt64] = [0, 1, 2, length &+ 1, length &- 1, length &+ 8, length &- 8, UInt64(bytes.count),
                                     UInt64(Safetensors.maximumHeaderBytes), 1 << 63, UInt64.max]
            let value = choices[random.index(below: choices.count)]
            bytes.replaceSubrange(0..<8, with: withUnsafeBytes(of: value.littleEndian) { Array($0) })
            return
        }
        let end = Int(min(UInt64(bytes.count), 8 &+ min(length, UInt64(bytes.count))))
        let special = (8..<end).filter { "0123456789[]{},:\"".utf8.contains(bytes[$0]) }
        guard !special.isEmpty else { return }
        let replacements = Array("0123456789[]{},:\"-.e ".utf8)
        bytes[special[random.index(below: special.count)]] = replacements[random.index(below: replacements.count)]
    }

    @Test func safetensorsMutations_neverCrash() {
        let random = RandomSource(seed: Self.seed &+ 3)
        let mutator = Mutator(random: random, tamperHeader: Self.tamperSafetensorsHeader)
        let workspace = Workspace("safetensors")
        var outcomes = Outcomes()
        for index in 0..<Self.cases {
            workspace.write(mutator.mutate(Self.checkpoint))
            do throws(CheckpointError) {
                let file = try Safetensors(contentsOf: workspace.input)
                for tensor in file.tensors.values {
                    #expect(tensor.bytes.count == tensor.dtype.size * tensor.elementCount)
                }
                outcomes.accepted += 1
            } catch {
                outcomes.rejected(error.description, path: workspace.input.path, case: index, seed: Self.seed)
            }
        }
        #expect(outcomes.accepted > 0 && outcomes.rejected > 0, "accepted \(outcomes.accepted), rejected \(outcomes.rejected)")
    }

    // MARK: PNG

    @Test func pngMutations_neverCrash() throws {
        let random = RandomSource(seed: Self.seed &+ 4)
        let mutator = Mutator(random: random, tamperHeader: nil)
        let workspace = Workspace("png")
        let picture = RasterImage(
            width: 12, height: 9, format: .rgb,
            pixels: (0..<(12 * 9 * 3)).map { UInt8(truncatingIfNeeded: $0 * 13) })
        try picture.write(to: workspace.input)
        let png = IDXFixtures.bytes(of: workspace.input)
        var outcomes = Outcomes()
        for index in 0..<Self.cases {
            workspace.write(mutator.mutate(png))
            do throws(ImageFileError) {
                let image = try RasterImage(contentsOf: workspace.input, format: index % 2 == 0 ? .rgb : .gray)
                #expect(image.pixels.count == image.width * image.height * image.channels)
                outcomes.accepted += 1
            } catch {
                outcomes.rejected(error.description, path: workspace.input.path, case: index, seed: Self.seed)
            }
        }
        #expect(outcomes.rejected > 0, "accepted \(outcomes.accepted), rejected \(outcomes.rejected)")
    }
}

/// Random damage to a byte string, one to three mutations at a time: bit
/// flips, awkward byte values, truncation, insertion, deletion, duplication,
/// and a format-specific header tamper.
struct Mutator {
    let random: RandomSource
    let tamperHeader: ((inout [UInt8], RandomSource) -> Void)?

    func below(_ n: Int) -> Int { n > 0 ? random.index(below: n) : 0 }

    func mutate(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0...below(3) { mutateOnce(&bytes) }
        return bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8]) {
        let operations = tamperHeader == nil ? 6 : 8
        switch below(operations) {
        case 0:  // flip one to eight bits
            guard !bytes.isEmpty else { return }
            for _ in 0...below(8) { bytes[below(bytes.count)] ^= 1 << UInt8(below(8)) }
        case 1:  // an awkward byte value
            guard !bytes.isEmpty else { return }
            let awkward: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xFF]
            bytes[below(bytes.count)] = awkward[below(awkward.count)]
        case 2:  // truncate
            bytes.removeLast(bytes.isEmpty ? 0 : 1 + below(bytes.count))
        case 3:  // insert random bytes
            let inserted = (0...below(16)).map { _ in UInt8(below(256)) }
            bytes.insert(contentsOf: inserted, at: below(bytes.count + 1))
        case 4:  // delete a run
            guard !bytes.isEmpty else { return }
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
        case 5:  // duplicate a run elsewhere
            guard !bytes.isEmpty else { return }
            let start = below(bytes.count)
            let run = Array(bytes[start..<min(bytes.count, start + 1 + below(32))])
            bytes.insert(contentsOf: run, at: below(bytes.count + 1))
        default:  // the format's own header fields
            tamperHeader?(&bytes, random)
        }
    }
}
