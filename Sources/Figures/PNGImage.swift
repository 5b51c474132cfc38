import CPNG
import FileFormats
import Foundation
import GANCore

/// PNG files through libpng's simplified API.
///
/// The simplified API reports every failure through `png_image.message`;
/// the classic API would `longjmp` out of Swift frames on a corrupt file.
extension RasterImage {
    /// The widest or tallest image read; a PNG header can claim 2^31 − 1.
    public static let maximumSide = 16_384
    /// The most pixels read (64 Mi, 192 MiB as RGB): caps the allocation a
    /// hostile or broken header could ask for.
    public static let maximumPixelCount = 1 << 26

    /// Reads a PNG of any bit depth and colour type (grey, grey + alpha, RGB,
    /// RGBA, palette, 1–16 bits) and converts it to `format`.
    ///
    /// Transparent pixels are composited over `background`. 16-bit samples
    /// without colour-space information are taken as sRGB-encoded, like
    /// 8-bit ones (`PNG_IMAGE_FLAG_16BIT_sRGB`), so a 16-bit export of an
    /// 8-bit picture reads back the same; files with a gAMA or sRGB chunk are
    /// converted as they say. RGB becomes grey by libpng's gamma-correct luminance.
    public init(contentsOf url: URL, format: PixelFormat, background: RGBColor = .black) throws(ImageFileError) {
        let path = url.path
        if let problem = RegularFile.problem(at: path) {
            throw ImageFileError(path: path, kind: .unreadable, problem: "cannot read PNG: \(problem.description)")
        }

        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        guard path.withCString({ png_image_begin_read_from_file(&image, $0) }) != 0 else {
            let message = Self.libpngMessage(image)
            png_image_free(&image)
            throw ImageFileError(path: path, kind: .unreadable, problem: "cannot read PNG: \(Self.diagnosis(of: path, libpng: message))")
        }

        let width = Int(image.width)
        let height = Int(image.height)
        guard width <= Self.maximumSide, height <= Self.maximumSide, width * height <= Self.maximumPixelCount else {
            png_image_free(&image)
            throw ImageFileError(
                path: path, kind: .tooLarge,
                problem: "image is \(width)×\(height) pixels; at most \(Self.maximumSide) per side and \(Self.maximumPixelCount) in all are read")
        }

        // Deflate packs at most about 1 032 bytes into one, so a file this
        // small cannot hold the pixels its header declares; refusing it here
        // saves inflating (and allocating) a picture that is not there. The
        // packed rows count bits as the header declares them (1 to 16 a sample).
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if let fileBytes, let packed = Self.packedBytes(ofFile: path, width: width, height: height), packed > 1032 * fileBytes + 65_536 {
            png_image_free(&image)
            throw ImageFileError(
                path: path, kind: .tooLarge,
                problem: "the header declares \(width)×\(height) pixels (\(packed) bytes of rows), more than a file of \(fileBytes) bytes can hold (deflate packs at most 1032:1)")
        }

        image.format = format == .gray ? png_uint_32(PNG_FORMAT_GRAY) : png_uint_32(PNG_FORMAT_RGB)
        image.flags |= png_uint_32(PNG_IMAGE_FLAG_16BIT_sRGB)

        // Pre-filled with the background as well: where libpng composites
        // onto the buffer instead of using `background`, the result is the same.
        var pixels = RasterImage(width: width, height: height, format: format, filledWith: background).pixels
        var backgroundColor = png_color(red: background.red, green: background.green, blue: background.blue)
        let rowStride = png_int_32(width * format.channels)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, &backgroundColor, buffer.baseAddress, rowStride, nil)
        }
        guard finished != 0 else {
            let message = Self.libpngMessage(image)
            png_image_free(&image)
            throw ImageFileError(path: path, kind: .unreadable, problem: "cannot read PNG: \(Self.diagnosis(of: path, libpng: message))")
        }
        png_image_free(&image)
        self.init(width: width, height: height, format: format, pixels: pixels)
    }

    /// The bytes of the filtered rows a PNG's header declares: each row one
    /// filter byte and width × channels × bit depth bits, rounded up to bytes.
    /// nil when the header cannot be read (libpng has already accepted it).
    static func packedBytes(ofFile path: String, width: Int, height: Int) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // Signature (8), IHDR length and type (8), width and height (8), then bit depth and colour type.
        guard let header = try? handle.read(upToCount: 26), header.count == 26 else { return nil }
        let depth = Int(header[24])
        let channels: Int
        switch header[25] {
        case 0, 3: channels = 1  // grey, palette
        case 2: channels = 3  // RGB
        case 4: channels = 2  // grey and alpha
        case 6: channels = 4  // RGBA
        default: return nil
        }
        guard [1, 2, 4, 8, 16].contains(depth) else { return nil }
        return height * (1 + (width * channels * depth + 7) / 8)
    }

    /// Writes the image as an 8-bit PNG, atomically: the data goes to a
    /// hidden temporary file in the same folder, which is then renamed over
    /// `url`. A failed or interrupted write never leaves a half-written PNG
    /// where a reader (or a later run) would take it for a figure.
    public func write(to url: URL) throws(ImageFileError) {
        let path = url.path
        let folderURL = url.deletingLastPathComponent()
        let folder = folderURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw ImageFileError(path: path, kind: .unwritable, problem: "cannot write PNG: folder \(folder) does not exist")
        }
        guard isFolder.boolValue else {
            throw ImageFileError(path: path, kind: .unwritable, problem: "cannot write PNG: \(folder) is not a folder")
        }
        guard width > 0, height > 0 else {
            throw ImageFileError(path: path, kind: .unwritable, problem: "cannot write PNG: image is empty (\(width)×\(height))")
        }
        if let drawingProblem {
            throw ImageFileError(path: path, kind: .unwritable, problem: "cannot draw the figure: \(drawingProblem)")
        }

        let temporary = folderURL.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path

        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = format == .gray ? png_uint_32(PNG_FORMAT_GRAY) : png_uint_32(PNG_FORMAT_RGB)
        let rowStride = png_int_32(width * channels)
        errno = 0
        let written = pixels.withUnsafeBytes { buffer in
            temporary.withCString { png_image_write_to_file(&image, $0, 0, buffer.baseAddress, rowStride, nil) }
        }
        guard written != 0 else {
            let code = errno
            let reason = code == 0 ? "" : " (\(String(cString: strerror(code))))"
            let message = Self.libpngMessage(image) + reason
            png_image_free(&image)
            unlink(temporary)
            throw ImageFileError(path: path, kind: .unwritable, problem: "cannot write PNG in folder \(folder): \(message)")
        }
        png_image_free(&image)

        // Flush the data before the rename publishes it, so a crash cannot
        // leave an empty file under the final name.
        let descriptor = open(temporary, O_RDONLY)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ImageFileError(path: path, kind: .unwritable, problem: "cannot move the new PNG into place: \(reason)")
        }
    }

    /// A reason a person can act on. libpng says "Read Error" both for an
    /// empty file and for one cut short, so those are told apart here; its
    /// own words are kept for everything else.
    private static func diagnosis(of path: String, libpng message: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return message }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if head.isEmpty { return "the file is empty" }
        if Array(head) != signature { return "not a PNG file (it does not start with the PNG signature)" }
        if message == "Read Error" { return "the file ends before the image does (truncated?)" }
        return message
    }

    /// libpng's NUL-terminated `message` field, a 64-byte C array.
    private static func libpngMessage(_ image: png_image) -> String {
        let text = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng gave no reason" : text
    }
}
