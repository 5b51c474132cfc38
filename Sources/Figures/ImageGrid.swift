import GANCore
/// Tiles many small images into one, in rows of `columns`, with thin
/// separators: the sample sheets of Figure 2.
///
/// Figure 2 outlines its rightmost column, the training example nearest to
/// the sample beside it, to show the model has not memorised the data;
/// `framedColumns` draws such outlines in the separator band, so no tile
/// pixel is covered.
public struct ImageGrid: Sendable {
    public var columns: Int
    /// Separator width in pixels, also the outer border.
    public var separator: Int
    public var separatorColor: RGBColor
    /// Columns (0-based) whose tiles get an outline of `frameColor`.
    public var framedColumns: Set<Int>
    public var frameColor: RGBColor

    public init(columns: Int, separator: Int = 2, separatorColor: RGBColor = .white,
                framedColumns: Set<Int> = [], frameColor: RGBColor = .yellow) {
        precondition(columns >= 1, "ImageGrid needs at least one column, got \(columns)")
        precondition(separator >= 0, "ImageGrid separator must be non-negative, got \(separator)")
        precondition(framedColumns.allSatisfy { $0 >= 0 && $0 < columns },
                     "ImageGrid framedColumns \(framedColumns.sorted()) must lie in 0..<\(columns)")
        self.columns = columns
        self.separator = separator
        self.separatorColor = separatorColor
        self.framedColumns = framedColumns
        self.frameColor = frameColor
    }

    /// Pixel size of a grid of `count` tiles of `tileWidth × tileHeight`.
    public func size(tileWidth: Int, tileHeight: Int, count: Int) -> (width: Int, height: Int) {
        let rows = max(1, (count + columns - 1) / columns)
        return (columns * tileWidth + (columns + 1) * separator, rows * tileHeight + (rows + 1) * separator)
    }

    /// The top-left pixel of tile `index`.
    public func origin(ofTile index: Int, tileWidth: Int, tileHeight: Int) -> (x: Int, y: Int) {
        let row = index / columns, column = index % columns
        return (separator + column * (tileWidth + separator), separator + row * (tileHeight + separator))
    }

    /// The grid of `tiles`, which must all have one size. Grey when tiles,
    /// separators and frames are all grey, RGB otherwise. Cells after the
    /// last tile are left in the separator colour.
    public func render(_ tiles: [RasterImage]) -> RasterImage {
        guard let first = tiles.first else {
            preconditionFailure("ImageGrid.render: no tiles to lay out")
        }
        let tileWidth = first.width, tileHeight = first.height
        precondition(tiles.allSatisfy { $0.width == tileWidth && $0.height == tileHeight },
                     "ImageGrid.render: every tile must be \(tileWidth)×\(tileHeight)")
        let isGray: (RGBColor) -> Bool = { $0.red == $0.green && $0.green == $0.blue }
        let gray = tiles.allSatisfy { $0.format == .gray } && isGray(separatorColor) && framedColumns.isEmpty
        let format: PixelFormat = gray ? .gray : .rgb
        let (width, height) = size(tileWidth: tileWidth, tileHeight: tileHeight, count: tiles.count)
        var out = RasterImage(width: width, height: height, format: format, filledWith: separatorColor)
        let channels = format.channels

        for (index, tile) in tiles.enumerated() {
            let source = tile.converted(to: format)
            let (x0, y0) = origin(ofTile: index, tileWidth: tileWidth, tileHeight: tileHeight)
            for y in 0..<tileHeight {
                let from = y * tileWidth * channels
                let to = ((y0 + y) * width + x0) * channels
                out.pixels.replaceSubrange(to..<(to + tileWidth * channels), with: source.pixels[from..<(from + tileWidth * channels)])
            }
            if framedColumns.contains(index % columns) && separator > 0 {
                let outline = [frameColor.red, frameColor.green, frameColor.blue]
                for y in (y0 - separator)..<(y0 + tileHeight + separator) {
                    for x in (x0 - separator)..<(x0 + tileWidth + separator) {
                        let insideTile = x >= x0 && x < x0 + tileWidth && y >= y0 && y < y0 + tileHeight
                        if !insideTile {
                            let i = (y * width + x) * 3
                            out.pixels.replaceSubrange(i..<(i + 3), with: outline)
                        }
                    }
                }
            }
        }
        return out
    }

    /// The grid of the first `count` rows of `matrix`, each a
    /// `tileWidth × tileHeight` grey image with values in [0, 1].
    public func render<Scalar: BLASScalar>(rowsOf matrix: Matrix<Scalar>, tileWidth: Int, tileHeight: Int, count: Int? = nil) -> RasterImage {
        let count = count ?? matrix.rows
        precondition(count >= 1 && count <= matrix.rows, "ImageGrid.render(rowsOf:): count \(count) outside 1...\(matrix.rows)")
        let tiles = (0..<count).map { RasterImage(grayValuesOf: matrix, row: $0, width: tileWidth, height: tileHeight) }
        return render(tiles)
    }
}
