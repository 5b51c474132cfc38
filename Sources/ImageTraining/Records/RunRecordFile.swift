import FileFormats
import Foundation
import GANCore

/// Reading a `record.json` or an `evaluation.json` as a user's input:
/// refused by type, size or content with one line naming the file, and the
/// kind of each (`Refusal`).
public enum RunRecordFile {
    /// A record of a million epochs is a few hundred megabytes; nothing real comes near this.
    public static let maximumBytes = 64 << 20

    public static func read(_ url: URL) throws -> RunRecord {
        let record = try decode(url, as: "run record", RunRecord.decode)
        if let problem = record.contentProblem {
            throw Refusal.data("\(url.path) is not a usable run record: \(problem)")
        }
        return record
    }

    public static func readEvaluation(_ url: URL) throws -> GeneratorEvaluation {
        let evaluation = try decode(url, as: "evaluation", GeneratorEvaluation.decode)
        if let problem = evaluation.contentProblem {
            throw Refusal.data("\(url.path) is not a usable evaluation: \(problem)")
        }
        return evaluation
    }

    private static func decode<T>(_ url: URL, as kind: String, _ decode: (Data) throws -> T) throws -> T {
        if let problem = RegularFile.problem(at: url.path) {
            throw Refusal(.missingInput, "\(url.path): \(problem.description)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw Refusal.data("\(url.path) is \(size) bytes; a \(kind) is at most \(maximumBytes)")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Refusal(.missingInput, "\(url.path): cannot be read")
        }
        do {
            return try decode(data)
        } catch let error as DecodingError {
            throw Refusal.data("\(url.path) is not a \(kind): \(reason(error))")
        } catch {
            throw Refusal.data("\(url.path) is not a \(kind)")
        }
    }

    /// One short clause for a decoding failure: what is wrong, and where.
    static func reason(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the top level" : "'" + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "field '\(key.stringValue)' is missing at \(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(at(context.codingPath)) has the wrong type or no value"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "it is not JSON" : "\(at(context.codingPath)) is not valid"
        @unknown default: return "it cannot be decoded"
        }
    }
}
