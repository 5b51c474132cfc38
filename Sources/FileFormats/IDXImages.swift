import Foundation
import GANCore

/// Grey images from an IDX file (`…-images-idx3-ubyte`, plain or gzip'd):
/// `count` images of `rows × columns` bytes, 0 black to 255 white.
///
/// The bytes are kept as read; `matrix` scales them to [0, 1], one image per
/// row, which is what the networks take.
public struct IDXImages: Sendable, Hashable {
    public let count: Int
    public let rows: Int
    public let columns: Int
    /// Image after image, each row after row: pixel (r, c) of image i is at
    /// `(i * rows + r) * columns + c`.
    public let pixels: [UInt8]

    /// Pixels per image, `rows × columns` (784 for MNIST).
    public var pixelsPerImage: Int { rows * columns }

    public init(count: Int, rows: Int, columns: Int, pixels: [UInt8]) {
        precondition(count >= 0 && rows > 0 && columns > 0,
                     "IDXImages needs count ≥ 0 and positive sizes, got \(count) of \(rows)×\(columns)")
        precondition(pixels.count == count * rows * columns,
                     "IDXImages: \(count) images of \(rows)×\(columns) need \(count * rows * columns) bytes, got \(pixels.count)")
        self.count = count
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
    }

    /// Reads an IDX image file (magic 0x00000803), gzip'd or plain.
    ///
    /// Throws a `DataFileError` naming the file when it is missing, is not
    /// IDX images, is truncated or corrupt, or declares absurd sizes.
    public init(contentsOf url: URL) throws(DataFileError) {
        let (dimensions, data) = try IDXFile.read(url, as: .images)
        self.init(count: dimensions[0], rows: dimensions[1], columns: dimensions[2], pixels: data)
    }

    /// The images in `range`, as a new value.
    public func images(_ range: Range<Int>) -> IDXImages {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "images(\(range)) outside 0..<\(count)")
        let size = pixelsPerImage
        return IDXImages(
            count: range.count, rows: rows, columns: columns,
            pixels: Array(pixels[(range.lowerBound * size)..<(range.upperBound * size)]))
    }

    /// The images in `range` (all by default) as a matrix with one image per
    /// row and every pixel scaled to [0, 1]:
    ///
    /// ```
    /// x[i, r·columns + c] = pixel(i, r, c) / 255
    /// ```
    /// Inlinable, so that callers get a loop specialised to their scalar
    /// type: the generic one copies each element through a witness table.
    @inlinable
    public func matrix<Scalar: BLASScalar>(_ range: Range<Int>? = nil, as _: Scalar.Type = Float.self) -> Matrix<Scalar> {
        let range = range ?? 0..<count
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "matrix(\(range)) outside 0..<\(count)")
        let size = pixelsPerImage
        let result = Matrix<Scalar>(rows: range.count, columns: size)
        guard result.count > 0 else { return result }
        let output = result.base
        let total = result.count
        pixels.withUnsafeBufferPointer { source in
            let input = source.baseAddress! + range.lowerBound * size
            for i in 0..<total { output[i] = Scalar(input[i]) / 255 }
        }
        return result
    }
}
