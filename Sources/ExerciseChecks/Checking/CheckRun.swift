import Foundation
import GANCore

/// One check of one implementation: each case in turn, the shape of every
/// output first, then its values against the reference, stopping at the
/// first case that fails, with the worst entries and a diagnosis.
struct CheckRun<Function> {
    let exercise: Exercise<Function>
    let seed: UInt64
    let write: (String) -> Void

    func run(_ implementation: Implementation<Function>) -> Verdict {
        let cases = exercise.cases(RandomSource(seed: seed))
        for (index, testCase) in cases.enumerated() {
            write("case \(index + 1) of \(cases.count): \(testCase.description)")
            let outputs: [NamedTensor]
            do {
                switch implementation {
                case .function(let f): outputs = try testCase.evaluate(f)
                case .behaviour(let behaviour): behaviour.act(exercise.info.number)
                }
            } catch {
                write("  your function threw an error: \(error)")
                return finish(failedCase: index + 1, of: cases.count)
            }
            if !compare(outputs, testCase) { return finish(failedCase: index + 1, of: cases.count) }
        }
        write("passing: all \(cases.count) cases agree with the reference")
        return .passing
    }

    private func finish(failedCase: Int, of total: Int) -> Verdict {
        write("failing: case \(failedCase) of \(total) is wrong; the check stops at the first wrong case")
        return .failing
    }

    /// Every output against its reference; false at the first that fails.
    private func compare(_ outputs: [NamedTensor], _ testCase: CheckCase<Function>) -> Bool {
        precondition(outputs.count == testCase.references.count,
                     "exercise \(exercise.info.number): \(outputs.count) outputs for \(testCase.references.count) references")
        for (yours, reference) in zip(outputs, testCase.references) {
            let expected = reference.tensor
            guard yours.shape == expected.shape else {
                write("  \(expected.name): yours is \(yours.shape), expected \(expected.shape)")
                diagnose(yours, reference, testCase)
                return false
            }
            let errors = yours.values.indices.map { reference.error(yours.values[$0], at: $0) }
            let worst = errors.max() ?? 0
            let against = "against \(reference.source.phrase)"
            let band = reference.source == .finiteDifference ? ": " + ErrorBand.describe(worst) : ""
            let shape = expected.shape == .scalar ? "" : "\(expected.shape), as expected; "
            if worst <= reference.tolerance {
                write("  \(expected.name): \(shape)worst relative error \(Self.error(worst)) \(against)\(band)")
                continue
            }
            write("  \(expected.name): \(shape)worst relative error \(Self.error(worst)) \(against)\(band); it must be below \(Self.error(reference.tolerance))")
            writeWorstEntries(yours, reference, errors)
            diagnose(yours, reference, testCase)
            return false
        }
        return true
    }

    private func writeWorstEntries(_ yours: NamedTensor, _ reference: Reference, _ errors: [Double]) {
        let order = errors.indices.sorted { errors[$0] > errors[$1] }.prefix(3).filter { errors[$0] > reference.tolerance }
        var table = TextTable(header: ["entry", "yours", reference.source.columnName, "relative error"])
        for i in order {
            table.add([yours.position(i).isEmpty ? "-" : yours.position(i), Self.number(yours.values[i]),
                       Self.number(reference.tensor.values[i]), Self.error(errors[i])])
        }
        table.lines.forEach { write("    " + $0) }
        let wrong = errors.filter { $0 > reference.tolerance }.count
        if errors.count > 1 { write("    \(wrong) of \(errors.count) entries are off") }
    }

    /// A hint: a known mistake whose outputs are exactly yours, else what the
    /// general diagnoses see (a value that is not a number, a sign, a factor).
    private func diagnose(_ yours: NamedTensor, _ reference: Reference, _ testCase: CheckCase<Function>) {
        for mistake in exercise.mistakes {
            guard let hint = mistake.hint,
                  let theirs = (try? testCase.evaluate(mistake.implementation))?.first(where: { $0.name == yours.name }),
                  Diagnosis.same(yours, theirs)
            else { continue }
            write("  hint: \(hint)")
            return
        }
        for line in Diagnosis.general(yours, reference, factors: testCase.factors) { write("  " + line) }
    }

    static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return String(format: "%.6g", x)
    }

    static func error(_ x: Double) -> String {
        x.isFinite ? String(format: "%.1e", x) : "inf"
    }
}
