import Foundation

/// A plain-text table for demo output: a header row, a rule, then rows, each
/// column padded to its widest cell (text left, numbers right).
public struct TextTable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(_ header: String...) { self.header = header }
    public init(header: [String]) { self.header = header }

    public mutating func add(_ cells: String...) { add(cells) }

    public mutating func add(_ cells: [String]) {
        precondition(cells.count == header.count, "TextTable row has \(cells.count) cells, header has \(header.count)")
        rows.append(cells)
    }

    public var lines: [String] {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func render(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { column, pair in
                let (cell, width) = pair
                let padding = String(repeating: " ", count: width - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [render(header), rule] + rows.map(render)
    }
}

/// `x` with `decimals` digits after the point; "-0.0000" prints as "0.0000"
/// so a sign of zero cannot flip a transcript.
public func fixed(_ x: Double, _ decimals: Int = 4) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let text = String(format: "%.\(decimals)f", x)
    if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
    return text
}

/// `x` in scientific notation with `digits` significant digits after the point.
public func scientific(_ x: Double, _ digits: Int = 3) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return String(format: "%.\(digits)e", x)
}
