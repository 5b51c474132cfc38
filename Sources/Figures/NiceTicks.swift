import Foundation
import GANCore

/// Axis tick positions at "nice" steps: 1, 2 or 5 times a power of ten.
///
/// People read 0, 0.2, 0.4 at a glance and 0, 0.17, 0.34 not at all; the
/// 1-2-5 steps are the ones every plotting package settles on.
public struct NiceTicks: Sendable, Hashable {
    /// Distance between neighbouring ticks.
    public let step: Double
    /// Tick positions, ascending.
    public let values: [Double]

    /// The 1-2-5 step that cuts `span` into about `targetCount` intervals.
    public static func niceStep(for span: Double, targetCount: Int = 6) -> Double {
        precondition(span.isFinite && span > 0, "niceStep: span must be positive and finite, got \(span)")
        precondition(targetCount >= 1, "niceStep: targetCount must be at least 1, got \(targetCount)")
        let raw = span / Double(targetCount)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * magnitude
    }

    /// Ticks from a multiple of the step at or below `range.lowerBound` to one
    /// at or above `range.upperBound`, so the axis can end on ticks.
    public static func covering(_ range: ClosedRange<Double>, targetCount: Int = 6) -> NiceTicks {
        let (lower, upper) = widened(range)
        let step = niceStep(for: upper - lower, targetCount: targetCount)
        // The tolerance keeps a bound that is a multiple of the step up to
        // rounding (0.30000000000000004) from adding a tick beyond it.
        let first = (lower / step + 1e-9).rounded(.down)
        let last = (upper / step - 1e-9).rounded(.up)
        return NiceTicks(step: step, first: first, last: last)
    }

    /// The multiples of the step that lie inside `range`.
    public static func inside(_ range: ClosedRange<Double>, targetCount: Int = 6) -> NiceTicks {
        let (lower, upper) = widened(range)
        let step = niceStep(for: upper - lower, targetCount: targetCount)
        // The same tolerance keeps a tick that sits on a bound up to rounding.
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        return NiceTicks(step: step, first: first, last: last)
    }

    private init(step: Double, first: Double, last: Double) {
        self.step = step
        var values: [Double] = []
        var k = first
        while k <= last {
            // k × step, not repeated addition: no drift across the axis.
            let value = k * step
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            k += 1
        }
        self.values = values
    }

    /// A zero-width range becomes one unit wide (or 10 % of its value), so a
    /// constant series still gets an axis.
    private static func widened(_ range: ClosedRange<Double>) -> (Double, Double) {
        precondition(range.lowerBound.isFinite && range.upperBound.isFinite, "NiceTicks: range must be finite, got \(range)")
        guard range.upperBound > range.lowerBound else {
            let pad = range.lowerBound == 0 ? 0.5 : abs(range.lowerBound) * 0.1
            return (range.lowerBound - pad, range.upperBound + pad)
        }
        return (range.lowerBound, range.upperBound)
    }

    /// The tick value as text, with just enough decimals for the step:
    /// 0.5 → "0.5", 2 → "2", 0.25 with step 0.05 → "0.25". Steps below
    /// 10^−4 or from 10^6 up switch to "1.5e−5", with one mantissa precision
    /// for the whole axis. Negative numbers take the minus sign (−), not
    /// the hyphen C's formatting writes.
    public func label(for value: Double) -> String {
        String(plainLabel(for: value).map { $0 == "-" ? "−" : $0 })
    }

    private func plainLabel(for value: Double) -> String {
        let exponent = Int(log10(step).rounded(.down))
        if exponent >= 6 || exponent <= -5 {
            guard value != 0 else { return "0" }
            let largest = values.map { abs($0) }.max() ?? abs(value)
            let digits = max(0, Int(log10(max(largest, abs(value))).rounded(.down)) - exponent)
            let parts = String(format: "%.\(digits)e", value).split(separator: "e")
            guard parts.count == 2, let power = Int(parts[1]) else { return String(format: "%g", value) }
            return "\(parts[0])e\(power)"
        }
        let decimals = max(0, -exponent)
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
