/// An exercise whose function type is forgotten: the catalogue's element.
public struct AnyExercise {
    public struct Planted: Sendable {
        public let name: String
        public let description: String
        /// Words the check's report must contain for this mistake.
        public let expected: String
    }

    /// Which implementation a check runs.
    public enum Selection {
        case solution
        case reader(ReaderAnswer)
        case planted(String)
        case behaviour(Behaviour)
    }

    public let info: ExerciseInfo
    public let planted: [Planted]
    private let check: (Selection, UInt64, (String) -> Void) -> Verdict

    init(info: ExerciseInfo, planted: [(String, String, String)], check: @escaping (Selection, UInt64, (String) -> Void) -> Verdict) {
        self.info = info
        self.planted = planted.map { Planted(name: $0.0, description: $0.1, expected: $0.2) }
        self.check = check
    }

    /// Runs the check in this process, writing its report line by line.
    /// A reader's code can trap or loop here: `IsolatedCheck` runs this in a
    /// process of its own.
    public func run(_ selection: Selection, seed: UInt64, write: (String) -> Void) -> Verdict {
        withoutActuallyEscaping(write) { write in check(selection, seed, write) }
    }
}

/// A check's outcome when it finishes.
public enum Verdict: String, Sendable {
    case passing
    case failing
}
