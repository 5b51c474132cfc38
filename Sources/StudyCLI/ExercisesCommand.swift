import ArgumentParser
import ExerciseChecks
import Foundation

extension Study {
    /// `study exercises`: the reader's exercises, their statuses, and their stubs.
    struct ExercisesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "exercises",
            abstract: "List the exercises you write yourself, with the status of your answers; reset a stub.",
            discussion: """
                Each exercise is a function in Sources/Exercises/ChapterN/. Write its body, then run \
                'tools/study check N.M' (the tool rebuilds study first). Statuses come from the same checks, \
                each run in a process of its own at seed 1.
                """,
            subcommands: [ListExercises.self, Reset.self, RunCheck.self],
            defaultSubcommand: ListExercises.self)
    }

    /// The executable a check's process runs: this `study`, or the one
    /// beside the program that is running (the `literate` tool, a test).
    static var executable: URL {
        let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return running.lastPathComponent == "study" ? running : running.deletingLastPathComponent().appendingPathComponent("study")
    }
}

/// Options of the commands that start checks.
struct CheckLimits: ParsableArguments {
    @Option(help: "Seconds a check may run before it is stopped and counted as failing.")
    var timeLimit: Double = 5

    func validate() throws {
        guard timeLimit > 0, timeLimit <= 3600 else { throw ValidationError("--time-limit must be in (0, 3600] seconds, got \(timeLimit)") }
    }

    var session: CheckSession { CheckSession(executable: Study.executable, timeLimit: timeLimit) }
}

/// `study exercises [--chapter N]`.
struct ListExercises: DemoCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every exercise (the default), or one chapter's in full.")

    @Option(help: "Show this chapter's exercises in full: what to write, the paper's part, the file, the command, where the answer is.")
    var chapter: Int?

    @OptionGroup var limits: CheckLimits

    /// Statuses are the checks' at one fixed seed, so that the list does not change from run to run.
    static let seed: UInt64 = 1

    func validate() throws {
        if let chapter, Catalogue.select(String(chapter)) == nil {
            throw ValidationError("no exercises in chapter \(chapter); the exercises are \(Catalogue.validNumbers)")
        }
    }

    func execute(in environment: DemoEnvironment) throws {
        let exercises = Catalogue.select(chapter.map(String.init))!
        let session = limits.session
        let statuses = try exercises.map { try session.status($0, seed: Self.seed) }
        if let chapter {
            environment.write("Chapter \(chapter)'s exercises; each status is its check's at seed \(Self.seed)")
            environment.write("")
            ExerciseListing.details(exercises, statuses: statuses).forEach(environment.write)
        } else {
            let chapters = Set(exercises.map(\.info.chapter)).sorted()
            environment.write("\(exercises.count) exercises over Chapters \(chapters.first!)–\(chapters.last!); each status is its check's at seed \(Self.seed)")
            ExerciseListing.table(exercises, statuses: statuses).forEach(environment.write)
            environment.write("'study exercises --chapter N' shows a chapter's in full; 'tools/study check N.M' checks one with its report.")
        }
    }
}

/// `study exercises reset N.M`.
struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Restore an exercise's stub (your answer in it is lost): N.M, a chapter N, or 'all'.")

    @Argument(help: "An exercise (2.1), a chapter (2), or 'all'.")
    var exercise: String

    func validate() throws {
        guard exercise == "all" || Catalogue.select(exercise) != nil else {
            throw ValidationError("no exercise '\(exercise)'; the exercises are \(Catalogue.validNumbers)")
        }
    }

    func run() throws {
        let workspace = try ExerciseWorkspace.locate()
        for item in Catalogue.select(exercise == "all" ? nil : exercise)! {
            try workspace.reset(item.info)
            print("reset \(item.info.number): \(item.info.file)")
        }
    }
}

/// `study exercises run-check N.M`: one check in this process, for the
/// `study` that started it. Exits 0 passing, 10 failing, 11 not attempted.
struct RunCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-check", abstract: "Run one check in this process (study check starts it).", shouldDisplay: false)

    @Argument var exercise: String
    @Option var seed: UInt64
    @Flag var solution = false
    @Option var planted: String?

    func validate() throws {
        guard let found = Catalogue.exercise(exercise) else { throw ValidationError("no exercise '\(exercise)'") }
        if let planted, !PlantedName.valid(planted, for: found) { throw ValidationError(PlantedName.unknown(planted, for: found)) }
    }

    func run() throws {
        let found = Catalogue.exercise(exercise)!
        let selection: AnyExercise.Selection
        if solution {
            selection = .solution
        } else if let planted {
            selection = Behaviour(rawValue: planted).map { .behaviour($0) } ?? .planted(planted)
        } else {
            guard let answer = ExerciseAnswers.all.first(where: { $0.number == exercise }) else {
                preconditionFailure("exercise \(exercise) has no answer bound in ExerciseAnswers.swift")
            }
            selection = .reader(answer)
        }
        let verdict = found.run(selection, seed: seed, write: CheckProcess.say)
        Foundation.exit(CheckProcess.status(of: verdict))
    }
}

/// The names `--planted` takes: an exercise's planted mistakes, and the
/// behaviours that stand for code that never answers.
enum PlantedName {
    static func valid(_ name: String, for exercise: AnyExercise) -> Bool {
        exercise.planted.contains { $0.name == name } || Behaviour(rawValue: name) != nil
    }

    static func unknown(_ name: String, for exercise: AnyExercise) -> String {
        let names = exercise.planted.map { "\($0.name) (\($0.description))" } + Behaviour.allCases.map(\.rawValue)
        return "exercise \(exercise.info.number) has no planted mistake '\(name)'; it has \(names.joined(separator: ", "))"
    }
}
