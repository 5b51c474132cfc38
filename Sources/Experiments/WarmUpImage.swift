import Foundation
import GANCore

/// The image of the single-image warm-up: a data-set item or any PNG, as one
/// row of grey values in [0, 1], no larger than `maximumSide` on either side.
public struct WarmUpImage {
    /// Longer side, in pixels, above which a PNG is shrunk (the networks have
    /// a weight per pixel; 64 × 64 keeps the warm-up to seconds).
    public static let maximumSide = 64

    public let pixels: Matrix<Float>
    public let width: Int
    public let height: Int
    /// Where the image came from, for the demo's words.
    public let source: String

    public init(pixels: Matrix<Float>, width: Int, height: Int, source: String) {
        precondition(pixels.rows == 1 && pixels.columns == width * height, "a \(width)×\(height) image needs one row of \(width * height) values")
        self.pixels = pixels
        self.width = width
        self.height = height
        self.source = source
    }

    /// Reads a PNG as grey; throws an `ImageFileError` naming the file if it is not a readable PNG.
    public init(contentsOf url: URL) throws(ImageFileError) {
        let raster = try RasterImage(contentsOf: url, format: .gray)
        let shrunk = Self.shrink(raster, maximumSide: Self.maximumSide)
        self.init(pixels: Matrix(rows: 1, columns: shrunk.width * shrunk.height, elements: shrunk.floatValues()),
                  width: shrunk.width, height: shrunk.height, source: url.lastPathComponent)
    }

    /// A box filter: each output pixel is the mean of the input pixels whose
    /// centres fall in its footprint, so the longer side becomes at most `maximumSide`.
    public static func shrink(_ image: RasterImage, maximumSide: Int) -> RasterImage {
        precondition(image.format == .gray, "shrink works on grey images")
        let longer = max(image.width, image.height)
        guard longer > maximumSide else { return image }
        let scale = Double(longer) / Double(maximumSide)
        let width = max(1, Int((Double(image.width) / scale).rounded()))
        let height = max(1, Int((Double(image.height) / scale).rounded()))
        var sums = [Double](repeating: 0, count: width * height)
        var counts = [Int](repeating: 0, count: width * height)
        for y in 0..<image.height {
            let oy = min(height - 1, Int((Double(y) + 0.5) * Double(height) / Double(image.height)))
            for x in 0..<image.width {
                let ox = min(width - 1, Int((Double(x) + 0.5) * Double(width) / Double(image.width)))
                sums[oy * width + ox] += Double(image.pixels[y * image.width + x])
                counts[oy * width + ox] += 1
            }
        }
        let bytes = zip(sums, counts).map { UInt8(min(255, max(0, ($0 / Double(max($1, 1))).rounded()))) }
        return RasterImage(width: width, height: height, format: .gray, pixels: bytes)
    }
}
