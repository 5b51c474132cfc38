import Foundation

// [excerpt: jensen-shannon-divergence]
/// JSD(p ‖ q) in nats for two probability vectors on one grid, the
/// divergence Theorem 1 puts under C(G), as Chapter 4 integrates it:
/// ```
/// JSD = ½ Σ pᵢ log(pᵢ/mᵢ) + ½ Σ qᵢ log(qᵢ/mᵢ),   mᵢ = (pᵢ + qᵢ)/2
/// ```
/// A term with pᵢ = 0 is 0 (p log p → 0), not 0·log 0 = NaN.
func jensenShannonDivergence(p: [Double], q: [Double]) -> Double {
    precondition(p.count == q.count, "p and q live on one grid")
    var total = 0.0
    for (pi, qi) in zip(p, q) {
        let mi = (pi + qi) / 2
        if pi > 0 { total += 0.5 * pi * log(pi / mi) }
        if qi > 0 { total += 0.5 * qi * log(qi / mi) }
    }
    return total
}
// [end: jensen-shannon-divergence]
