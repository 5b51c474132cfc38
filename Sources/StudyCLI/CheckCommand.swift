import ArgumentParser
import ExerciseChecks
import Foundation

extension Study {
    /// `study check N.M`: checks the reader's answers, each in a process of its own.
    struct Check: DemoCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check your answer to an exercise (N.M), a chapter's (N), or all of them.",
            discussion: """
                Each check runs in a process of its own with a time limit: a trap, an endless loop or a \
                wrong answer in your code is reported, and the exit status is 1 unless every check passes. \
                'tools/study check' rebuilds study first, so that the compiler reports a stub that does not \
                compile, with its file and line. Without --seed each run draws new inputs and prints its seed.
                """)

        @Argument(help: "An exercise (2.1) or a chapter (2); all exercises when left out.")
        var exercise: String?

        @Flag(help: "Check the shipped solution instead of your answer, to see what passing looks like.")
        var solution = false

        @Option(help: "Check one of the exercise's planted mistakes instead (a name, or endless-loop, trap, stub), to see its diagnosis.")
        var planted: String?

        @Option(help: "Seed of the random inputs (a new one each run by default).")
        var seed: UInt64?

        @OptionGroup var limits: CheckLimits

        func validate() throws {
            guard let selected = Catalogue.select(exercise) else {
                throw ValidationError("no exercise '\(exercise ?? "")'; the exercises are \(Catalogue.validNumbers)")
            }
            if let planted {
                guard selected.count == 1 else { throw ValidationError("--planted names a mistake of one exercise; give N.M") }
                if !PlantedName.valid(planted, for: selected[0]) { throw ValidationError(PlantedName.unknown(planted, for: selected[0])) }
                if solution { throw ValidationError("--solution and --planted each choose what to check; give one") }
            }
        }

        func execute(in environment: DemoEnvironment) throws {
            let exercises = Catalogue.select(exercise)!
            let subject: CheckSession.Subject = solution ? .solution : planted.map { .planted($0) } ?? .reader
            let seed = self.seed ?? UInt64.random(in: 1...99_999)
            let session = limits.session
            var statuses: [CheckSession.Status] = []
            for (index, item) in exercises.enumerated() {
                if index > 0 { environment.write("") }
                statuses.append(try session.check(item, subject: subject, seed: seed, write: environment.write))
            }
            if exercises.count > 1 {
                environment.write("")
                let counts = ["passing", "failing", "not attempted"].map { word in
                    (word, statuses.filter { $0.words.hasPrefix(word) }.count)
                }
                environment.write(counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + " of \(exercises.count)")
            }
            if statuses.contains(where: { $0 != .passing }) { throw ChecksNotPassing() }
        }
    }
}

/// A check that did not pass: its report is printed; the exit status is 1.
struct ChecksNotPassing: Error, CustomStringConvertible {
    var description: String { "not every check passed" }
}
