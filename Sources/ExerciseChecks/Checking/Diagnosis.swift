/// The diagnoses that fit any exercise: a value that is not a number, a
/// sign, a constant factor, a transposed shape.
enum Diagnosis {
    /// Whether two outputs are the same to rounding (a known mistake's, and yours).
    static func same(_ a: NamedTensor, _ b: NamedTensor) -> Bool {
        guard a.shape == b.shape else { return false }
        return zip(a.values, b.values).allSatisfy { x, y in
            if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
            if x.isInfinite || y.isInfinite { return x == y }
            return abs(x - y) <= 1e-7 * max(abs(x), abs(y), 1e-12)
        }
    }

    static func general(_ yours: NamedTensor, _ reference: Reference, factors: [(value: Double, meaning: String)]) -> [String] {
        let expected = reference.tensor
        if yours.shape != expected.shape {
            if case .matrix(let r, let c) = yours.shape, expected.shape == .matrix(c, r) {
                return ["hint: yours is the transpose's shape: check which side of the product each factor goes (rows are samples)"]
            }
            return ["hint: the shape comes first: \(expected.name) has one entry for each entry of what it is the gradient of, or one per sample"]
        }
        if let i = yours.values.firstIndex(where: { !$0.isFinite }) {
            let at = yours.position(i).isEmpty ? "" : " at \(yours.position(i))"
            return ["hint: yours is \(CheckRun<Int>.number(yours.values[i]))\(at), where a number is due: "
                + "a log of 0, an exp that overflowed, or 0·∞ (work on the logit, or take the largest term out before exponentiating)"]
        }
        if let factor = constantFactor(yours.values, expected.values) {
            let everywhere = yours.values.count > 1 ? " everywhere" : ""
            if abs(factor + 1) < 1e-6 {
                return ["hint: sign flipped: yours is −1 × the reference (ascent for descent, or a minus sign lost)"]
            }
            let named = factors + [(2, "a factor of 2"), (0.5, "a factor of 2 (a ½ too many)"),
                                   (-2, "a factor of 2 and the sign"), (-0.5, "a factor of 2 and the sign")]
            if let match = named.first(where: { abs(factor / $0.value - 1) < 1e-6 }) {
                return ["hint: yours is \(CheckRun<Int>.number(factor)) × the reference\(everywhere): \(match.meaning)"]
            }
            if let match = factors.first(where: { abs(-factor / $0.value - 1) < 1e-6 }) {
                return ["hint: yours is \(CheckRun<Int>.number(factor)) × the reference\(everywhere): sign flipped, and \(match.meaning)"]
            }
            // One number is always some multiple of another: only a named factor says anything there.
            if yours.values.count > 1 {
                return ["hint: yours is \(CheckRun<Int>.number(factor)) × the reference everywhere: a constant factor is off"]
            }
        }
        return ["hint: no known mistake gives these values; compare the entries above with the derivation, one term at a time"]
    }

    /// c when yours = c·reference to 1e-6 relative, over entries not both zero; nil otherwise.
    static func constantFactor(_ yours: [Double], _ reference: [Double]) -> Double? {
        let dot = zip(yours, reference).reduce(0) { $0 + $1.0 * $1.1 }
        let norm = reference.reduce(0) { $0 + $1 * $1 }
        guard norm > 0, dot != 0 else { return nil }
        let c = dot / norm
        guard abs(c - 1) > 1e-6 else { return nil }
        let largest = yours.map(abs).max() ?? 0
        let fits = zip(yours, reference).allSatisfy { abs($0 - c * $1) <= 1e-6 * max(largest, 1e-300) }
        return fits ? c : nil
    }
}
