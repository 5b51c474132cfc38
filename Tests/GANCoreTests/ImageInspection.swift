import Figures
import GANCore

// Checks on rendered pictures that ask what is where, not which bytes:
// Cairo's antialiasing may change a pixel's shade between versions, so no
// test compares exact bytes of a drawing.

/// The smallest box holding every pixel that is not `background`, or `nil` for a blank image.
func inkBounds(_ image: RasterImage, background: RGBColor = .white) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
    pixels(of: image) { $0 != background }
}

/// The smallest box holding every pixel for which `matches` holds.
func pixels(of image: RasterImage, where matches: (RGBColor) -> Bool) -> (minX: Int, minY: Int, maxX: Int, maxY: Int)? {
    var bounds: (Int, Int, Int, Int)?
    for y in 0..<image.height {
        for x in 0..<image.width where matches(image.color(x: x, y: y)) {
            let b = bounds ?? (x, y, x, y)
            bounds = (min(b.0, x), min(b.1, y), max(b.2, x), max(b.3, y))
        }
    }
    return bounds.map { ($0.0, $0.1, $0.2, $0.3) }
}

/// The part of `image` in the given rectangle.
func crop(_ image: RasterImage, x: Int, y: Int, width: Int, height: Int) -> RasterImage {
    var pixels: [UInt8] = []
    for row in y..<(y + height) {
        let start = (row * image.width + x) * image.channels
        pixels += image.pixels[start..<(start + width * image.channels)]
    }
    return RasterImage(width: width, height: height, format: image.format, pixels: pixels)
}

/// How many separate runs of ink row `y` holds: 1 for a solid line, one per dash otherwise.
func inkRuns(in image: RasterImage, row y: Int, background: RGBColor = .white) -> Int {
    var count = 0, inRun = false
    for x in 0..<image.width {
        let inked = image.color(x: x, y: y) != background
        if inked && !inRun { count += 1 }
        inRun = inked
    }
    return count
}

/// Whether the `width × height` region at (x, y) is made of whole
/// `block × block` squares of one colour each: an image enlarged without
/// interpolation.
func isBlocky(_ image: RasterImage, x: Int, y: Int, width: Int, height: Int, block: Int) -> Bool {
    for row in 0..<height {
        for column in 0..<width {
            let corner = image.color(x: x + column / block * block, y: y + row / block * block)
            if image.color(x: x + column, y: y + row) != corner { return false }
        }
    }
    return true
}
