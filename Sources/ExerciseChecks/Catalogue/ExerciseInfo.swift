/// What an exercise asks, where its answer is, and which code its stub is generated from.
public struct ExerciseInfo: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A piece the chapter derives and then shows: write it first, then read the chapter.
        case derive = "derive it before you read it"
        /// A later idea the chapter does not cover, with a solution the project ships.
        case beyond = "beyond the chapter"

        /// The short word of the listing's table.
        public var word: String { self == .derive ? "derive" : "beyond" }
    }

    /// `N.M`: chapter N, exercise M.
    public let number: String
    public let title: String
    public let kind: Kind
    /// What to compute, for the stub's doc comment: a few lines.
    public let task: [String]
    /// Which part of the paper it is, as the chapters cite it ("Eq. (1), §3").
    public let paper: String
    /// Where the answer is to be read, once tried: a chapter's section.
    public let answer: String
    /// For an exercise beyond the chapter: where the idea comes from.
    public let citation: String?
    /// The code the stub's signature is taken from.
    public let solution: SolutionSource
    /// The modules the stub imports besides ExerciseChecks: GANCore and what its signature needs.
    public let imports: [String]
    /// The reader's file's name, when the function's name would not say what it is.
    let fileName: String?

    public init(
        _ number: String, _ title: String, kind: Kind, task: [String], paper: String, answer: String,
        citation: String? = nil, solution: SolutionSource, imports: [String] = [], fileName: String? = nil
    ) {
        precondition(kind == .derive || citation != nil, "exercise \(number) goes beyond the chapter and needs a citation")
        self.number = number
        self.title = title
        self.kind = kind
        self.task = task
        self.paper = paper
        self.answer = answer
        self.citation = citation
        self.solution = solution
        self.imports = Array(Set(["GANCore"] + imports)).sorted()
        self.fileName = fileName
    }

    public var chapter: Int { Int(number.split(separator: ".")[0])! }

    /// The reader's file: `Sources/Exercises/ChapterN/Function.swift`.
    public var file: String {
        let name = fileName ?? solution.function.prefix(1).uppercased() + solution.function.dropFirst()
        return "Sources/Exercises/Chapter\(chapter)/\(name).swift"
    }
}

/// A named region of a source file and the function in it whose signature
/// the reader's stub takes.
public struct SolutionSource: Sendable {
    public let path: String
    public let region: String
    public let function: String
    /// Names the signature uses inside its own type that the stub must
    /// qualify (`Estimate` → `ValueFunction.Estimate`).
    public let qualifying: [String: String]

    public init(_ path: String, region: String, function: String, qualifying: [String: String] = [:]) {
        self.path = path
        self.region = region
        self.function = function
        self.qualifying = qualifying
    }

    /// A solution the project ships only for the exercises, in this module.
    public static func solutions(_ file: String, region: String, function: String) -> SolutionSource {
        SolutionSource("Sources/ExerciseChecks/Solutions/\(file)", region: region, function: function)
    }
}
