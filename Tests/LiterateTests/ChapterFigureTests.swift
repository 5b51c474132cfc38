import Figures
import Foundation
import Literate
import Testing

/// The figures a chapter embeds (`figures/NAME.png`, committed in
/// Chapters/figures/) against what its demos draw now: the transcripts'
/// shared render (`TranscriptRenders`) writes them, and each must equal the
/// committed file, byte for byte where the encoder gives the same bytes,
/// otherwise pixel for pixel within `FigureComparison`'s tolerance.
/// `tools/refresh-figures` rewrites them.
@Suite struct ChapterFigureTests {
    /// Figures no transcript can draw again, and why.
    static let exempt: [String: String] = Dictionary(uniqueKeysWithValues: [
        "chapter6-full-class-histogram.png", "chapter6-full-figure-2.png", "chapter6-full-figure-3.png",
        "chapter6-full-real-beside-generated.png",
    ].map { ($0, "drawn by `study evaluate` from the final checkpoint of a full run, which is not committed (Chapters/records keeps its numbers, not its samples)") })

    static let figures = LiterateTests.root.appendingPathComponent("Chapters/figures")

    static let embedded = try! NSRegularExpression(pattern: #"\]\(figures/([^)\s]+\.png)\)"#)

    /// The figures `document` embeds, in order, each once.
    static func embeddedFigures(_ document: ChapterDocument) -> [String] {
        let text = document.text
        let names = embedded.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
        return names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    @Test(arguments: LiterateTests.chapterNames)
    func chapterFigures_matchWhatTheDemosDraw(_ name: String) async throws {
        let document = try LiterateTests.document(name)
        let renders = try await LiterateTests.renders(of: document)
        for figure in Self.embeddedFigures(document) where Self.exempt[figure] == nil {
            let drawn = renders.values.map { $0.figures.appendingPathComponent(figure) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
            guard let fresh = drawn.first else {
                Issue.record("\(name) embeds figures/\(figure), which none of its transcripts draws and which is not exempt")
                continue
            }
            let committed = Self.figures.appendingPathComponent(figure)
            let difference = try FigureComparison(committed: committed, fresh: fresh)
            #expect(difference.matches, "figures/\(figure): \(difference). Run tools/refresh-figures to update.")
        }
    }

    /// Every committed figure is embedded by some chapter, so it is checked or exempt.
    @Test func everyCommittedFigure_isEmbeddedByAChapter() throws {
        let embedded = Set(try LiterateTests.chapterNames.flatMap { Self.embeddedFigures(try LiterateTests.document($0)) })
        let committed = try FileManager.default.contentsOfDirectory(atPath: Self.figures.path).filter { $0.hasSuffix(".png") }
        #expect(committed.filter { !embedded.contains($0) }.isEmpty, "figures no chapter embeds")
        #expect(Set(Self.exempt.keys).isSubset(of: embedded), "exempt figures no chapter embeds")
    }
}

/// A committed figure against a fresh render: equal bytes, or decoded
/// pixels of the same size that differ in at most `maximumShare` of their
/// channel values, each by at most `maximumStep` levels of 255. That allows
/// the last-bit differences another CPU's libm or another libpng or zlib can
/// make (an antialiased edge or a sample's pixel one level off), and no
/// moved curve, changed word or new sample, which change many values or one
/// by far more.
struct FigureComparison: CustomStringConvertible {
    static let maximumShare = 0.001
    static let maximumStep = 2

    let sameBytes: Bool
    let sizes: (committed: String, fresh: String)
    /// Channel values that differ at all, and the largest difference.
    let differing: Int, values: Int, largestStep: Int

    init(committed: URL, fresh: URL) throws {
        let same = try Data(contentsOf: committed) == Data(contentsOf: fresh)
        let one = try RasterImage(contentsOf: committed, format: .rgb), two = try RasterImage(contentsOf: fresh, format: .rgb)
        self.init(one, two, sameBytes: same)
    }

    init(_ one: RasterImage, _ two: RasterImage, sameBytes: Bool = false) {
        self.sameBytes = sameBytes
        sizes = ("\(one.width)×\(one.height)", "\(two.width)×\(two.height)")
        values = one.pixels.count
        guard one.width == two.width && one.height == two.height else {
            (differing, largestStep) = (values, 255)
            return
        }
        var differing = 0, largest = 0
        for (x, y) in zip(one.pixels, two.pixels) where x != y {
            differing += 1
            largest = max(largest, abs(Int(x) - Int(y)))
        }
        (self.differing, largestStep) = (differing, largest)
    }

    var matches: Bool {
        sameBytes || (sizes.committed == sizes.fresh
            && Double(differing) <= Self.maximumShare * Double(values) && largestStep <= Self.maximumStep)
    }

    var description: String {
        if sameBytes { return "the same bytes" }
        if sizes.committed != sizes.fresh { return "committed \(sizes.committed), drawn \(sizes.fresh)" }
        return "\(differing) of \(values) channel values differ (at most \(Int(Self.maximumShare * Double(values))) may), "
            + "by up to \(largestStep) levels (at most \(Self.maximumStep))"
    }
}

/// The comparison passes the same pixels in other bytes and fails stale pictures.
@Suite struct FigureComparisonTests {
    static func committed(_ name: String) throws -> RasterImage {
        try RasterImage(contentsOf: ChapterFigureTests.figures.appendingPathComponent(name), format: .rgb)
    }

    /// A PNG chunk: length, type, data and the CRC-32 of type and data (ISO 3309, as PNG defines it).
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in body {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc)
    }

    @Test func samePixelsInOtherBytes_match() throws {
        let original = ChapterFigureTests.figures.appendingPathComponent("figure-1.png")
        // The same image with a text chunk before IEND (the last 12 bytes): other bytes, the same pixels.
        let bytes = [UInt8](try Data(contentsOf: original))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("figure-copy-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: copy) }
        try Data(bytes.dropLast(12) + Self.chunk("tEXt", Array("Comment\0another encoder".utf8)) + bytes.suffix(12)).write(to: copy)
        let comparison = try FigureComparison(committed: original, fresh: copy)
        #expect(!comparison.sameBytes && comparison.matches, "\(comparison)")
    }

    @Test func lastLevelDifferences_match() throws {
        var image = try Self.committed("figure-1.png")
        let original = image
        for i in stride(from: 0, to: image.pixels.count, by: 5000) { image.pixels[i] = image.pixels[i] < 255 ? image.pixels[i] + 1 : 254 }
        #expect(FigureComparison(original, image).matches)
    }

    @Test func negativeControls_aChangedPatchManyOneLevelChangesOrAnotherSizeFail() throws {
        let original = try Self.committed("figure-1.png")
        // A 6×6 patch of another colour: a changed word or a moved mark.
        var patch = original
        for y in 100..<106 { for x in 100..<106 { for c in 0..<3 { patch.pixels[(y * original.width + x) * 3 + c] ^= 0x40 } } }
        #expect(!FigureComparison(original, patch).matches)
        // One value in a hundred one level off: a curve redrawn from other numbers.
        var shifted = original
        for i in stride(from: 0, to: shifted.pixels.count, by: 100) { shifted.pixels[i] = shifted.pixels[i] < 255 ? shifted.pixels[i] + 1 : 254 }
        #expect(!FigureComparison(original, shifted).matches)
        // Another size.
        let smaller = RasterImage(width: original.width - 1, height: original.height, format: .rgb,
                                  pixels: [UInt8](repeating: 0, count: (original.width - 1) * original.height * 3))
        #expect(!FigureComparison(original, smaller).matches)
    }
}
