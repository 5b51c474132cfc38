import GANCore
/// How a raster stores one pixel: one grey byte or three sRGB bytes.
public enum PixelFormat: Sendable, Hashable {
    case gray
    case rgb

    /// Bytes per pixel.
    public var channels: Int {
        switch self {
        case .gray: 1
        case .rgb: 3
        }
    }
}

/// An 8-bit image held in memory, rows top to bottom, channels interleaved.
///
/// A plain value so that figures can be built, compared in tests and written
/// without any shared state; PNG reading and writing live in `PNGImage.swift`.
public struct RasterImage: Hashable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    public let format: PixelFormat
    /// `height` rows of `width × channels` bytes; pixel (x, y) starts at
    /// `(y * width + x) * channels`.
    public var pixels: [UInt8]
    /// Why the drawing that made this image failed (a Cairo error), or nil;
    /// `write(to:)` refuses such an image with this reason.
    public var drawingProblem: String?

    /// 1 for grey, 3 for RGB.
    public var channels: Int { format.channels }

    /// Size and format only: test failures and logs should not print every byte.
    public var description: String {
        "\(width)×\(height) \(format == .gray ? "grey" : "RGB") image"
    }

    public init(width: Int, height: Int, format: PixelFormat, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0, "RasterImage size must be non-negative, got \(width)×\(height)")
        precondition(pixels.count == width * height * format.channels,
                     "RasterImage \(width)×\(height)×\(format.channels) needs \(width * height * format.channels) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.format = format
        self.pixels = pixels
    }

    /// An image filled with one colour (its green channel for a grey image).
    public init(width: Int, height: Int, format: PixelFormat, filledWith color: RGBColor) {
        let pixel: [UInt8] = format == .gray ? [color.green] : [color.red, color.green, color.blue]
        self.init(width: width, height: height, format: format,
                  pixels: Array([[UInt8]](repeating: pixel, count: width * height).joined()))
    }

    /// A grey image from intensities in [0, 1], row-major: 0 is black, 1 white.
    /// Values outside [0, 1] are clamped and NaN becomes black, so a
    /// generator's raw output can be shown without checking it first.
    public init<Values: Collection>(grayValues values: Values, width: Int, height: Int)
    where Values.Element: BinaryFloatingPoint {
        precondition(values.count == width * height,
                     "grayValues: \(width)×\(height) image needs \(width * height) values, got \(values.count)")
        var pixels = [UInt8]()
        pixels.reserveCapacity(values.count)
        for value in values { pixels.append(Self.byte(from: value)) }
        self.init(width: width, height: height, format: .gray, pixels: pixels)
    }

    /// Row `row` of `matrix` as a `width × height` grey image (one MNIST-like
    /// sample per row, values in [0, 1]).
    public init<Scalar: BLASScalar>(grayValuesOf matrix: Matrix<Scalar>, row: Int, width: Int, height: Int) {
        precondition(row >= 0 && row < matrix.rows, "grayValuesOf: row \(row) outside 0..<\(matrix.rows)")
        precondition(matrix.columns == width * height,
                     "grayValuesOf: a \(width)×\(height) image needs \(width * height) columns, matrix has \(matrix.columns)")
        let start = row * matrix.columns
        self.init(grayValues: matrix.storage[start..<(start + matrix.columns)], width: width, height: height)
    }

    /// Row `row` of `matrix` as a `width × height` colour image: one sample
    /// per row, red, green and blue interleaved pixel by pixel, values in [0, 1].
    public init<Scalar: BLASScalar>(rgbValuesOf matrix: Matrix<Scalar>, row: Int, width: Int, height: Int) {
        precondition(row >= 0 && row < matrix.rows, "rgbValuesOf: row \(row) outside 0..<\(matrix.rows)")
        precondition(matrix.columns == width * height * 3,
                     "rgbValuesOf: a \(width)×\(height) RGB image needs \(width * height * 3) columns, matrix has \(matrix.columns)")
        let start = row * matrix.columns
        self.init(width: width, height: height, format: .rgb,
                  pixels: matrix.storage[start..<(start + matrix.columns)].map(Self.byte(from:)))
    }

    /// Each pixel repeated as a `factor × factor` block (nearest neighbour),
    /// so a 28-pixel sample can be seen without the blur of interpolation.
    public func scaled(by factor: Int) -> RasterImage {
        precondition(factor >= 1, "scale factor must be at least 1, got \(factor)")
        if factor == 1 { return self }
        let outWidth = width * factor, c = channels
        var out = [UInt8](repeating: 0, count: outWidth * height * factor * c)
        for y in 0..<(height * factor) {
            let source = (y / factor) * width * c, target = y * outWidth * c
            for x in 0..<outWidth {
                for k in 0..<c { out[target + x * c + k] = pixels[source + (x / factor) * c + k] }
            }
        }
        return RasterImage(width: outWidth, height: height * factor, format: format, pixels: out)
    }

    /// The bytes as intensities in [0, 1], in storage order.
    public func floatValues() -> [Float] {
        pixels.map { Float($0) / 255 }
    }

    /// The colour at (x, y); a grey pixel gives a grey colour.
    public func color(x: Int, y: Int) -> RGBColor {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) outside \(width)×\(height) image")
        let i = (y * width + x) * channels
        return format == .gray ? RGBColor(gray: pixels[i]) : RGBColor(red: pixels[i], green: pixels[i + 1], blue: pixels[i + 2])
    }

    /// The same picture in another format. RGB becomes grey by Rec. 709
    /// luma on the encoded values, which is close enough for previews.
    public func converted(to target: PixelFormat) -> RasterImage {
        if target == format { return self }
        switch target {
        case .rgb:
            var out = [UInt8](repeating: 0, count: width * height * 3)
            for i in 0..<(width * height) {
                out[3 * i] = pixels[i]
                out[3 * i + 1] = pixels[i]
                out[3 * i + 2] = pixels[i]
            }
            return RasterImage(width: width, height: height, format: .rgb, pixels: out)
        case .gray:
            var out = [UInt8](repeating: 0, count: width * height)
            for i in 0..<(width * height) {
                let luma = 0.2126 * Double(pixels[3 * i]) + 0.7152 * Double(pixels[3 * i + 1]) + 0.0722 * Double(pixels[3 * i + 2])
                out[i] = UInt8(min(luma.rounded(), 255))
            }
            return RasterImage(width: width, height: height, format: .gray, pixels: out)
        }
    }

    /// Whether some pixel has exactly this colour.
    public func contains(_ color: RGBColor) -> Bool {
        (0..<(width * height)).contains { i in
            let j = i * channels
            return format == .gray
                ? color.red == pixels[j] && color.green == pixels[j] && color.blue == pixels[j]
                : pixels[j] == color.red && pixels[j + 1] == color.green && pixels[j + 2] == color.blue
        }
    }

    @inline(__always)
    static func byte<Value: BinaryFloatingPoint>(from value: Value) -> UInt8 {
        guard !value.isNaN else { return 0 }
        let clamped = min(max(Double(value), 0), 1)
        return UInt8((clamped * 255).rounded())
    }
}
