import ExerciseChecks
import Testing

/// Every check is proven like any checker: it passes the shipped solution,
/// at several seeds, and fails every planted mistake with the diagnosis the
/// catalogue expects of it. The reader's own answers are never run here.
@Suite struct CheckProofTests {
    static let numbers = Catalogue.all.map(\.info.number)

    static let plantedMistakes: [String] = Catalogue.all.flatMap { exercise in
        exercise.planted.map { "\(exercise.info.number) \($0.name)" }
    }

    static func report(_ number: String, _ selection: AnyExercise.Selection, seed: UInt64) -> (Verdict, String) {
        var lines: [String] = []
        let verdict = Catalogue.exercise(number)!.run(selection, seed: seed) { lines.append($0) }
        return (verdict, lines.joined(separator: "\n"))
    }

    /// Seeds 1 to 3: the inputs differ in values, so a check that passed its
    /// solution by luck at one seed would show here.
    @Test(arguments: numbers)
    func solution_passesItsCheck(_ number: String) {
        for seed: UInt64 in 1...3 {
            let (verdict, report) = Self.report(number, .solution, seed: seed)
            #expect(verdict == .passing, "exercise \(number) at seed \(seed):\n\(report)")
        }
    }

    @Test(arguments: plantedMistakes)
    func plantedMistake_failsWithItsDiagnosis(_ item: String) throws {
        let parts = item.split(separator: " ").map(String.init)
        let exercise = try #require(Catalogue.exercise(parts[0]))
        let mistake = try #require(exercise.planted.first { $0.name == parts[1] })
        let (verdict, report) = Self.report(parts[0], .planted(parts[1]), seed: 1)
        #expect(verdict == .failing, "\(item) passed:\n\(report)")
        #expect(report.contains(mistake.expected), "\(item) should be diagnosed as '\(mistake.expected)':\n\(report)")
        #expect(report.contains("hint: "), "\(item) got no hint:\n\(report)")
    }

    /// A failing report shows the shape it checked, the worst entries, and the band of the error.
    @Test func failingGradientReport_showsTheWorstEntriesAndTheirBand() {
        let (_, report) = Self.report("2.2", .planted("every-piece"), seed: 1)
        #expect(report.contains("as expected; worst relative error"))
        #expect(report.contains("GSL's finite difference"))
        #expect(report.contains("wrong (above 1e-2)"))
        #expect(report.contains("entry"))
        #expect(report.contains("entries are off"))
    }

    @Test func wrongShape_isReportedBeforeAnyValue() {
        let (verdict, report) = Self.report("2.2", .planted("output-gradient"), seed: 1)
        #expect(verdict == .failing)
        #expect(report.contains("yours is 1×2, expected 1×4"), "\(report)")
        #expect(!report.contains("worst relative error"), "values are compared only once the shape is right:\n\(report)")
    }

    /// The same seed gives the same inputs, so `--seed` repeats a failure word for word.
    @Test func sameSeed_repeatsTheReport() {
        let first = Self.report("4.2", .planted("stale-discriminator"), seed: 9).1
        let second = Self.report("4.2", .planted("stale-discriminator"), seed: 9).1
        let other = Self.report("4.2", .planted("stale-discriminator"), seed: 10).1
        #expect(first == second)
        #expect(first != other)
    }
}
