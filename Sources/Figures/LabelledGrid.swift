import GANCore

/// Images in rows under a title, with a label to the left of each row and
/// a heading above each column: a sample sheet a reader can name at a glance
/// (one row per class, or input | output | truth).
public enum LabelledGrid {
    /// - Parameters:
    ///   - rows: each row's label and its tiles, all tiles the same size.
    ///   - headings: one per column, or none.
    ///   - scale: each pixel drawn `scale × scale`.
    public static func render(
        title: String, rows: [(label: String, tiles: [RasterImage])], headings: [String] = [], scale: Int = 3
    ) -> RasterImage {
        precondition(!rows.isEmpty && !rows[0].tiles.isEmpty, "a labelled grid needs at least one tile")
        let columns = rows.map(\.tiles.count).max()!
        precondition(headings.isEmpty || headings.count == columns, "\(headings.count) headings for \(columns) columns")
        let tileWidth = rows[0].tiles[0].width * scale, tileHeight = rows[0].tiles[0].height * scale
        let label = TextStyle(), heading = TextStyle(bold: true), titleStyle = TextStyle(scale: 2, bold: true)
        let gap = 4, margin = 12
        let labelWidth = rows.map { label.width(of: $0.label) }.max()! + 10
        let titleHeight = titleStyle.lineHeight + 8
        let headingHeight = headings.isEmpty ? 0 : heading.lineHeight + 4
        let width = max(margin + labelWidth + columns * (tileWidth + gap) + margin, titleStyle.width(of: title) + 3 * margin)
        let top = margin + titleHeight + headingHeight
        let height = top + rows.count * (tileHeight + gap) + margin
        var canvas = Canvas(width: width, height: height)
        canvas.drawText(title, at: PlotPoint(Double(margin), Double(margin)), style: titleStyle, vertical: .top)
        let left = margin + labelWidth
        for (c, text) in headings.enumerated() {
            let x = Double(left + c * (tileWidth + gap) + tileWidth / 2)
            canvas.drawText(text, at: PlotPoint(x, Double(top - 4)), style: heading, horizontal: .center, vertical: .bottom)
        }
        for (r, row) in rows.enumerated() {
            let y = top + r * (tileHeight + gap)
            canvas.drawText(row.label, at: PlotPoint(Double(left - 10), Double(y + tileHeight / 2)), style: label,
                            horizontal: .right, vertical: .center)
            for (c, tile) in row.tiles.enumerated() {
                precondition(tile.width * scale == tileWidth && tile.height * scale == tileHeight, "tiles must all be one size")
                canvas.draw(tile, x: left + c * (tileWidth + gap), y: y, scale: scale)
            }
        }
        return canvas.image
    }
}
