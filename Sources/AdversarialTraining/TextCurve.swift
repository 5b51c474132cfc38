/// A curve as one line of text, for readers without an image viewer:
/// each value becomes one of eight block heights between the curve's
/// minimum and maximum (or a given range).
public enum TextCurve {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func sparkline(_ values: [Double], range: ClosedRange<Double>? = nil) -> String {
        guard let low = range?.lowerBound ?? values.min(), let high = range?.upperBound ?? values.max() else { return "" }
        return String(values.map { value -> Character in
            guard value.isFinite, high > low else { return levels[0] }
            let t = (min(max(value, low), high) - low) / (high - low)
            return levels[min(levels.count - 1, Int(t * Double(levels.count)))]
        })
    }
}
