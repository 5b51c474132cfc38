import CZlib
import FileFormats
import Foundation
import GANCore
import Testing

/// A folder under the system's temporary directory, removed when released.
final class ScratchFolder {
    let url: URL

    init(_ label: String) {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ganstudy-\(label)-\(getpid())-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The names in the folder, sorted, hidden ones included.
    func contents() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }
}

/// Small IDX files built byte by byte, plain or gzip'd through zlib's own
/// writer (`gzopen`/`gzwrite`), independent of the reader under test.
enum IDXFixtures {
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// An IDX image file: magic 0x00000803, the three sizes, the pixels.
    static func imageFile(count: Int, rows: Int, columns: Int, pixels: [UInt8]) -> [UInt8] {
        bigEndian(0x0803) + bigEndian(UInt32(count)) + bigEndian(UInt32(rows)) + bigEndian(UInt32(columns)) + pixels
    }

    /// An IDX label file: magic 0x00000801, the count, the labels.
    static func labelFile(_ labels: [UInt8]) -> [UInt8] {
        bigEndian(0x0801) + bigEndian(UInt32(labels.count)) + labels
    }

    /// Distinct, easily checked pixels: every value 0–255 occurs for 256+ pixels.
    static func pixels(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + 11) }
    }

    static func writePlain(_ bytes: [UInt8], to url: URL) {
        try! Data(bytes).write(to: url)
    }

    /// Writes `bytes` gzip'd, with zlib's default compression.
    static func writeGzip(_ bytes: [UInt8], to url: URL) {
        guard let file = gzopen(url.path, "wb") else { fatalError("gzopen failed for \(url.path)") }
        if !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            precondition(written == Int32(bytes.count), "gzwrite wrote \(written) of \(bytes.count) bytes")
        }
        precondition(gzclose(file) == Z_OK, "gzclose failed")
    }

    static func write(_ bytes: [UInt8], to url: URL, gzip: Bool) {
        gzip ? writeGzip(bytes, to: url) : writePlain(bytes, to: url)
    }

    static func bytes(of url: URL) -> [UInt8] { [UInt8](try! Data(contentsOf: url)) }

    /// A folder in MNIST's layout with `trainCount` and `testCount` images of 4×3.
    static func dataSetFolder(
        _ folder: ScratchFolder, trainCount: Int, testCount: Int, gzip: Bool,
        trainLabelCount: Int? = nil, testSize: (rows: Int, columns: Int) = (4, 3)
    ) {
        let suffix = gzip ? ".gz" : ""
        write(imageFile(count: trainCount, rows: 4, columns: 3, pixels: pixels(trainCount * 12)),
              to: folder.file("train-images-idx3-ubyte" + suffix), gzip: gzip)
        write(labelFile((0..<(trainLabelCount ?? trainCount)).map { UInt8($0 % 10) }),
              to: folder.file("train-labels-idx1-ubyte" + suffix), gzip: gzip)
        let testPixels = testCount * testSize.rows * testSize.columns
        write(imageFile(count: testCount, rows: testSize.rows, columns: testSize.columns, pixels: pixels(testPixels).reversed()),
              to: folder.file("t10k-images-idx3-ubyte" + suffix), gzip: gzip)
        write(labelFile((0..<testCount).map { UInt8(9 - $0 % 10) }), to: folder.file("t10k-labels-idx1-ubyte" + suffix), gzip: gzip)
    }
}

/// The IDX reader: exact round trips, Fashion-MNIST's real shapes, and one
/// clear error naming the file for every kind of bad input.
@Suite struct IDXTests {
    /// Expects `body` to throw a `DataFileError` of `kind` whose message
    /// starts with `path` and mentions every one of `words`.
    func expectError(
        _ kind: DataFileError.Kind, path: URL, mentioning words: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) {
        let error = #expect(throws: DataFileError.self, sourceLocation: sourceLocation) { try body() }
        guard let error else { return }
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.path == path.path, sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(path.path + ": "), sourceLocation: sourceLocation)
        for word in words {
            #expect(error.problem.contains(word), "“\(error.problem)” should mention “\(word)”", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [false, true])
    func images_roundTripExactly(gzip: Bool) throws {
        let folder = ScratchFolder("idx")
        let url = folder.file("images")
        let pixels = IDXFixtures.pixels(7 * 5 * 3)
        IDXFixtures.write(IDXFixtures.imageFile(count: 7, rows: 5, columns: 3, pixels: pixels), to: url, gzip: gzip)
        let images = try IDXImages(contentsOf: url)
        #expect(images == IDXImages(count: 7, rows: 5, columns: 3, pixels: pixels))
        #expect(images.pixelsPerImage == 15)
    }

    @Test(arguments: [false, true])
    func labels_roundTripExactly(gzip: Bool) throws {
        let folder = ScratchFolder("idx")
        let url = folder.file("labels")
        let values: [UInt8] = [3, 1, 4, 1, 5, 9, 2, 6]
        IDXFixtures.write(IDXFixtures.labelFile(values), to: url, gzip: gzip)
        #expect(try IDXLabels(contentsOf: url).values == values)
    }

    @Test func largerThanZlibsBuffer_roundTripsExactly() throws {
        // 3 MiB of pixels crosses both the 1 MiB zlib buffer and the 1 MiB read chunk.
        let folder = ScratchFolder("idx")
        let url = folder.file("images.gz")
        let pixels = IDXFixtures.pixels(4_000 * 28 * 28)
        IDXFixtures.writeGzip(IDXFixtures.imageFile(count: 4_000, rows: 28, columns: 28, pixels: pixels), to: url)
        #expect(try IDXImages(contentsOf: url).pixels == pixels)
    }

    @Test func emptyImageSet_isRead() throws {
        let folder = ScratchFolder("idx")
        let url = folder.file("images")
        IDXFixtures.writePlain(IDXFixtures.imageFile(count: 0, rows: 28, columns: 28, pixels: []), to: url)
        let images = try IDXImages(contentsOf: url)
        #expect(images.count == 0 && images.rows == 28 && images.matrix().rows == 0)
    }

    @Test func matrix_scalesPixelsToTheUnitInterval() {
        let images = IDXImages(count: 3, rows: 1, columns: 2, pixels: [0, 255, 51, 102, 1, 254])
        let all: Matrix<Double> = images.matrix(as: Double.self)
        #expect(all.rows == 3 && all.columns == 2)
        #expect(all.elements == [0, 1, 0.2, 0.4, 1.0 / 255, 254.0 / 255])
        let last = images.matrix(1..<3)
        #expect(last.rows == 2)
        #expect(last.elements == [Float(0.2), 0.4, Float(1) / 255, Float(254) / 255])
        #expect(images.images(1..<2).pixels == [51, 102])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: DataSet.fashionMNISTFolder.path), "needs dataset-fashion-mnist"))
    func fashionMNIST_hasTheDocumentedShapesAndLabels() throws {
        let data = try DataSet()
        #expect(data.training.count == 50_000)
        #expect(data.validation.count == 10_000)
        #expect(data.test.count == 10_000)
        for part in [data.training, data.validation, data.test] {
            #expect(part.images.rows == 28 && part.images.columns == 28)
            #expect(Set(part.labels.values) == Set(0...9))
        }
        // Read independently with Python's gzip module: the first training
        // labels, the first image's pixel sum, and 1 000 test images per class.
        #expect(Array(data.training.labels.values.prefix(5)) == [9, 0, 0, 3, 0])
        #expect(data.training.images.pixels.prefix(784).reduce(0) { $0 + Int($1) } == 76_247)
        for label in UInt8(0)...9 { #expect(data.test.labels.values.count { $0 == label } == 1_000) }
    }

    @Test(arguments: [false, true])
    func dataSet_splitsTheTrainingFileAndKeepsTheTestFile(gzip: Bool) throws {
        let folder = ScratchFolder("dataset")
        IDXFixtures.dataSetFolder(folder, trainCount: 12, testCount: 5, gzip: gzip)
        let data = try DataSet(folder: folder.url, split: DataSplit(training: 0..<8, validation: 8..<12))
        let all = IDXFixtures.pixels(12 * 12)
        #expect(data.training.images.pixels == Array(all[0..<(8 * 12)]))
        #expect(data.validation.images.pixels == Array(all[(8 * 12)...]))
        #expect(data.validation.labels.values == [8, 9, 0, 1])
        #expect(data.test.count == 5 && data.test.labels.values == [9, 8, 7, 6, 5])
    }

    @Test func dataSet_findsTheDottedSpelling() throws {
        let folder = ScratchFolder("dataset")
        IDXFixtures.dataSetFolder(folder, trainCount: 4, testCount: 2, gzip: false)
        try FileManager.default.moveItem(at: folder.file("train-images-idx3-ubyte"), to: folder.file("train-images.idx3-ubyte"))
        #expect(try DataSet(folder: folder.url, split: DataSplit(training: 0..<3, validation: 3..<4)).training.count == 3)
    }

    @Test func authorsSplit_isTheReleasedConfiguration() {
        #expect(DataSplit.authors.training == 0..<50_000)
        #expect(DataSplit.authors.validation == 50_000..<60_000)
        #expect(DataSplit.authors.requiredRows == 60_000)
    }

    // MARK: Bad input

    @Test(arguments: [false, true])
    func labelsReadAsImages_failsOnTheMagicNumber(gzip: Bool) {
        let folder = ScratchFolder("idx")
        let url = folder.file("labels")
        IDXFixtures.write(IDXFixtures.labelFile([1, 2, 3]), to: url, gzip: gzip)
        expectError(.wrongFormat, path: url, mentioning: ["0x00000801", "0x00000803"]) { _ = try IDXImages(contentsOf: url) }
        let images = folder.file("images")
        IDXFixtures.write(IDXFixtures.imageFile(count: 1, rows: 1, columns: 1, pixels: [0]), to: images, gzip: gzip)
        expectError(.wrongFormat, path: images, mentioning: ["0x00000803", "0x00000801"]) { _ = try IDXLabels(contentsOf: images) }
    }

    @Test func notIDXAtAll_failsOnTheMagicNumber() {
        let folder = ScratchFolder("idx")
        let url = folder.file("picture.png")
        IDXFixtures.writePlain([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 40), to: url)
        expectError(.wrongFormat, path: url, mentioning: ["not an IDX file", "0x89504e47"]) { _ = try IDXImages(contentsOf: url) }
        let floats = folder.file("floats")
        IDXFixtures.writePlain(IDXFixtures.bigEndian(0x0D03) + [UInt8](repeating: 1, count: 12), to: floats)
        expectError(.wrongFormat, path: floats, mentioning: ["0x0d", "unsigned bytes"]) { _ = try IDXImages(contentsOf: floats) }
    }

    @Test func emptyAndShortFiles_areTruncated() {
        let folder = ScratchFolder("idx")
        let empty = folder.file("empty")
        IDXFixtures.writePlain([], to: empty)
        expectError(.truncated, path: empty, mentioning: ["empty"]) { _ = try IDXImages(contentsOf: empty) }
        let short = folder.file("short")
        IDXFixtures.writePlain(Array(IDXFixtures.imageFile(count: 1, rows: 2, columns: 2, pixels: [1, 2, 3, 4]).prefix(10)), to: short)
        expectError(.truncated, path: short, mentioning: ["header"]) { _ = try IDXImages(contentsOf: short) }
    }

    @Test(arguments: [false, true])
    func truncatedData_isReportedAsTruncated(gzip: Bool) {
        let folder = ScratchFolder("idx")
        let url = folder.file("images")
        let whole = IDXFixtures.imageFile(count: 10, rows: 4, columns: 4, pixels: IDXFixtures.pixels(160))
        IDXFixtures.write(Array(whole.prefix(100)), to: url, gzip: gzip)
        expectError(.truncated, path: url, mentioning: ["10 images of 4×4 pixels", "truncated"]) { _ = try IDXImages(contentsOf: url) }
    }

    @Test func truncatedGzip_isReportedAsTruncated() {
        let folder = ScratchFolder("idx")
        let whole = folder.file("whole.gz")
        IDXFixtures.writeGzip(IDXFixtures.imageFile(count: 50, rows: 8, columns: 8, pixels: IDXFixtures.pixels(3200)), to: whole)
        let bytes = IDXFixtures.bytes(of: whole)
        // Cut inside the deflate data, and inside the 8-byte trailer (CRC-32, length).
        for length in [bytes.count / 2, bytes.count - 3] {
            let url = folder.file("cut-\(length).gz")
            IDXFixtures.writePlain(Array(bytes.prefix(length)), to: url)
            expectError(.truncated, path: url, mentioning: ["truncated"]) { _ = try IDXImages(contentsOf: url) }
        }
    }

    @Test func corruptGzip_isReportedAsCorrupt() {
        let folder = ScratchFolder("idx")
        let whole = folder.file("whole.gz")
        IDXFixtures.writeGzip(IDXFixtures.imageFile(count: 50, rows: 8, columns: 8, pixels: IDXFixtures.pixels(3200)), to: whole)
        let bytes = IDXFixtures.bytes(of: whole)
        // A wrong CRC-32 in the trailer: the data inflate, the check fails.
        var badChecksum = bytes
        badChecksum[bytes.count - 8] ^= 0x01
        let url = folder.file("crc.gz")
        IDXFixtures.writePlain(badChecksum, to: url)
        expectError(.corrupt, path: url, mentioning: ["corrupt gzip data"]) { _ = try IDXImages(contentsOf: url) }
        // An invalid deflate block type (0b11) in the first block header, just after the 10-byte gzip header.
        var badBlock = bytes
        badBlock[10] |= 0b110
        let block = folder.file("block.gz")
        IDXFixtures.writePlain(badBlock, to: block)
        expectError(.corrupt, path: block, mentioning: ["corrupt gzip data"]) { _ = try IDXImages(contentsOf: block) }
    }

    @Test func absurdHeaderSizes_failBeforeAllocating() {
        let folder = ScratchFolder("idx")
        // 2³²−1 in every dimension: the product overflows 64 bits.
        let huge = folder.file("huge")
        IDXFixtures.writePlain(IDXFixtures.bigEndian(0x0803) + [UInt8](repeating: 0xFF, count: 12), to: huge)
        expectError(.tooLarge, path: huge, mentioning: ["4294967295 images"]) { _ = try IDXImages(contentsOf: huge) }
        let hugeLabels = folder.file("huge-labels.gz")
        IDXFixtures.writeGzip(IDXFixtures.bigEndian(0x0801) + [0xFF, 0xFF, 0xFF, 0xFF], to: hugeLabels)
        expectError(.tooLarge, path: hugeLabels, mentioning: ["4294967295 labels"]) { _ = try IDXLabels(contentsOf: hugeLabels) }
        // 900 MB declared, under the cap, with 10 bytes present: a plain file
        // fails on its length, a gzip'd one once the data run out.
        let claim = IDXFixtures.bigEndian(0x0803) + IDXFixtures.bigEndian(1_000_000) + IDXFixtures.bigEndian(30) + IDXFixtures.bigEndian(30)
        for gzip in [false, true] {
            let url = folder.file("claim\(gzip ? ".gz" : "")")
            IDXFixtures.write(claim + [UInt8](repeating: 7, count: 10), to: url, gzip: gzip)
            expectError(.truncated, path: url, mentioning: ["1000000 images of 30×30 pixels"]) { _ = try IDXImages(contentsOf: url) }
        }
        let flat = folder.file("flat")
        IDXFixtures.writePlain(IDXFixtures.imageFile(count: 5, rows: 0, columns: 28, pixels: []), to: flat)
        expectError(.corrupt, path: flat, mentioning: ["no pixels"]) { _ = try IDXImages(contentsOf: flat) }
    }

    @Test(arguments: [false, true])
    func trailingData_isCorrupt(gzip: Bool) {
        let folder = ScratchFolder("idx")
        let url = folder.file("labels")
        IDXFixtures.write(IDXFixtures.labelFile([1, 2, 3]) + [4], to: url, gzip: gzip)
        expectError(.corrupt, path: url, mentioning: ["3 labels"]) { _ = try IDXLabels(contentsOf: url) }
    }

    @Test func missingFileAndFolder_areNamed() {
        let folder = ScratchFolder("idx")
        let missing = folder.file("nothing-here")
        expectError(.missing, path: missing, mentioning: ["no such file"]) { _ = try IDXImages(contentsOf: missing) }
        expectError(.unreadable, path: folder.url, mentioning: ["folder"]) { _ = try IDXLabels(contentsOf: folder.url) }
    }

    @Test func labelCountNotMatchingImages_namesTheLabelFile() {
        let folder = ScratchFolder("dataset")
        IDXFixtures.dataSetFolder(folder, trainCount: 6, testCount: 2, gzip: true, trainLabelCount: 5)
        expectError(.mismatch, path: folder.file("train-labels-idx1-ubyte.gz"), mentioning: ["5 labels", "6 images"]) {
            _ = try DataSet(folder: folder.url, split: DataSplit(training: 0..<4, validation: 4..<5))
        }
    }

    @Test func testImagesOfAnotherSize_nameTheTestFile() {
        let folder = ScratchFolder("dataset")
        IDXFixtures.dataSetFolder(folder, trainCount: 6, testCount: 2, gzip: false, testSize: (5, 5))
        expectError(.mismatch, path: folder.file("t10k-images-idx3-ubyte"), mentioning: ["5×5", "4×3"]) {
            _ = try DataSet(folder: folder.url, split: DataSplit(training: 0..<4, validation: 4..<6))
        }
    }

    @Test func tooFewRowsForTheSplit_namesTheTrainingFile() {
        let folder = ScratchFolder("dataset")
        IDXFixtures.dataSetFolder(folder, trainCount: 6, testCount: 2, gzip: false)
        expectError(.mismatch, path: folder.file("train-images-idx3-ubyte"), mentioning: ["holds 6 images", "60000"]) {
            _ = try DataSet(folder: folder.url)
        }
    }

    @Test func missingFilesAndFolders_areNamed() throws {
        let folder = ScratchFolder("dataset")
        IDXFixtures.dataSetFolder(folder, trainCount: 6, testCount: 2, gzip: true)
        try FileManager.default.removeItem(at: folder.file("t10k-labels-idx1-ubyte.gz"))
        expectError(.missing, path: folder.file("t10k-labels-idx1-ubyte"), mentioning: ["no such file", "t10k-labels-idx1-ubyte.gz"]) {
            _ = try DataSet(folder: folder.url, split: DataSplit(training: 0..<4, validation: 4..<6))
        }
        let nowhere = folder.file("no-such-folder")
        expectError(.missing, path: nowhere, mentioning: ["no such folder"]) { _ = try DataSet(folder: nowhere) }
    }
}
