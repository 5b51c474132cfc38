import CCairo
import GANCore

/// The measures of a text style's font, from Cairo.
///
/// Layout asks for widths and heights before any canvas exists, so they are
/// read from a scaled font of its own, built with the same face, size and
/// options the canvas draws with: what is measured is what is drawn. A font
/// Cairo cannot make measures as empty, and the same failure then puts the
/// canvas that draws with it in error, which writing the figure reports.
struct FontMetrics {
    /// Installed with Debian's fonts-dejavu-core; it has ², η, §, −, ½ and ≈.
    static let family = "DejaVu Sans"

    let size: Double
    let bold: Bool

    init(_ style: TextStyle) {
        size = style.fontSize
        bold = style.bold
    }

    private var weight: cairo_font_weight_t { bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL }

    /// Greyscale antialiasing (no colour fringes in a PNG) and slight
    /// hinting, the same for measuring and drawing.
    private static func withOptions<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        let options = cairo_font_options_create()!
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_ON)
        return body(options)
    }

    /// Sets this font on a context, for the text drawn next.
    func select(on context: OpaquePointer) {
        cairo_select_font_face(context, Self.family, CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(context, size)
        Self.withOptions { cairo_set_font_options(context, $0) }
    }

    private func withScaledFont<Result>(_ body: (OpaquePointer) -> Result) -> Result {
        let face = cairo_toy_font_face_create(Self.family, CAIRO_FONT_SLANT_NORMAL, weight)
        defer { cairo_font_face_destroy(face) }
        var fontMatrix = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&fontMatrix, size, size)
        cairo_matrix_init_identity(&identity)
        return Self.withOptions { options in
            let font = cairo_scaled_font_create(face, &fontMatrix, &identity, options)
            defer { cairo_scaled_font_destroy(font) }
            return body(font!)
        }
    }

    /// How far the pen moves over `text`, in pixels.
    func advance(of text: String) -> Double {
        withScaledFont { font in
            var extents = cairo_text_extents_t()
            cairo_scaled_font_text_extents(font, text, &extents)
            return extents.x_advance
        }
    }

    /// Height of a capital H above the baseline.
    var capHeight: Double {
        withScaledFont { font in
            var extents = cairo_text_extents_t()
            cairo_scaled_font_text_extents(font, "H", &extents)
            return -extents.y_bearing
        }
    }

    /// How far the font's descenders reach below the baseline.
    var descent: Double {
        withScaledFont { font in
            var extents = cairo_font_extents_t()
            cairo_scaled_font_extents(font, &extents)
            return extents.descent
        }
    }

    /// The font's distance between baselines.
    var lineHeight: Double {
        withScaledFont { font in
            var extents = cairo_font_extents_t()
            cairo_scaled_font_extents(font, &extents)
            return extents.height
        }
    }
}
