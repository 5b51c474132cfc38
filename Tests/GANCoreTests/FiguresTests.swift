import Figures
import Foundation
import GANCore
import Testing

/// PNG files and sample grids: the figure layer's pixels on disk.
@Suite struct FiguresTests {
    // MARK: PNG round trips

    @Test func pngRoundTrip_gray_preservesEveryPixel() throws {
        let folder = try TemporaryFolder()
        let image = RasterImage(width: 7, height: 5, format: .gray, pixels: (0..<35).map { UInt8(($0 * 37) % 256) })
        let url = folder.url("gray.png")
        try image.write(to: url)
        #expect(try RasterImage(contentsOf: url, format: .gray) == image)
    }

    @Test func pngRoundTrip_rgb_preservesEveryPixel() throws {
        let folder = try TemporaryFolder()
        let image = RasterImage(width: 6, height: 4, format: .rgb, pixels: (0..<72).map { UInt8(($0 * 53 + 11) % 256) })
        let url = folder.url("rgb.png")
        try image.write(to: url)
        #expect(try RasterImage(contentsOf: url, format: .rgb) == image)
    }

    @Test func writing_replacesAnExistingFile_andLeavesNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        let url = folder.url("figure.png")
        try RasterImage(width: 3, height: 3, format: .gray, filledWith: .black).write(to: url)
        let second = RasterImage(width: 2, height: 1, format: .rgb, filledWith: .orange)
        try second.write(to: url)
        #expect(try folder.contents() == ["figure.png"])
        #expect(try RasterImage(contentsOf: url, format: .rgb) == second)
    }

    // MARK: Reading every kind of PNG

    @Test(arguments: EncodedCase.all)
    func reading_anyColourTypeAndBitDepth_givesTheExpectedPixels(_ testCase: EncodedCase) throws {
        let folder = try TemporaryFolder()
        let url = folder.url("case.png")
        try Data(testCase.bytes).write(to: url)

        let rgb = try RasterImage(contentsOf: url, format: .rgb)
        #expect(rgb.width == testCase.width && rgb.height == testCase.height)
        let rgbError = zip(rgb.pixels, testCase.expectedRGB).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(rgbError <= 1, "worst channel error \(rgbError): got \(rgb.pixels), expected \(testCase.expectedRGB)")

        let gray = try RasterImage(contentsOf: url, format: .gray)
        #expect(gray.format == .gray && gray.pixels.count == testCase.width * testCase.height)
        let grayError = zip(gray.pixels, testCase.expectedGray).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(grayError <= 2, "worst grey error \(grayError): got \(gray.pixels), expected \(testCase.expectedGray)")
    }

    @Test func reading_transparentPixels_compositesOverTheBackground() throws {
        let folder = try TemporaryFolder()
        let url = folder.url("alpha.png")
        // Grey + alpha: an opaque mid-grey pixel and a fully transparent one.
        let bytes = TestPNG.file(width: 2, height: 1, bitDepth: 8, colorType: 4, rows: [[128, 255, 77, 0]])
        try Data(bytes).write(to: url)
        #expect(try RasterImage(contentsOf: url, format: .gray).pixels == [128, 0])
        #expect(try RasterImage(contentsOf: url, format: .gray, background: .white).pixels == [128, 255])
    }

    @Test func reading_16BitLinearWithGammaChunk_isConvertedToSRGB() throws {
        let folder = try TemporaryFolder()
        let url = folder.url("linear16.png")
        // gAMA = 1.0 marks the samples as linear light; half intensity is
        // sRGB 0.735 (187.5 of 255), not 128. libpng's gamma tables are
        // approximate, hence the range.
        let gamma = TestPNG.bigEndian(100_000)
        let bytes = TestPNG.file(width: 3, height: 1, bitDepth: 16, colorType: 0,
                                 rows: [[0, 0, 0x80, 0x00, 0xFF, 0xFF]], chunks: [("gAMA", gamma)])
        try Data(bytes).write(to: url)
        let pixels = try RasterImage(contentsOf: url, format: .gray).pixels
        #expect(pixels[0] == 0 && pixels[2] == 255)
        #expect((184...190).contains(pixels[1]), "linear 0.5 read as \(pixels[1])")
    }

    // MARK: Broken files

    @Test(arguments: BrokenFile.allCases)
    func reading_brokenFile_throwsAnErrorNamingThePath(_ broken: BrokenFile) throws {
        let folder = try TemporaryFolder()
        let url = folder.url("broken.png")
        try broken.create(at: url)
        do {
            _ = try RasterImage(contentsOf: url, format: .rgb)
            Issue.record("reading a \(broken) file did not throw")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.description.contains(url.path), "message '\(error)' does not name the file")
            #expect(error.problem.count > "cannot read PNG: ".count, "message '\(error)' gives no reason")
        }
    }

    @Test(arguments: [(100_000, 100_000), (20_000, 10), (10, 20_000)])
    func reading_oversizedHeader_isRejectedBeforeDecoding(width: Int, height: Int) throws {
        let folder = try TemporaryFolder()
        let url = folder.url("huge.png")
        // The header plus a token IDAT: the image data is never decoded.
        try Data(TestPNG.file(width: width, height: height, bitDepth: 8, colorType: 0, rows: [[0, 0, 0, 0]])).write(to: url)
        do {
            _ = try RasterImage(contentsOf: url, format: .gray)
            Issue.record("a \(width)×\(height) header was accepted")
        } catch {
            #expect(error.kind == .tooLarge)
            #expect(error.description.contains(url.path) && error.description.contains("\(width)×\(height)"))
        }
    }

    // MARK: Writing failures

    @Test func writing_intoMissingFolder_throwsAnErrorNamingTheFolder() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url("no-such-folder")
        let url = missing.appendingPathComponent("out.png")
        do {
            try RasterImage(width: 2, height: 2, format: .gray, filledWith: .white).write(to: url)
            Issue.record("writing into a missing folder did not throw")
        } catch {
            #expect(error.kind == .unwritable)
            #expect(error.problem.contains(missing.path), "message '\(error)' does not name the folder")
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test func writing_underARegularFile_throws() throws {
        let folder = try TemporaryFolder()
        let file = folder.url("notes.txt")
        try Data("not a folder".utf8).write(to: file)
        #expect(throws: ImageFileError.self) {
            try RasterImage(width: 2, height: 2, format: .gray, filledWith: .white).write(to: file.appendingPathComponent("out.png"))
        }
    }

    @Test func writing_overAFolder_failsAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let target = folder.url("taken.png")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        do {
            try RasterImage(width: 2, height: 2, format: .rgb, filledWith: .blue).write(to: target)
            Issue.record("writing over a folder did not throw")
        } catch {
            #expect(error.kind == .unwritable && error.description.contains(target.path))
        }
        #expect(try folder.contents() == ["taken.png"])
    }

    // MARK: Float conversions

    @Test func grayValues_areClampedAndRounded() {
        let image = RasterImage(grayValues: [-1, 0, 0.5, 1, 2, .nan] as [Double], width: 3, height: 2)
        #expect(image.pixels == [0, 0, 128, 255, 255, 0])
        let floats = RasterImage(grayValues: [Float(0), 0.2, 1], width: 3, height: 1).floatValues()
        #expect(floats.count == 3 && floats[0] == 0 && floats[2] == 1 && abs(floats[1] - 0.2) <= 0.5 / 255)
    }

    @Test func grayValuesOfMatrixRow_readsThatRowOnly() {
        let matrix = Matrix<Float>(rows: 2, columns: 4, elements: [0, 0, 0, 0, 1, 0.5, 0, 1])
        let image = RasterImage(grayValuesOf: matrix, row: 1, width: 2, height: 2)
        #expect(image.pixels == [255, 128, 0, 255])
    }

    // MARK: Image grids

    @Test func grid_hasSeparatorsBetweenTiles_andKeepsTilesIntact() {
        let tiles = (0..<10).map { k in
            RasterImage(width: 28, height: 28, format: .gray, pixels: [UInt8](repeating: UInt8(10 + k), count: 28 * 28))
        }
        let grid = ImageGrid(columns: 4, separator: 2, separatorColor: RGBColor(gray: 200))
        let image = grid.render(tiles)
        #expect(image.format == .gray)
        #expect(image.width == 4 * 28 + 5 * 2 && image.height == 3 * 28 + 4 * 2)
        // Outer border, the gutter between tiles 0 and 1, and between rows.
        for (x, y) in [(0, 0), (1, 15), (30, 15), (31, 15), (15, 30), (15, 31), (image.width - 1, image.height - 1)] {
            #expect(image.color(x: x, y: y) == RGBColor(gray: 200), "pixel (\(x), \(y)) is not separator")
        }
        for k in 0..<10 {
            let (x, y) = grid.origin(ofTile: k, tileWidth: 28, tileHeight: 28)
            #expect(image.color(x: x, y: y) == RGBColor(gray: UInt8(10 + k)))
            #expect(image.color(x: x + 27, y: y + 27) == RGBColor(gray: UInt8(10 + k)))
        }
        // Cells 10 and 11 of the last row are empty.
        let (x, y) = grid.origin(ofTile: 11, tileWidth: 28, tileHeight: 28)
        #expect(image.color(x: x + 14, y: y + 14) == RGBColor(gray: 200))
    }

    @Test func grid_framedColumn_isOutlinedInTheGutterOnly() {
        let matrix = Matrix<Double>(rows: 6, columns: 16, repeating: 1)
        let grid = ImageGrid(columns: 3, separator: 1, separatorColor: .black, framedColumns: [2], frameColor: .yellow)
        let image = grid.render(rowsOf: matrix, tileWidth: 4, tileHeight: 4)
        #expect(image.format == .rgb && image.width == 3 * 4 + 4 && image.height == 2 * 4 + 3)
        let (x, y) = grid.origin(ofTile: 5, tileWidth: 4, tileHeight: 4)
        #expect(image.color(x: x - 1, y: y) == .yellow)
        #expect(image.color(x: x + 4, y: y + 3) == .yellow)
        #expect(image.color(x: x, y: y - 1) == .yellow)
        #expect(image.color(x: x, y: y) == .white && image.color(x: x + 3, y: y + 3) == .white)
        // Unframed tile 0 keeps the plain separator.
        #expect(image.color(x: 0, y: 2) == .black)
    }

}

// MARK: - Test support

/// A fresh folder under the system's temporary directory, removed when the value is.
final class TemporaryFolder {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("FiguresTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    }
}

/// Files that are not valid PNGs, one way each.
enum BrokenFile: String, CaseIterable, Sendable {
    case empty, randomBytes, textFile, truncated, corruptImageData, missing, folder

    func create(at url: URL) throws {
        let valid = TestPNG.file(width: 16, height: 16, bitDepth: 8, colorType: 2,
                                 rows: (0..<16).map { y in (0..<48).map { UInt8(($0 * 7 + y * 13) % 256) } })
        switch self {
        case .empty:
            try Data().write(to: url)
        case .randomBytes:
            // A fixed byte pattern stands in for noise so the test is repeatable.
            try Data((0..<500).map { UInt8(($0 * 197 + 91) % 251) }).write(to: url)
        case .textFile:
            try Data("P2\n2 2\n255\n0 1 2 3\n".utf8).write(to: url)
        case .truncated:
            try Data(valid.prefix(valid.count / 2)).write(to: url)
        case .corruptImageData:
            var bytes = valid
            // Past the 8-byte signature, 25-byte IHDR chunk and IDAT header.
            for i in 60..<80 { bytes[i] ^= 0x5A }
            try Data(bytes).write(to: url)
        case .missing:
            break
        case .folder:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        }
    }
}

/// One PNG colour type and bit depth, with the pixels a reader must return.
struct EncodedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let width: Int
    let height: Int
    let bytes: [UInt8]
    let expectedRGB: [UInt8]
    let expectedGray: [UInt8]

    var testDescription: String { name }

    /// Every colour type at every bit depth PNG allows.
    static let all: [EncodedCase] = {
        var cases: [EncodedCase] = []
        let width = 4, height = 2, count = 8
        // Grey at 1, 2, 4, 8 and 16 bits: sample s of depth d means s·255/(2^d − 1).
        for depth in [1, 2, 4, 8, 16] {
            let maxSample = (1 << depth) - 1
            let bytes = [0, 17, 60, 128, 200, 255, 3, 99]
            // Low depths cycle through their few levels; 8 and 16 bits use
            // spread-out levels, at 16 bits as v·257 (which is v at 8 bits).
            let samples = depth >= 8 ? bytes.map { $0 * maxSample / 255 } : (0..<count).map { ($0 * 5 + 1) % (maxSample + 1) }
            let values = samples.map { UInt8((Double($0) * 255 / Double(maxSample)).rounded()) }
            let rows = (0..<height).map { y in TestPNG.pack(Array(samples[(y * width)..<((y + 1) * width)]), depth: depth) }
            cases.append(EncodedCase(name: "grey \(depth)-bit", width: width, height: height,
                                     bytes: TestPNG.file(width: width, height: height, bitDepth: depth, colorType: 0, rows: rows),
                                     expectedRGB: values.flatMap { [$0, $0, $0] }, expectedGray: values))
        }

        // Colours: greys, primaries and a transparent pixel (alpha 0 → black).
        let colors: [(UInt8, UInt8, UInt8, UInt8)] = [
            (0, 0, 0, 255), (255, 255, 255, 255), (128, 128, 128, 255), (255, 0, 0, 255),
            (0, 255, 0, 255), (0, 0, 255, 255), (230, 159, 0, 255), (90, 180, 30, 0),
        ]
        let expectedRGB = colors.flatMap { $0.3 == 0 ? [0, 0, 0] : [$0.0, $0.1, $0.2] }
        let expectedGray = colors.map { $0.3 == 0 ? 0 : TestPNG.luminance($0.0, $0.1, $0.2) }
        for depth in [8, 16] {
            for alpha in [false, true] {
                let used = alpha ? colors : colors.map { ($0.0, $0.1, $0.2, UInt8(255)) }
                let rgb = alpha ? expectedRGB : used.flatMap { [$0.0, $0.1, $0.2] }
                let gray = alpha ? expectedGray : used.map { TestPNG.luminance($0.0, $0.1, $0.2) }
                let rows = (0..<height).map { y in
                    used[(y * width)..<((y + 1) * width)].flatMap { c in
                        let channels = alpha ? [c.0, c.1, c.2, c.3] : [c.0, c.1, c.2]
                        return channels.flatMap { depth == 8 ? [$0] : [$0, $0] }
                    }
                }
                cases.append(EncodedCase(name: "\(alpha ? "RGBA" : "RGB") \(depth)-bit", width: width, height: height,
                                         bytes: TestPNG.file(width: width, height: height, bitDepth: depth,
                                                             colorType: alpha ? 6 : 2, rows: rows),
                                         expectedRGB: rgb, expectedGray: gray))
            }
            // Grey + alpha.
            let levels: [(UInt8, UInt8)] = [(0, 255), (40, 255), (128, 255), (200, 255), (255, 255), (77, 0), (10, 255), (250, 0)]
            let rows = (0..<height).map { y in
                levels[(y * width)..<((y + 1) * width)].flatMap { g, a in depth == 8 ? [g, a] : [g, g, a, a] }
            }
            let values = levels.map { $0.1 == 0 ? UInt8(0) : $0.0 }
            cases.append(EncodedCase(name: "grey+alpha \(depth)-bit", width: width, height: height,
                                     bytes: TestPNG.file(width: width, height: height, bitDepth: depth, colorType: 4, rows: rows),
                                     expectedRGB: values.flatMap { [$0, $0, $0] }, expectedGray: values))
        }

        // Palette at 1, 2, 4 and 8 bits, with a tRNS chunk making the last entry transparent.
        for depth in [1, 2, 4, 8] {
            let entries = min(1 << depth, colors.count)
            let palette = Array(colors.prefix(entries))
            let indices = (0..<count).map { ($0 * 3) % entries }
            let rows = (0..<height).map { y in TestPNG.pack(Array(indices[(y * width)..<((y + 1) * width)]), depth: depth) }
            var alphas = [UInt8](repeating: 255, count: entries)
            alphas[entries - 1] = 0
            let bytes = TestPNG.file(width: width, height: height, bitDepth: depth, colorType: 3, rows: rows, chunks: [
                ("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] }), ("tRNS", alphas),
            ])
            let shown = indices.map { i in alphas[i] == 0 ? (UInt8(0), UInt8(0), UInt8(0)) : (palette[i].0, palette[i].1, palette[i].2) }
            cases.append(EncodedCase(name: "palette \(depth)-bit", width: width, height: height, bytes: bytes,
                                     expectedRGB: shown.flatMap { [$0.0, $0.1, $0.2] },
                                     expectedGray: shown.map { TestPNG.luminance($0.0, $0.1, $0.2) }))
        }
        return cases
    }()
}

/// A minimal PNG encoder, independent of libpng: unfiltered scanlines in
/// stored (uncompressed) deflate blocks, so tests can build any colour
/// type, bit depth or broken header byte by byte.
enum TestPNG {
    static func file(width: Int, height: Int, bitDepth: Int, colorType: Int, rows: [[UInt8]],
                     chunks: [(String, [UInt8])] = []) -> [UInt8] {
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [UInt8(bitDepth), UInt8(colorType), 0, 0, 0]
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        bytes += chunk("IHDR", header)
        for (type, data) in chunks { bytes += chunk(type, data) }
        if !rows.isEmpty {
            bytes += chunk("IDAT", zlibStored(rows.flatMap { [0] + $0 }))
        }
        bytes += chunk("IEND", [])
        return bytes
    }

    /// Samples of `depth` bits packed most significant first, 16-bit big-endian.
    static func pack(_ samples: [Int], depth: Int) -> [UInt8] {
        if depth == 16 { return samples.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        if depth == 8 { return samples.map { UInt8($0) } }
        var out: [UInt8] = []
        var current = 0, filled = 0
        for sample in samples {
            current = (current << depth) | sample
            filled += depth
            if filled == 8 {
                out.append(UInt8(current))
                current = 0
                filled = 0
            }
        }
        if filled > 0 { out.append(UInt8(current << (8 - filled))) }
        return out
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, data.count - offset)
            let final: UInt8 = offset + length == data.count ? 1 : 0
            out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += data[offset..<(offset + length)]
            offset += length
        } while offset < data.count
        return out + bigEndian(adler32(data))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return (b << 16) | a
    }

    /// sRGB colour to sRGB grey by luminance computed in linear light, as
    /// libpng's simplified reader does.
    static func luminance(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func linear(_ c: UInt8) -> Double {
            let v = Double(c) / 255
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        let encoded = y <= 0.0031308 ? 12.92 * y : 1.055 * pow(y, 1 / 2.4) - 0.055
        return UInt8((encoded * 255).rounded())
    }
}
