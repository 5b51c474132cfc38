import Foundation

/// A request refused before any work was lost: options out of range or at
/// odds with the run they continue, a file that reads but does not fit, a
/// missing input, an output that holds a run. One line names the file, option
/// or value, and the kind lets a command choose its exit status.
public struct Refusal: Error, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// An option is out of range or disagrees with the run it continues.
        case invalidOptions
        /// A file reads, but what it holds does not fit the run (other data, another run's record).
        case unsuitableData
        /// A file to read is missing or cannot be read.
        case missingInput
        /// The output folder holds a run that this one would replace.
        case occupiedOutput
    }

    public let kind: Kind
    public let description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    public static func options(_ message: String) -> Refusal { Refusal(.invalidOptions, message) }
    public static func data(_ message: String) -> Refusal { Refusal(.unsuitableData, message) }
}
