import Foundation

/// Judging a re-run made on another BLAS kernel or thread count. Every
/// product rounds differently there, the runs part within an epoch, and
/// the re-run is another sample of the recipe, as another seed is: it is
/// held to what the committed seeds agree on, not to their digits.
extension RunRecord {
    /// The best Fréchet distances of Chapter 6's three seeds span a factor
    /// of about 1.3 (`study full-run` prints it); a re-run elsewhere may land
    /// within a factor of 2 of the record's.
    public static let anotherRunDistanceFactor = 2.0
    /// A class the record ends with at 5% or more must end the re-run at
    /// 3% or more: single epochs of the committed seeds dip that far.
    public static let anotherRunCoverage = (recorded: 0.05, rerun: 0.03)

    /// What a re-run elsewhere gets wrong as a sample of this record's recipe; empty when it agrees.
    public func differencesAsAnotherRun(_ rerun: RunRecord) -> [String] {
        var found = settingsDifferences(from: rerun)
        guard let best, let rerunBest = rerun.best, let last = epochs.last, let rerunLast = rerun.epochs.last else {
            return found + ["a record without epochs"]
        }
        let factor = Self.anotherRunDistanceFactor
        if !(best.frechetDistance / factor...best.frechetDistance * factor).contains(rerunBest.frechetDistance) {
            found.append("best Frechet distance \(rerunBest.frechetDistance) re-run, \(best.frechetDistance) recorded: not within a factor of \(factor)")
        }
        for (k, share) in last.classFractions.enumerated()
        where share >= Self.anotherRunCoverage.recorded && rerunLast.classFractions[k] < Self.anotherRunCoverage.rerun {
            found.append("class \(k) ends at \(rerunLast.classFractions[k]) of the samples, recorded \(share)")
        }
        return found
    }
}
