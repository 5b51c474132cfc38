import Figures
import Foundation
import GANCore

/// The image of the single-image warm-up: a data-set item or any PNG, as one
/// row of values in [0, 1] (H × W × C, channels interleaved pixel by pixel),
/// no larger than `maximumSide` on either side.
public struct WarmUpImage {
    /// Longer side, in pixels, above which a PNG is shrunk (the networks have
    /// a weight per pixel and channel; 64 × 64 keeps the warm-up to seconds).
    public static let maximumSide = 64

    public let pixels: Matrix<Float>
    public let width: Int
    public let height: Int
    /// 1 for grey, 3 for RGB.
    public let channels: Int
    /// Where the image came from, for the demo's words.
    public let source: String

    public init(pixels: Matrix<Float>, width: Int, height: Int, channels: Int = 1, source: String) {
        precondition(channels == 1 || channels == 3, "a warm-up image is grey (1 channel) or RGB (3), got \(channels)")
        precondition(pixels.rows == 1 && pixels.columns == width * height * channels,
                     "a \(width)×\(height)×\(channels) image needs one row of \(width * height * channels) values")
        self.pixels = pixels
        self.width = width
        self.height = height
        self.channels = channels
        self.source = source
    }

    /// Reads a PNG in colour, or as grey when every pixel is grey (so a grey
    /// picture is not learnt three times over); throws an `ImageFileError`
    /// naming the file if it is not a readable PNG.
    public init(contentsOf url: URL) throws(ImageFileError) {
        var raster = try RasterImage(contentsOf: url, format: .rgb)
        if raster.isGrey { raster = raster.converted(to: .gray) }
        let shrunk = Self.shrink(raster, maximumSide: Self.maximumSide)
        self.init(pixels: Matrix(rows: 1, columns: shrunk.pixels.count, elements: shrunk.floatValues()),
                  width: shrunk.width, height: shrunk.height, channels: shrunk.channels, source: url.lastPathComponent)
    }

    /// The image as a raster, at `scale` × its size.
    public func raster(of row: Matrix<Float>, scale: Int = 1) -> RasterImage {
        let image = channels == 3
            ? RasterImage(rgbValuesOf: row, row: 0, width: width, height: height)
            : RasterImage(grayValuesOf: row, row: 0, width: width, height: height)
        return image.scaled(by: scale)
    }

    /// A box filter: each output pixel is the mean of the input pixels whose
    /// centres fall in its footprint, channel by channel, so the longer side
    /// becomes at most `maximumSide`.
    public static func shrink(_ image: RasterImage, maximumSide: Int) -> RasterImage {
        let longer = max(image.width, image.height)
        guard longer > maximumSide else { return image }
        let scale = Double(longer) / Double(maximumSide)
        let width = max(1, Int((Double(image.width) / scale).rounded()))
        let height = max(1, Int((Double(image.height) / scale).rounded()))
        let c = image.channels
        var sums = [Double](repeating: 0, count: width * height * c)
        var counts = [Int](repeating: 0, count: width * height)
        for y in 0..<image.height {
            let oy = min(height - 1, Int((Double(y) + 0.5) * Double(height) / Double(image.height)))
            for x in 0..<image.width {
                let ox = min(width - 1, Int((Double(x) + 0.5) * Double(width) / Double(image.width)))
                let target = oy * width + ox
                for k in 0..<c { sums[target * c + k] += Double(image.pixels[(y * image.width + x) * c + k]) }
                counts[target] += 1
            }
        }
        let bytes = sums.indices.map { i in
            UInt8(min(255, max(0, (sums[i] / Double(max(counts[i / c], 1))).rounded())))
        }
        return RasterImage(width: width, height: height, format: image.format, pixels: bytes)
    }
}

extension RasterImage {
    /// Whether every pixel has equal red, green and blue (always true of a grey image).
    var isGrey: Bool {
        guard format == .rgb else { return true }
        for i in stride(from: 0, to: pixels.count, by: 3) where pixels[i] != pixels[i + 1] || pixels[i] != pixels[i + 2] {
            return false
        }
        return true
    }
}
