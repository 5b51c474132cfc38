import CCairo
import GANCore

/// An RGB drawing surface, the ground all figures are drawn on: a Cairo
/// image surface with its context.
///
/// Cairo does the rasterising (antialiased paths, dashes, text); the
/// project's own code only places things. Pixel (i, j) covers the square
/// [i, i + 1) × [j, j + 1), so a one-pixel line is crisp when drawn through
/// pixel centres (j + 0.5). Not copyable: it owns the surface and frees it.
public struct Canvas: ~Copyable {
    public let width: Int
    public let height: Int
    let surface: OpaquePointer
    let context: OpaquePointer
    /// The first Cairo call that failed, if any: the figure then reports it
    /// as an error where it is written, instead of stopping the program.
    let failure = DrawingFailure()
    /// Drawing outside this rectangle (in pixels) is discarded; `nil` means
    /// the whole canvas. Plots clip their series to the axes with it.
    public var clip: PlotRect? {
        didSet { applyClip() }
    }

    public init(width: Int, height: Int, background: RGBColor = .white) {
        // Figure sizes are constants of the program, so a bad one is a bug, not input.
        precondition(width > 0 && height > 0 && width <= Self.maximumSide && height <= Self.maximumSide,
                     "Canvas size must lie in 1...\(Self.maximumSide) on each side, got \(width)×\(height)")
        self.width = width
        self.height = height
        surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        context = cairo_create(surface)
        note(cairo_surface_status(surface), "creating a \(width)×\(height) surface")
        note(cairo_status(context), "creating a drawing context")
        fillRectangle(PlotRect(x: 0, y: 0, width: Double(width), height: Double(height)), color: background)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Cairo's limit for image surfaces.
    public static let maximumSide = 32767

    /// Keeps the first failed call's description, with Cairo's own message.
    /// Cairo's errors are sticky: once a context has failed, later calls on
    /// it do nothing, so drawing goes on harmlessly until the figure is written.
    final class DrawingFailure {
        var message: String?
    }

    func note(_ status: cairo_status_t, _ doing: @autoclosure () -> String) {
        guard status != CAIRO_STATUS_SUCCESS, failure.message == nil else { return }
        failure.message = "cairo failed \(doing()): \(String(cString: cairo_status_to_string(status)))"
    }

    /// The picture drawn so far; if Cairo failed, a blank picture that
    /// carries the failure (`RasterImage.drawingProblem`), which writing it reports.
    public var image: RasterImage {
        note(cairo_status(context), "while drawing")
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = failure.message == nil ? cairo_image_surface_get_data(surface) : nil
        guard let data else {
            var blank = RasterImage(width: width, height: height, format: .rgb, pixels: [UInt8](repeating: 0, count: width * height * 3))
            blank.drawingProblem = failure.message ?? "cairo's surface has no pixel data"
            return blank
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        // RGB24 keeps each pixel as a native-endian 0x00RRGGBB word; the
        // surface is opaque, so nothing is premultiplied.
        for y in 0..<height {
            let row = UnsafeRawPointer(data) + y * stride
            for x in 0..<width {
                let word = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                let i = (y * width + x) * 3
                pixels[i] = UInt8(truncatingIfNeeded: word >> 16)
                pixels[i + 1] = UInt8(truncatingIfNeeded: word >> 8)
                pixels[i + 2] = UInt8(truncatingIfNeeded: word)
            }
        }
        return RasterImage(width: width, height: height, format: .rgb, pixels: pixels)
    }

    private func applyClip() {
        cairo_reset_clip(context)
        if let clip {
            cairo_rectangle(context, clip.x, clip.y, clip.width, clip.height)
            cairo_clip(context)
        }
    }

    func setSource(_ color: RGBColor, opacity: Double) {
        cairo_set_source_rgba(context, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255,
                              min(max(opacity, 0), 1))
    }

    /// Whether a rectangle is safe to hand to Cairo, whose coordinates are
    /// fixed-point numbers that overflow near ±8 million.
    private static func isDrawable(_ rect: PlotRect) -> Bool {
        [rect.x, rect.y, rect.width, rect.height].allSatisfy { $0.isFinite && abs($0) < 1e6 }
    }

    // MARK: Filled shapes

    /// Fills a rectangle; edges that fall inside a pixel cover it partly.
    public mutating func fillRectangle(_ rect: PlotRect, color: RGBColor, opacity: Double = 1) {
        guard Self.isDrawable(rect), rect.width > 0, rect.height > 0 else { return }
        setSource(color, opacity: opacity)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    /// Draws the outline of a rectangle with a crisp line of `lineWidth`
    /// pixels inside its edges.
    public mutating func strokeRectangle(_ rect: PlotRect, color: RGBColor, lineWidth: Double = 1, opacity: Double = 1) {
        guard Self.isDrawable(rect) else { return }
        let w = min(lineWidth, rect.width / 2, rect.height / 2)
        guard w > 0 else { return }
        setSource(color, opacity: opacity)
        // The path runs along the middle of the line, half its width inside the edge.
        cairo_rectangle(context, rect.x + w / 2, rect.y + w / 2, rect.width - w, rect.height - w)
        cairo_set_line_width(context, w)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        cairo_set_dash(context, nil, 0, 0)
        cairo_stroke(context)
    }

    /// Fills a disc.
    public mutating func fillCircle(center: PlotPoint, radius: Double, color: RGBColor, opacity: Double = 1) {
        guard radius > 0, Self.isDrawable(PlotRect(x: center.x, y: center.y, width: radius, height: radius)) else { return }
        setSource(color, opacity: opacity)
        cairo_new_path(context)
        cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
        cairo_fill(context)
    }

    /// Fills a polygon (nonzero winding rule).
    public mutating func fillPolygon(_ points: [PlotPoint], color: RGBColor, opacity: Double = 1) {
        let polygon = visiblePolygon(points, margin: 2)
        guard polygon.count >= 3 else { return }
        setSource(color, opacity: opacity)
        cairo_new_path(context)
        for p in polygon { cairo_line_to(context, p.x, p.y) }
        cairo_close_path(context)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_fill(context)
    }

    // MARK: Images

    /// Draws an image with its top-left corner at (x, y), each pixel as a
    /// `scale × scale` block: nearest-neighbour sampling keeps a 28-pixel
    /// sample's pixels crisp instead of blurring them.
    public mutating func draw(_ image: RasterImage, x: Int, y: Int, scale: Int = 1) {
        precondition(scale >= 1, "Canvas.draw: scale must be at least 1, got \(scale)")
        // A panel that failed to draw makes the figure that holds it fail too.
        if let problem = image.drawingProblem, failure.message == nil { failure.message = problem }
        guard image.width > 0, image.height > 0 else { return }
        let source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))
        defer { cairo_surface_destroy(source) }
        note(cairo_surface_status(source), "creating a \(image.width)×\(image.height) surface for an image")
        cairo_surface_flush(source)
        guard let data = cairo_image_surface_get_data(source) else { return }
        let stride = Int(cairo_image_surface_get_stride(source))
        for row in 0..<image.height {
            let target = UnsafeMutableRawPointer(data) + row * stride
            for column in 0..<image.width {
                let c = image.color(x: column, y: row)
                let word = UInt32(c.red) << 16 | UInt32(c.green) << 8 | UInt32(c.blue)
                target.storeBytes(of: word, toByteOffset: 4 * column, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(source)

        cairo_save(context)
        cairo_translate(context, Double(x), Double(y))
        cairo_scale(context, Double(scale), Double(scale))
        cairo_set_source_surface(context, source, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_rectangle(context, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(context)
        cairo_restore(context)
    }
}
