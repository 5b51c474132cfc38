/// The shape as the demos' settings lines print it, read from the
/// configuration itself so that a chapter's stated settings are the ones run.
extension MaxoutDiscriminator: CustomStringConvertible {
    public var description: String {
        let layers = hidden.map { "maxout \($0.units) units x \($0.pieces) pieces" }
        let dropout = inputKeep == nil && hiddenKeep == nil ? "no dropout"
            : "dropout keeps input with p = \(inputKeep ?? 1), hidden units with p = \(hiddenKeep ?? 1)"
        return (["\(inputWidth) input"] + layers + ["1 logit"]).joined(separator: " -> ")
            + "; \(dropout), weights uniform in ±\(weightRange)"
    }
}
