import Evaluation
import Foundation
import GANCore

/// What a record or an evaluation read from a file must hold before a report
/// indexes into it: one share per class, shares that are shares, epochs in
/// order. A file that parses can still say "11 classes" or "epoch −3".
extension RunRecord {
    /// The first field that no run of this program could have written, or nil.
    public var contentProblem: String? {
        let classes = FashionClassifier.classNames.count
        if let problem = recipe.rangeProblem { return "recipe field \(problem.field) is \(problem.value), expected \(problem.expected)" }
        guard measurement.samples >= 1, trainingRows >= 1 else { return "measurement.samples and trainingRows must be at least 1" }
        if let patience = measurement.patience, patience < 1 { return "measurement.patience is \(patience), expected at least 1" }
        guard (1...4_096).contains(openBLASThreads) else { return "openBLASThreads is \(openBLASThreads), expected 1…4096" }
        if let productSchedule, MatrixProducts.Schedule(rawValue: productSchedule) == nil {
            return "productSchedule is '\(productSchedule)', expected one of \(MatrixProducts.Schedule.allCases.map(\.rawValue).joined(separator: ", "))"
        }
        var previous: Epoch?
        for (index, e) in epochs.enumerated() {
            let at = "epochs.\(index)"
            guard e.epoch >= 1, e.iteration >= 0 else { return "\(at): epoch \(e.epoch), iteration \(e.iteration); expected epoch ≥ 1, iteration ≥ 0" }
            if let previous, e.epoch <= previous.epoch || e.iteration < previous.iteration {
                return "\(at): epoch \(e.epoch) (iteration \(e.iteration)) does not follow epoch \(previous.epoch) (iteration \(previous.iteration))"
            }
            guard e.classFractions.count == classes else { return "\(at).classFractions has \(e.classFractions.count) shares, expected \(classes)" }
            guard e.classFractions.allSatisfy({ (0...1).contains($0) }), abs(e.classFractions.reduce(0, +) - 1) < 1e-6 else {
                return "\(at).classFractions are not shares in [0, 1] summing to 1"
            }
            if let byClass = e.realProbabilityByClass, byClass.count != classes || !byClass.allSatisfy({ $0.isNaN || (0...1).contains($0) }) {
                return "\(at).realProbabilityByClass must hold \(classes) probabilities"
            }
            let probabilities = [e.meanRealProbability, e.meanGeneratedProbability, e.precision, e.recall]
            guard probabilities.allSatisfy({ $0.isNaN || (0...1).contains($0) }) else {
                return "\(at): D(x), D(G(z)), precision and recall must lie in [0, 1]"
            }
            guard e.frechetDistance >= 0, e.frechetDistance.isFinite, e.trainingSeconds >= 0, e.trainingSeconds.isFinite else {
                return "\(at): frechetDistance \(e.frechetDistance) and trainingSeconds \(e.trainingSeconds) must be finite and not negative"
            }
            previous = e
        }
        return nil
    }
}

extension GeneratorEvaluation {
    /// The first field that no run of `study evaluate` could have written, or nil.
    public var contentProblem: String? {
        let classes = FashionClassifier.classNames.count
        if let problem = recipe.rangeProblem { return "recipe field \(problem.field) is \(problem.value), expected \(problem.expected)" }
        let q = quality
        guard q.classCounts.count == classes, q.classCounts.allSatisfy({ $0 >= 0 }), q.classCounts.reduce(0, +) == q.sizes.samples,
              q.sizes.samples >= 1 else {
            return "quality.classCounts must hold \(classes) counts adding up to quality.sizes.samples (\(q.sizes.samples))"
        }
        guard [q.precision, q.recall, q.realPrecision, q.realRecall, classifierTestAccuracy].allSatisfy({ (0...1).contains($0) }) else {
            return "precision, recall and the classifier's accuracy must lie in [0, 1]"
        }
        guard [q.frechetDistance, q.frechetFloor].allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            return "the Fréchet distances must be finite and not negative"
        }
        for (index, row) in parzen.enumerated() where !(row.mean.isFinite && row.standardError >= 0 && row.width > 0) {
            return "parzen.\(index) ('\(row.name)') needs a finite mean, a standard error ≥ 0 and a width > 0"
        }
        return nil
    }
}
