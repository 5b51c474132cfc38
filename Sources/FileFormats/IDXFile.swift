import Foundation
import GANCore

/// The IDX format of MNIST and Fashion-MNIST: a 4-byte magic number, one
/// big-endian 32-bit size per dimension, then the data, row-major.
///
/// ```
/// magic:  0x00 0x00 <type> <dimension count>     type 0x08 = unsigned byte
/// images: 0x00000803, count, rows, columns, then count·rows·columns bytes
/// labels: 0x00000801, count,                then count bytes
/// ```
/// Files may be gzip'd or plain; both read the same way. Nothing in the
/// header is trusted: the sizes must multiply without overflow, stay under
/// `maximumDataBytes`, and match the data actually present, exactly.
enum IDXFile {
    /// Which of the two IDX files of an MNIST-style set is expected.
    enum Kind {
        case images, labels

        var dimensionCount: UInt8 { self == .images ? 3 : 1 }
        var magic: UInt32 { 0x0000_0800 | UInt32(dimensionCount) }
        var name: String { self == .images ? "images" : "labels" }
    }

    /// The most data bytes read from one file, 1 GiB: twenty times the
    /// 47 MB of MNIST's training images, and a bound on what a damaged
    /// header can make the reader allocate.
    static let maximumDataBytes = 1 << 30

    /// Reads a whole IDX file of `kind`: its dimensions and its data bytes.
    static func read(_ url: URL, as kind: Kind) throws(DataFileError) -> (dimensions: [Int], data: [UInt8]) {
        let path = url.path
        let reader = try GzipReader(path: path)

        let magicBytes = try reader.read(count: 4)
        let got = magicBytes.count
        guard got == 4 else {
            throw DataFileError(
                path: path, kind: .truncated,
                problem: got == 0 ? "the file is empty; expected IDX \(kind.name)"
                    : "the file ends after \(got) bytes, inside the IDX header")
        }
        try checkMagic(magicBytes, kind: kind, path: path)

        let headerBytes = 4 + 4 * Int(kind.dimensionCount)
        let sizeBytes = try reader.read(count: headerBytes - 4)
        let gotSizes = sizeBytes.count
        guard gotSizes == headerBytes - 4 else {
            throw DataFileError(
                path: path, kind: .truncated,
                problem: "the file ends after \(4 + gotSizes) bytes, inside the \(headerBytes)-byte IDX header")
        }
        let dimensions = (0..<Int(kind.dimensionCount)).map { i in
            sizeBytes[(4 * i)..<(4 * i + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        let declared = describe(dimensions, kind: kind)

        if kind == .images, dimensions[1] == 0 || dimensions[2] == 0 {
            throw DataFileError(path: path, kind: .corrupt, problem: "the header declares \(declared), which have no pixels")
        }
        // Three 32-bit sizes can multiply past Int.max.
        var dataBytes = 1
        for size in dimensions {
            let (product, overflow) = dataBytes.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maximumDataBytes else {
                throw DataFileError(
                    path: path, kind: .tooLarge,
                    problem: "the header declares \(declared), more than the \(maximumDataBytes >> 20) MiB of data read from one file")
            }
            dataBytes = product
        }

        // A plain file's length is known: check it before allocating.
        if reader.isPlain, let fileSize = reader.fileSize() {
            let present = fileSize - headerBytes
            guard present >= dataBytes else {
                throw DataFileError(
                    path: path, kind: .truncated,
                    problem: "the header declares \(declared) (\(dataBytes) bytes) but only \(present) bytes follow it: the file is truncated")
            }
            guard present == dataBytes else {
                throw DataFileError(
                    path: path, kind: .corrupt,
                    problem: "the header declares \(declared) (\(dataBytes) bytes) but \(present) bytes follow it")
            }
        }

        // A gzip'd file's length is known only once inflated: reserve what
        // the header declares only up to 16 times the compressed size (MNIST
        // inflates 2–5 times), and let the array grow past that as data
        // arrive, so a lying header costs no more than the data present.
        var data = [UInt8]()
        data.reserveCapacity(min(dataBytes, max(1 << 20, 16 * (reader.fileSize() ?? 0))))
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: min(1 << 20, max(dataBytes, 1)), alignment: 16)
        defer { chunk.deallocate() }
        while data.count < dataBytes {
            let want = min(chunk.count, dataBytes - data.count)
            let arrived = try reader.read(into: chunk.baseAddress!, count: want)
            data.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<arrived]))
            if arrived < want { break }
        }
        guard data.count == dataBytes else {
            throw DataFileError(
                path: path, kind: .truncated,
                problem: "the header declares \(declared) (\(dataBytes) bytes) but the data ends after \(data.count): the file is truncated")
        }
        // One more read runs zlib to the end of the stream, where it checks
        // the CRC-32 and the length in the gzip trailer.
        var extra: UInt8 = 0
        let more = try reader.read(into: &extra, count: 1)
        guard more == 0 else {
            throw DataFileError(
                path: path, kind: .corrupt,
                problem: "the file holds more data than the \(declared) its header declares")
        }
        return (dimensions, data)
    }

    /// Rejects anything but unsigned-byte IDX data with `kind`'s dimension count.
    private static func checkMagic(_ bytes: [UInt8], kind: Kind, path: String) throws(DataFileError) {
        let magic = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let shown = "0x" + bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let expected = "0x" + String(kind.magic, radix: 16).leftPadded(to: 8)
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DataFileError(
                path: path, kind: .wrongFormat,
                problem: "not an IDX file (nor gzip'd IDX): it starts with \(shown), expected the magic number \(expected) of IDX \(kind.name)")
        }
        guard bytes[2] == 0x08 else {
            throw DataFileError(
                path: path, kind: .wrongFormat,
                problem: "IDX magic number \(shown) declares element type 0x\(String(bytes[2], radix: 16).leftPadded(to: 2)); only unsigned bytes (0x08, magic \(expected) for \(kind.name)) are read")
        }
        guard magic == kind.magic else {
            let other = bytes[3] == 1 ? " (IDX labels)" : bytes[3] == 3 ? " (IDX images)" : ""
            throw DataFileError(
                path: path, kind: .wrongFormat,
                problem: "IDX magic number is \(shown)\(other), expected \(expected) for \(kind.name) (\(kind.dimensionCount) dimension\(kind.dimensionCount == 1 ? "" : "s"))")
        }
    }

    /// "60000 images of 28×28 pixels", "60000 labels".
    private static func describe(_ dimensions: [Int], kind: Kind) -> String {
        kind == .images ? "\(dimensions[0]) images of \(dimensions[1])×\(dimensions[2]) pixels" : "\(dimensions[0]) labels"
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
