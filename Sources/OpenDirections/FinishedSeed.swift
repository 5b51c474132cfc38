import FileFormats
import Foundation

/// One seed of `study openings` that ran to its end, kept in its folder so
/// that a run stopped part-way (a signal, a kill, a full disk) can resume
/// after its finished seeds instead of training them again: the seed, its
/// iterations, every line it printed, and its row of the table over seeds.
public struct FinishedSeed: Codable, Sendable, Equatable {
    public static let format = "gan-study-openings-seed-1"
    public static let fileName = "finished-seed.json"

    public var format = Self.format
    public let seed: UInt64
    public let iterations: Int
    public let lines: [String]
    public let summary: OpenDirectionsDemo.Summary

    public init(seed: UInt64, iterations: Int, lines: [String], summary: OpenDirectionsDemo.Summary) {
        (self.seed, self.iterations, self.lines, self.summary) = (seed, iterations, lines, summary)
    }

    /// The finished seed kept in `folder`, or nil if there is none; a file
    /// there that is not one is refused, naming it.
    public static func read(from folder: URL) throws -> FinishedSeed? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path),
              let finished = try? RecordJSON.decode(FinishedSeed.self, from: data), finished.format == format else {
            throw Refusal.data("\(url.path) is not a finished seed of study openings; remove it, or pass --overwrite to train the seed again")
        }
        return finished
    }

    /// Writes the record atomically into `folder`.
    public func write(to folder: URL) throws {
        let bytes = Array(try RecordJSON.encode(self))
        try AtomicFile.write(to: folder.appendingPathComponent(Self.fileName)) { out throws(FileWriteError) in try out.write(bytes) }
    }
}

extension OpenDirectionsDemo.Summary: Codable, Equatable {
    enum CodingKeys: String, CodingKey {
        case seed, meanObedience, inferredError, searchedError, probeAccuracy, fillErrorOfGenerator, fillErrorOfNearest
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        seed = try c.decode(UInt64.self, forKey: .seed)
        meanObedience = try c.decode(Double.self, forKey: .meanObedience)
        inferredError = try c.decode(Double.self, forKey: .inferredError)
        searchedError = try c.decode(Double.self, forKey: .searchedError)
        probeAccuracy = try c.decode([Double].self, forKey: .probeAccuracy)
        fillError = (try c.decode(Double.self, forKey: .fillErrorOfGenerator), try c.decode(Double.self, forKey: .fillErrorOfNearest))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(meanObedience, forKey: .meanObedience)
        try c.encode(inferredError, forKey: .inferredError)
        try c.encode(searchedError, forKey: .searchedError)
        try c.encode(probeAccuracy, forKey: .probeAccuracy)
        try c.encode(fillError.generator, forKey: .fillErrorOfGenerator)
        try c.encode(fillError.nearest, forKey: .fillErrorOfNearest)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.seed == b.seed && a.meanObedience == b.meanObedience && a.inferredError == b.inferredError && a.searchedError == b.searchedError
            && a.probeAccuracy == b.probeAccuracy && a.fillError == b.fillError
    }
}
