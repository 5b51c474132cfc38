import GANCore
/// A filled shape drawn at each data point of a series.
public enum Marker: Sendable, Hashable, CaseIterable {
    case circle, square, diamond, triangle
}

/// One curve of a plot: points joined in order, with its look and legend label.
public struct Series: Sendable {
    /// Legend text; a series without one is left out of the legend.
    public var label: String?
    public var x: [Double]
    public var y: [Double]
    /// `nil` takes the next colour of `RGBColor.palette`.
    public var color: RGBColor?
    /// `nil` draws no line, only markers.
    public var style: LineStyle?
    /// Line width in pixels.
    public var width: Double
    public var marker: Marker?
    /// Marker diameter in pixels.
    public var markerSize: Double
    /// Opacity of a fill between the curve and y = 0 (0 draws none).
    public var fillOpacity: Double

    public init(
        label: String? = nil, x: [Double], y: [Double], color: RGBColor? = nil, style: LineStyle? = .solid,
        width: Double = 2, marker: Marker? = nil, markerSize: Double = 7, fillOpacity: Double = 0
    ) {
        precondition(x.count == y.count, "Series '\(label ?? "")': \(x.count) x values but \(y.count) y values")
        self.label = label
        self.x = x
        self.y = y
        self.color = color
        self.style = style
        self.width = width
        self.marker = marker
        self.markerSize = markerSize
        self.fillOpacity = fillOpacity
    }

    /// A curve of `function` sampled at `count` evenly spaced points of `domain`.
    public init(
        label: String? = nil, sampling function: (Double) -> Double, over domain: ClosedRange<Double>, count: Int = 401,
        color: RGBColor? = nil, style: LineStyle? = .solid, width: Double = 2, fillOpacity: Double = 0
    ) {
        precondition(count >= 2, "Series(sampling:): need at least 2 samples, got \(count)")
        let xs = (0..<count).map { domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double($0) / Double(count - 1) }
        self.init(label: label, x: xs, y: xs.map(function), color: color, style: style, width: width, fillOpacity: fillOpacity)
    }
}

/// A horizontal or vertical line across the whole plot at a fixed value,
/// such as D = ½ or C(G) = −log 4.
public struct ReferenceLine: Sendable {
    public enum Orientation: Sendable, Hashable {
        case horizontal, vertical
    }

    public var orientation: Orientation
    /// The y value of a horizontal line, the x value of a vertical one.
    public var value: Double
    /// Written beside the line, at its right (horizontal) or top (vertical) end.
    public var label: String?
    public var color: RGBColor
    public var style: LineStyle
    public var width: Double

    public init(orientation: Orientation, value: Double, label: String? = nil,
                color: RGBColor = RGBColor(gray: 0x70), style: LineStyle = .dashed, width: Double = 1.5) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.color = color
        self.style = style
        self.width = width
    }

    public static func horizontal(y: Double, label: String? = nil, color: RGBColor = RGBColor(gray: 0x70),
                                  style: LineStyle = .dashed, width: Double = 1.5) -> ReferenceLine {
        ReferenceLine(orientation: .horizontal, value: y, label: label, color: color, style: style, width: width)
    }

    public static func vertical(x: Double, label: String? = nil, color: RGBColor = RGBColor(gray: 0x70),
                                style: LineStyle = .dashed, width: Double = 1.5) -> ReferenceLine {
        ReferenceLine(orientation: .vertical, value: x, label: label, color: color, style: style, width: width)
    }
}

/// Marks placed in data coordinates: segments, arrows, points and text.
///
/// Unlike series they are clipped to the panel, not the axes, so the z → x
/// mapping of Figure 1 can be drawn below the x axis.
public enum Annotation: Sendable {
    case segment(from: PlotPoint, to: PlotPoint, color: RGBColor = .black, width: Double = 1.5, style: LineStyle = .solid)
    case arrow(from: PlotPoint, to: PlotPoint, color: RGBColor = .black, width: Double = 1.5, style: LineStyle = .solid)
    case point(PlotPoint, color: RGBColor = .black, diameter: Double = 6)
    case text(String, at: PlotPoint, style: TextStyle = TextStyle(), horizontal: HorizontalAlignment = .left,
              vertical: VerticalAlignment = .center)
}

/// One axis of a plot.
public struct Axis: Sendable {
    /// Written along the axis; empty for none.
    public var label: String
    /// Fixed limits; `nil` fits the data.
    public var range: ClosedRange<Double>?
    /// Tick marks, tick labels and grid lines.
    public var showsTicks: Bool
    /// About how many intervals the ticks cut the axis into; `nil` picks
    /// one from the plot's size.
    public var tickCount: Int?

    public init(label: String = "", range: ClosedRange<Double>? = nil, showsTicks: Bool = true, tickCount: Int? = nil) {
        self.label = label
        self.range = range
        self.showsTicks = showsTicks
        self.tickCount = tickCount
    }
}

/// Where a plot puts its legend.
public enum LegendPosition: Sendable, Hashable {
    /// The inside corner that covers the fewest drawn points.
    case best
    case topLeft, topRight, bottomLeft, bottomRight
    case hidden
}

/// Colours and text sizes shared by all parts of a plot.
public struct PlotTheme: Sendable {
    public var background = RGBColor.white
    public var grid = RGBColor(hex: 0xE4E4E4)
    public var frame = RGBColor(hex: 0x4A4A4A)
    public var title = TextStyle(scale: 2, color: RGBColor(hex: 0x1A1A1A))
    public var caption = TextStyle(scale: 1, bold: true, color: RGBColor(hex: 0x1A1A1A))
    public var axisLabel = TextStyle(scale: 1, bold: true, color: RGBColor(hex: 0x1A1A1A))
    public var tickLabel = TextStyle(scale: 1, color: RGBColor(hex: 0x444444))
    public var legend = TextStyle(scale: 1, color: RGBColor(hex: 0x1A1A1A))
    /// Space between the panel's edge and anything drawn, in pixels.
    public var padding = 14.0

    public init() {}
}

/// A chart of curves against x: the building block of every figure.
///
/// ```swift
/// var plot = LinePlot(title: "Value function", xLabel: "step", yLabel: "V(D, G)")
/// plot.add(Series(label: "V", x: steps, y: values, color: .blue))
/// plot.add(.horizontal(y: -log(4), label: "−log 4"))
/// try plot.render().write(to: url)
/// ```
public struct LinePlot: Sendable {
    public var title: String?
    /// A line under the x axis label, such as "(a)" in Figure 1.
    public var caption: String?
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series] = []
    public var referenceLines: [ReferenceLine] = []
    public var annotations: [Annotation] = []
    public var legend = LegendPosition.best
    public var showsGrid = true
    /// The box around the axes.
    public var showsFrame = true
    public var theme = PlotTheme()

    public init(title: String? = nil, xLabel: String = "", yLabel: String = "", caption: String? = nil) {
        self.title = title
        self.caption = caption
        xAxis = Axis(label: xLabel)
        yAxis = Axis(label: yLabel)
    }

    public mutating func add(_ series: Series) {
        self.series.append(series)
    }

    public mutating func add(_ line: ReferenceLine) {
        referenceLines.append(line)
    }

    public mutating func add(_ annotation: Annotation) {
        annotations.append(annotation)
    }

    /// The plot alone as an RGB image; 640 × 420 suits one panel.
    public func render(width: Int = 640, height: Int = 420) -> RasterImage {
        var canvas = Canvas(width: width, height: height, background: theme.background)
        draw(on: &canvas, in: PlotRect(x: 0, y: 0, width: Double(width), height: Double(height)))
        return canvas.image
    }
}
