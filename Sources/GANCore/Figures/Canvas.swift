/// A point in a figure: pixels on a canvas, or data units in a plot.
public struct PlotPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle; on a canvas, y grows downwards.
public struct PlotRect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// The rectangle shrunk by `amount` on every side.
    public func inset(by amount: Double) -> PlotRect {
        PlotRect(x: x + amount, y: y + amount, width: max(width - 2 * amount, 0), height: max(height - 2 * amount, 0))
    }

    public func intersects(_ other: PlotRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}

/// An RGB drawing surface with anti-aliased shapes, the ground all figures
/// are drawn on.
///
/// Pixel (i, j) covers the square [i, i + 1) × [j, j + 1), so a one-pixel
/// line is crisp when drawn through pixel centres (j + 0.5). Every shape is
/// turned into a coverage value per pixel and blended in one pass, which
/// keeps the joints of thick polylines free of darker overlap spots.
public struct Canvas: Sendable {
    public let width: Int
    public let height: Int
    /// RGB bytes, row by row.
    public private(set) var pixels: [UInt8]
    /// Drawing outside this rectangle (in pixels) is discarded; `nil` means
    /// the whole canvas. Plots clip their series to the axes with it.
    public var clip: PlotRect?

    public init(width: Int, height: Int, background: RGBColor = .white) {
        precondition(width > 0 && height > 0, "Canvas size must be positive, got \(width)×\(height)")
        self.width = width
        self.height = height
        pixels = RasterImage(width: width, height: height, format: .rgb, filledWith: background).pixels
    }

    /// The picture drawn so far.
    public var image: RasterImage {
        RasterImage(width: width, height: height, format: .rgb, pixels: pixels)
    }

    /// Integer pixel bounds [x0, x1) × [y0, y1) of the drawable area that
    /// a shape with this bounding box may touch.
    func pixelBounds(minX: Double, minY: Double, maxX: Double, maxY: Double) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        guard !minX.isNaN, !minY.isNaN, !maxX.isNaN, !maxY.isNaN else { return nil }
        var left = 0.0, top = 0.0, right = Double(width), bottom = Double(height)
        if let clip {
            left = max(left, clip.minX)
            top = max(top, clip.minY)
            right = min(right, clip.maxX)
            bottom = min(bottom, clip.maxY)
        }
        // Clamped before conversion: a point far off the canvas (a curve
        // through 1e300) must not overflow Int.
        func clamped(_ value: Double, _ low: Double, _ high: Double) -> Double { min(max(value, low), high) }
        let x0 = Int(clamped(minX, left, right).rounded(.down)), y0 = Int(clamped(minY, top, bottom).rounded(.down))
        let x1 = Int(clamped(maxX, left, right).rounded(.up)), y1 = Int(clamped(maxY, top, bottom).rounded(.up))
        guard x0 < x1, y0 < y1 else { return nil }
        return (x0, y0, x1, y1)
    }

    /// Blends `color` over pixel (x, y) with weight `alpha` in [0, 1].
    @inline(__always)
    mutating func blend(x: Int, y: Int, color: RGBColor, alpha: Double) {
        guard alpha > 0 else { return }
        let i = (y * width + x) * 3
        if alpha >= 1 {
            pixels[i] = color.red
            pixels[i + 1] = color.green
            pixels[i + 2] = color.blue
            return
        }
        @inline(__always) func mix(_ old: UInt8, _ new: UInt8) -> UInt8 {
            UInt8((Double(old) + (Double(new) - Double(old)) * alpha).rounded())
        }
        pixels[i] = mix(pixels[i], color.red)
        pixels[i + 1] = mix(pixels[i + 1], color.green)
        pixels[i + 2] = mix(pixels[i + 2], color.blue)
    }

    /// Blends a coverage mask whose top-left pixel is (`originX`, `originY`).
    mutating func composite(_ mask: CoverageMask, color: RGBColor, opacity: Double) {
        for row in 0..<mask.height {
            for column in 0..<mask.width {
                let coverage = Double(mask.values[row * mask.width + column])
                if coverage > 0 {
                    blend(x: mask.originX + column, y: mask.originY + row, color: color, alpha: min(coverage, 1) * opacity)
                }
            }
        }
    }

    // MARK: Filled shapes

    /// Fills a rectangle; edges that fall inside a pixel cover it partly.
    public mutating func fillRectangle(_ rect: PlotRect, color: RGBColor, opacity: Double = 1) {
        guard let b = pixelBounds(minX: rect.minX, minY: rect.minY, maxX: rect.maxX, maxY: rect.maxY) else { return }
        for y in b.y0..<b.y1 {
            let coverY = min(rect.maxY, Double(y + 1)) - max(rect.minY, Double(y))
            guard coverY > 0 else { continue }
            for x in b.x0..<b.x1 {
                let coverX = min(rect.maxX, Double(x + 1)) - max(rect.minX, Double(x))
                if coverX > 0 { blend(x: x, y: y, color: color, alpha: coverX * coverY * opacity) }
            }
        }
    }

    /// Draws the outline of a rectangle with a crisp line of `lineWidth`
    /// pixels inside its edges.
    public mutating func strokeRectangle(_ rect: PlotRect, color: RGBColor, lineWidth: Double = 1, opacity: Double = 1) {
        let w = min(lineWidth, rect.width / 2, rect.height / 2)
        fillRectangle(PlotRect(x: rect.minX, y: rect.minY, width: rect.width, height: w), color: color, opacity: opacity)
        fillRectangle(PlotRect(x: rect.minX, y: rect.maxY - w, width: rect.width, height: w), color: color, opacity: opacity)
        fillRectangle(PlotRect(x: rect.minX, y: rect.minY + w, width: w, height: rect.height - 2 * w), color: color, opacity: opacity)
        fillRectangle(PlotRect(x: rect.maxX - w, y: rect.minY + w, width: w, height: rect.height - 2 * w), color: color, opacity: opacity)
    }

    /// Fills a disc with an anti-aliased rim.
    public mutating func fillCircle(center: PlotPoint, radius: Double, color: RGBColor, opacity: Double = 1) {
        guard radius > 0,
              let b = pixelBounds(minX: center.x - radius - 1, minY: center.y - radius - 1,
                                  maxX: center.x + radius + 1, maxY: center.y + radius + 1) else { return }
        for y in b.y0..<b.y1 {
            for x in b.x0..<b.x1 {
                let dx = Double(x) + 0.5 - center.x
                let dy = Double(y) + 0.5 - center.y
                // Distance to the rim in pixels approximates the covered area.
                let coverage = min(max(radius + 0.5 - (dx * dx + dy * dy).squareRoot(), 0), 1)
                    * min(radius * 2, 1)
                blend(x: x, y: y, color: color, alpha: coverage * opacity)
            }
        }
    }

    /// Fills a polygon (nonzero winding rule).
    ///
    /// Four sub-scanlines per pixel row, with exact horizontal coverage on
    /// each, give 4×∞ anti-aliasing at the cost of a sort per sub-scanline.
    public mutating func fillPolygon(_ points: [PlotPoint], color: RGBColor, opacity: Double = 1) {
        guard points.count >= 3 else { return }
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let b = pixelBounds(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!) else { return }
        let spanWidth = b.x1 - b.x0
        let subRows = 4
        let weight = 1 / Double(subRows)
        var row = [Double](repeating: 0, count: spanWidth)
        var crossings: [(x: Double, winding: Int)] = []
        for y in b.y0..<b.y1 {
            for i in row.indices { row[i] = 0 }
            for sub in 0..<subRows {
                let sy = Double(y) + (Double(sub) + 0.5) / Double(subRows)
                crossings.removeAll(keepingCapacity: true)
                for i in points.indices {
                    let p = points[i], q = points[(i + 1) % points.count]
                    if (p.y <= sy) != (q.y <= sy) {
                        let x = p.x + (sy - p.y) / (q.y - p.y) * (q.x - p.x)
                        crossings.append((x, q.y > p.y ? 1 : -1))
                    }
                }
                crossings.sort { $0.x < $1.x }
                var winding = 0
                for (index, crossing) in crossings.enumerated() {
                    winding += crossing.winding
                    if winding != 0, index + 1 < crossings.count {
                        addSpan(&row, from: crossing.x - Double(b.x0), to: crossings[index + 1].x - Double(b.x0), weight: weight)
                    }
                }
            }
            for i in 0..<spanWidth where row[i] > 0 {
                blend(x: b.x0 + i, y: y, color: color, alpha: min(row[i], 1) * opacity)
            }
        }
    }

    /// Adds `weight` × (the part of each pixel inside [from, to)) to `row`.
    private func addSpan(_ row: inout [Double], from: Double, to: Double, weight: Double) {
        let a = max(from, 0), b = min(to, Double(row.count))
        guard a < b else { return }
        let first = Int(a), last = Int(b)
        if first == last {
            row[first] += (b - a) * weight
            return
        }
        row[first] += (Double(first + 1) - a) * weight
        for i in (first + 1)..<last { row[i] += weight }
        if last < row.count { row[last] += (b - Double(last)) * weight }
    }

    /// Copies an image onto the canvas with its top-left corner at (x, y).
    public mutating func draw(_ image: RasterImage, x: Int, y: Int) {
        for row in 0..<image.height where y + row >= 0 && y + row < height {
            for column in 0..<image.width where x + column >= 0 && x + column < width {
                blend(x: x + column, y: y + row, color: image.color(x: column, y: row), alpha: 1)
            }
        }
    }
}

/// Per-pixel coverage of a shape, over the shape's bounding box only.
struct CoverageMask {
    let originX: Int
    let originY: Int
    let width: Int
    let height: Int
    var values: [Float]

    init(x0: Int, y0: Int, x1: Int, y1: Int) {
        originX = x0
        originY = y0
        width = x1 - x0
        height = y1 - y0
        values = [Float](repeating: 0, count: width * height)
    }

    /// Raises the coverage of the pixels within `halfWidth` of segment a–b
    /// (a capsule: round caps and joins). Taking the maximum, not the sum,
    /// is what keeps overlapping pieces of one stroke from darkening.
    mutating func stampSegment(_ a: PlotPoint, _ b: PlotPoint, halfWidth: Double, strength: Double) {
        let reach = halfWidth + 1
        func clamped(_ value: Double, _ low: Int, _ high: Int) -> Int {
            Int(min(max(value, Double(low)), Double(high)))
        }
        let x0 = clamped((min(a.x, b.x) - reach).rounded(.down), originX, originX + width)
        let x1 = clamped((max(a.x, b.x) + reach).rounded(.up), originX, originX + width)
        let y0 = clamped((min(a.y, b.y) - reach).rounded(.down), originY, originY + height)
        let y1 = clamped((max(a.y, b.y) + reach).rounded(.up), originY, originY + height)
        guard x0 < x1, y0 < y1 else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        for y in y0..<y1 {
            let py = Double(y) + 0.5
            for x in x0..<x1 {
                let px = Double(x) + 0.5
                var t = lengthSquared > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / lengthSquared : 0
                t = min(max(t, 0), 1)
                let ex = px - (a.x + t * dx), ey = py - (a.y + t * dy)
                let distance = (ex * ex + ey * ey).squareRoot()
                let coverage = Float(min(max(halfWidth + 0.5 - distance, 0), 1) * strength)
                let index = (y - originY) * width + (x - originX)
                if coverage > values[index] { values[index] = coverage }
            }
        }
    }
}
