import GANCore

/// An exercise: what it asks, its shipped solution, the check that judges an
/// answer, and the wrong answers the check is proven against.
///
/// `Function` is the type of the reader's function (at Double, where the
/// chapter's code is generic), so that the reader's answer, the solution and
/// every planted mistake go through one check.
public struct Exercise<Function> {
    public let info: ExerciseInfo
    public let solution: Function
    public let mistakes: [PlantedMistake<Function>]
    /// The inputs of one check, drawn from the seed's random source: several
    /// shapes and sizes, so that an answer right by accident on one fails another.
    public let cases: (RandomSource) -> [CheckCase<Function>]

    public init(
        _ info: ExerciseInfo, solution: Function, mistakes: [PlantedMistake<Function>],
        cases: @escaping (RandomSource) -> [CheckCase<Function>]
    ) {
        self.info = info
        self.solution = solution
        self.mistakes = mistakes
        self.cases = cases
    }

    /// The exercise with its function type forgotten, for the catalogue.
    public var erased: AnyExercise {
        AnyExercise(info: info, planted: mistakes.map { ($0.name, $0.description, $0.expected) }) { selection, seed, write in
            let implementation: Implementation<Function>
            switch selection {
            case .solution: implementation = .function(solution)
            case .reader(let answer):
                guard let f = answer.function as? Function else {
                    preconditionFailure("exercise \(info.number) was bound to a \(type(of: answer.function)), not a \(Function.self)")
                }
                implementation = .function(f)
            case .planted(let name):
                guard let mistake = mistakes.first(where: { $0.name == name }) else {
                    preconditionFailure("exercise \(info.number) has no planted mistake \(name)")
                }
                implementation = .function(mistake.implementation)
            case .behaviour(let behaviour):
                implementation = .behaviour(behaviour)
            }
            return withoutActuallyEscaping(write) { write in
                CheckRun(exercise: self, seed: seed, write: write).run(implementation)
            }
        }
    }

    /// The reader's function for this exercise, typed: a stub whose
    /// signature drifted from the solution fails to bind at compile time.
    public func answer(_ f: Function) -> ReaderAnswer {
        ReaderAnswer(number: info.number, function: f)
    }
}

/// A wrong answer from the catalogue of real mistakes, planted to prove that
/// the check fails it with the right diagnosis.
public struct PlantedMistake<Function> {
    /// A short name for `study check N.M --planted NAME`.
    public let name: String
    /// What the mistake is, in a few words.
    public let description: String
    /// Printed when a reader's answer gives exactly this mistake's outputs;
    /// nil for a mistake that the check's general diagnoses name (a sign, a factor).
    public let hint: String?
    /// Words the check's report must contain for this mistake.
    public let expected: String
    public let implementation: Function

    /// A mistake the check recognises by its outputs, and names with `hint`.
    public static func recognised(_ name: String, _ description: String, hint: String, _ implementation: Function) -> PlantedMistake {
        PlantedMistake(name: name, description: description, hint: hint, expected: hint, implementation: implementation)
    }

    /// A mistake the check's general diagnoses must name: `expected` is part of what they print.
    public static func diagnosed(_ name: String, _ description: String, expecting expected: String, _ implementation: Function) -> PlantedMistake {
        PlantedMistake(name: name, description: description, hint: nil, expected: expected, implementation: implementation)
    }
}

/// One set of inputs: what the answer should give for them, and how to get
/// an implementation's outputs.
public struct CheckCase<Function> {
    /// The inputs in words: "2 rows, 3 units × 2 pieces".
    public let description: String
    /// What each output should be, in the order `evaluate` returns them.
    public let references: [Reference]
    /// Runs an implementation on this case's inputs (fresh copies each time:
    /// a reader's function may write into its arguments).
    public let evaluate: (Function) throws -> [NamedTensor]
    /// Factors that name a slip when an answer is the reference times one of
    /// them: (m, "a factor of m: …").
    public let factors: [(value: Double, meaning: String)]

    public init(
        _ description: String, references: [Reference], factors: [(value: Double, meaning: String)] = [],
        evaluate: @escaping (Function) throws -> [NamedTensor]
    ) {
        self.description = description
        self.references = references
        self.factors = factors
        self.evaluate = evaluate
    }
}

/// What a check runs.
enum Implementation<Function> {
    case function(Function)
    case behaviour(Behaviour)
}

/// The reader's function, bound by the command line (which compiles the
/// Exercises module) and handed to the check untyped.
public struct ReaderAnswer: @unchecked Sendable {
    public let number: String
    let function: Any
}

/// Code standing in for a reader's body that never gives an answer: the
/// untouched stub, an endless loop, a trap. They exist to prove that
/// `study` survives them; they run only in a check's own process.
public enum Behaviour: String, Sendable, CaseIterable {
    case stub
    case endlessLoop = "endless-loop"
    case trap

    func act(_ number: String) -> Never {
        switch self {
        case .stub:
            notAttempted(number)
        case .endlessLoop:
            var turns: UInt64 = 0
            while true { turns &+= 1; blackHole(turns) }
        case .trap:
            let pieces = [Double](repeating: 0, count: 2)
            let index = pieces.count + Int(blackHoleIndex())
            blackHole(UInt64(pieces[index]))
            fatalError("unreachable: the index above is out of range")
        }
    }
}

@inline(never) func blackHole(_ value: UInt64) { _ = value }
@inline(never) func blackHoleIndex() -> UInt64 { 0 }
