import GANCore
/// Several plots in one image, in rows of `columns` panels, such as the
/// four panels (a)–(d) of Figure 1.
public struct PanelFigure: Sendable {
    public var panels: [LinePlot]
    public var columns: Int
    /// Size of each panel in pixels.
    public var panelWidth: Int
    public var panelHeight: Int
    /// A heading over all panels.
    public var title: String?
    public var titleStyle = TextStyle(scale: 2, bold: true, color: RGBColor(hex: 0x1A1A1A))
    public var background = RGBColor.white

    public init(panels: [LinePlot], columns: Int? = nil, title: String? = nil, panelWidth: Int = 640, panelHeight: Int = 420) {
        let columns = columns ?? panels.count
        precondition(columns >= 1, "PanelFigure needs at least one column, got \(columns)")
        precondition(panelWidth > 0 && panelHeight > 0, "PanelFigure panel size must be positive, got \(panelWidth)×\(panelHeight)")
        self.panels = panels
        self.columns = columns
        self.title = title
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
    }

    /// Rows needed for all panels.
    public var rows: Int { max(1, (panels.count + columns - 1) / columns) }

    public func render() -> RasterImage {
        let titleHeight = (title ?? "").isEmpty ? 0 : titleStyle.capHeight + 24
        var canvas = Canvas(width: columns * panelWidth, height: rows * panelHeight + titleHeight, background: background)
        if let title, !title.isEmpty {
            canvas.drawText(title, at: PlotPoint(Double(canvas.width) / 2, 16), style: titleStyle, horizontal: .center, vertical: .top)
        }
        for (index, panel) in panels.enumerated() {
            let frame = PlotRect(x: Double((index % columns) * panelWidth), y: Double(titleHeight + (index / columns) * panelHeight),
                                 width: Double(panelWidth), height: Double(panelHeight))
            panel.draw(on: &canvas, in: frame)
        }
        return canvas.image
    }
}
