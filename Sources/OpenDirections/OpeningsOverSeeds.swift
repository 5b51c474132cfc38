import FileFormats
import Foundation
import GANCore

/// `study openings`: Chapter 7's experiments for several seeds, each with
/// both GANs trained anew, and a table over seeds. Each seed's figures go to
/// `seed-N` inside the output folder, with a `FinishedSeed` record once the
/// seed is done, so a run stopped part-way resumes after its finished seeds.
public struct OpeningsOverSeeds {
    public let seeds: [UInt64]
    public let iterations: Int
    /// Where the figures go, and how the output names that folder.
    public let folder: URL
    public let displayName: String
    /// Keep the seeds an earlier run finished (`--resume`), or train them again (`--overwrite`).
    public var resume = false
    public var overwrite = false

    public init(seeds: [UInt64], iterations: Int, folder: URL, displayName: String) {
        (self.seeds, self.iterations, self.folder, self.displayName) = (seeds, iterations, folder, displayName)
    }

    func seedFolder(_ seed: UInt64) -> (url: URL, name: String) {
        (folder.appendingPathComponent("seed-\(seed)"), displayName.hasSuffix("/") ? displayName + "seed-\(seed)" : displayName + "/seed-\(seed)")
    }

    /// Runs every seed not already finished, saying what each prints, then the table over seeds.
    public func run(progress: ProgressReporter, write: @escaping (String) -> Void) throws {
        let claim = try OutputFolder.claim(folder)
        defer { claim.release() }
        let finished = try finishedSeeds()
        var summaries: [OpenDirectionsDemo.Summary] = []
        for seed in seeds {
            if !summaries.isEmpty { write("") }
            write("## seed \(seed)")
            let (url, name) = seedFolder(seed)
            if let kept = finished[seed] {
                kept.lines.forEach(write)
                write("(finished by an earlier run, read back from \(name)/\(FinishedSeed.fileName))")
                summaries.append(kept.summary)
                continue
            }
            var lines: [String] = []
            let context = DemoContext(seed: seed, outputDirectory: url, outputDisplayName: name, progress: progress) { line in
                lines.append(line)
                write(line)
            }
            let summary = try MatrixProducts.with(.portable) { try OpenDirectionsDemo.report(context, iterations: iterations) }
            try FinishedSeed(seed: seed, iterations: iterations, lines: lines, summary: summary).write(to: url)
            summaries.append(summary)
        }
        write("")
        write("Over seeds (\(iterations) iterations per GAN): obedience %, reconstruction errors, probe accuracy % (mean of its 3 label subsets), errors on the hidden rows")
        OpenDirectionsDemo.summaryTable(summaries).forEach { write("  " + $0) }
    }

    /// The seeds an earlier run finished here, kept with `resume`; without
    /// it (or `overwrite`) a finished seed is refused rather than replaced.
    func finishedSeeds() throws -> [UInt64: FinishedSeed] {
        guard !overwrite else { return [:] }
        var kept: [UInt64: FinishedSeed] = [:]
        for seed in seeds {
            let (url, name) = seedFolder(seed)
            guard let finished = try FinishedSeed.read(from: url) else { continue }
            guard resume else {
                throw Refusal(.occupiedOutput, "\(name) holds seed \(seed) finished by an earlier run; pass --resume to keep it or --overwrite to train it again (or choose another --output)")
            }
            guard finished.seed == seed, finished.iterations == iterations else {
                throw Refusal.options("--resume keeps \(name) as recorded, but it was trained for \(finished.iterations) iterations, not \(iterations); give --iterations \(finished.iterations) or --overwrite")
            }
            kept[seed] = finished
        }
        return kept
    }
}
