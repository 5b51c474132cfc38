import CZlib
import Figures
import FileFormats
import Foundation
import GANCore
import Testing

/// The guards that stand between a user's file and the code that trusts it:
/// GSL's generator state, file types, the data digest, stale temporaries.
/// Each check is shown to pass a good input (the negative control) and to
/// fire on known-bad ones.
@Suite struct UserInputGuardTests {
    static let positionOffset = 624 * MemoryLayout<UInt>.size

    static func setPosition(_ state: inout [UInt8], _ value: Int32) {
        withUnsafeBytes(of: value) { state.replaceSubrange(positionOffset..<(positionOffset + 4), with: $0) }
    }

    @Test func generatorState_ofARealGenerator_isAccepted() {
        let random = RandomSource(seed: 3)
        #expect(RandomSource.stateProblem(random.state) == nil, "a freshly seeded state (position 624)")
        _ = random.uniform()
        #expect(RandomSource.stateProblem(random.state) == nil, "after a draw (position 1)")
        #expect(random.state.count == RandomSource.stateByteCount)
    }

    @Test(arguments: [Int32.min, -1, 0, 625, Int32.max])
    func generatorState_withPositionOutside1to624_isRefused(position: Int32) {
        var state = RandomSource(seed: 3).state
        Self.setPosition(&state, position)
        let problem = RandomSource.stateProblem(state)
        #expect(problem?.contains("position word is \(position)") == true, "\(problem ?? "accepted")")
    }

    @Test func generatorState_allOnesOrZeroKeyOrWideWord_isRefused() {
        #expect(RandomSource.stateProblem([UInt8](repeating: 0xFF, count: RandomSource.stateByteCount)) != nil)
        var zero = [UInt8](repeating: 0, count: RandomSource.stateByteCount)
        Self.setPosition(&zero, 624)
        #expect(RandomSource.stateProblem(zero)?.contains("all 0") == true)
        var wide = RandomSource(seed: 3).state
        wide[7 * MemoryLayout<UInt>.size + 4] = 1  // bit 32 of key word 7
        #expect(RandomSource.stateProblem(wide)?.contains("key word 7") == true)
        #expect(RandomSource.stateProblem([1, 2, 3]) != nil, "a state of the wrong size")
    }

    @Test func sha256_matchesTheStandardVectors() {
        func hex(_ text: String) -> String {
            var digest = SHA256()
            digest.update(Array(text.utf8))
            return digest.finalize()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Negative control: one changed letter gives another digest.
        #expect(hex("abd") != hex("abc"))
    }

    @Test func sha256_ofAFileRead_inPieces_equalsTheWholeDigest() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        let bytes = (0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var whole = SHA256()
        whole.update(bytes)
        #expect(try SHA256.hex(ofFile: url) == whole.finalize())
    }

    @Test func regularFile_refusesFIFOsLoopsAndFolders_byType() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("types-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("plain"), fifo = folder.appendingPathComponent("fifo")
        let loop = folder.appendingPathComponent("loop"), dangling = folder.appendingPathComponent("dangling")
        try Data("x".utf8).write(to: plain)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere")
        #expect(RegularFile.problem(at: plain.path) == nil, "negative control: a plain file passes")
        #expect(RegularFile.problem(at: fifo.path)?.description.contains("FIFO") == true)
        #expect(RegularFile.problem(at: loop.path)?.description.contains("loop") == true)
        #expect(RegularFile.problem(at: dangling.path)?.isMissing == true)
        #expect(RegularFile.problem(at: folder.path)?.description.contains("folder") == true)
        #expect(RegularFile.problem(at: "")?.isMissing == true)
        // The readers refuse a FIFO at once instead of blocking on it.
        #expect(throws: DataFileError.self) { try IDXImages(contentsOf: fifo) }
        #expect(throws: CheckpointError.self) { try Safetensors(contentsOf: fifo) }
        #expect(throws: ImageFileError.self) { try RasterImage(contentsOf: fifo, format: .gray) }
    }

    @Test func pngHeader_claimingMorePixelsThanItsFileHolds_isRefusedAtOnce() throws {
        // A valid 8192×8192 header with one tiny IDAT: 67 bytes.
        func chunk(_ kind: String, _ payload: [UInt8]) -> [UInt8] {
            let body = Array(kind.utf8) + payload
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in body {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            crc = ~crc
            func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
            return be(UInt32(payload.count)) + body + be(crc)
        }
        func png(side: UInt32) -> [UInt8] {
            let s = [UInt8(side >> 24), UInt8(side >> 16 & 0xFF), UInt8(side >> 8 & 0xFF), UInt8(side & 0xFF)]
            return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", s + s + [8, 0, 0, 0, 0])
                + chunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]) + chunk("IEND", [])
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).png")
        try Data(png(side: 8192)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let started = Date()
        do {
            _ = try RasterImage(contentsOf: url, format: .gray)
            Issue.record("an 8192×8192 header in \(png(side: 8192).count) bytes was accepted")
        } catch {
            #expect(error.kind == .tooLarge && error.description.contains("8192×8192"), "\(error)")
        }
        #expect(Date().timeIntervalSince(started) < 1, "refused before inflating")
        // Negative control: a 1×1 image of the same construction is read (and fails or succeeds on its pixels, not its size).
        try Data(png(side: 1)).write(to: url)
        do { _ = try RasterImage(contentsOf: url, format: .gray) } catch { #expect(error.kind != .tooLarge, "\(error)") }
    }

    @Test func pngOfLowBitDepth_isSizedByItsBits_notAsIfEightBits() throws {
        // A valid 16384×4096 grey PNG of 1 bit a pixel, all black: its rows pack
        // 8.4 MB that deflate into a few kB, well within 1032:1.
        let (width, height) = (16_384, 4_096)
        let rows = [UInt8](repeating: 0, count: height * (1 + width / 8))
        var packed = [UInt8](repeating: 0, count: Int(compressBound(uLong(rows.count))))
        var packedCount = uLongf(packed.count)
        #expect(compress2(&packed, &packedCount, rows, uLong(rows.count), 9) == Z_OK)
        func chunk(_ kind: String, _ payload: [UInt8]) -> [UInt8] {
            let body = Array(kind.utf8) + payload
            let crc = UInt32(body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
            func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
            return be(UInt32(payload.count)) + body + be(crc)
        }
        func png(bitDepth: UInt8) -> [UInt8] {
            func be(_ v: Int) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
            return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", be(width) + be(height) + [bitDepth, 0, 0, 0, 0])
                + chunk("IDAT", Array(packed[0..<Int(packedCount)])) + chunk("IEND", [])
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("one-bit-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(png(bitDepth: 1)).write(to: url)
        let image = try RasterImage(contentsOf: url, format: .gray)
        #expect(image.width == width && image.height == height)
        #expect(image.pixels.allSatisfy { $0 == 0 })
        // Negative control: the same file claiming 8 bits a pixel would need 67 MB of rows, more than it can hold.
        try Data(png(bitDepth: 8)).write(to: url)
        #expect { _ = try RasterImage(contentsOf: url, format: .gray) } throws: { error in
            (error as? ImageFileError)?.kind == .tooLarge && "\(error)".contains("16384×4096")
        }
    }

    @Test func staleTemporaries_ofDeadWriters_areRemoved_othersKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A pid above the kernel's maximum (4 194 304) is never a live process.
        let dead = ".checkpoint.safetensors.9999999-12345.tmp"
        let alive = ".checkpoint.safetensors.1-12345.tmp"       // pid 1 always runs
        let foreign = ".someone-elses.tmp"
        for name in [dead, alive, foreign, "checkpoint.safetensors"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(AtomicFile.removeStaleTemporaries(in: folder) == [dead])
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [alive, foreign, "checkpoint.safetensors"].sorted())
    }
}
