import ArgumentParser
import FileFormats
import Foundation
import GANCore
import OpenDirections

extension Study {
    /// `study openings`: Chapter 7's experiments over several seeds, each with both GANs trained anew.
    struct Openings: DemoCommand {
        static let configuration = CommandConfiguration(
            commandName: "openings",
            abstract: "Chapter 7's four experiments for several seeds, training both GANs anew for each, with a table over seeds.",
            discussion: """
                For every seed: the conditional GAN and Chapter 6's short run, each trained for --iterations, then \
                the inference net, the linear probes and the inpainting, as 'study chapter 7' runs them for seed 1. \
                Figures go to --output/seed-N, with \(FinishedSeed.fileName) once the seed is done: a run stopped \
                part-way continues after its finished seeds with --resume. Products run on the chapter's portable product, so seed 1 at the \
                default iterations repeats the chapter's transcript exactly.
                """)

        @Option(help: "Comma-separated seeds, one full run each.")
        var seeds = "1,2,3"

        @Option(help: "Iterations of each GAN per seed (the chapter's demo: \(OpenDirectionsDemo.trainingIterations)).")
        var iterations = OpenDirectionsDemo.trainingIterations

        @Option(help: "Folder for the figures (one folder per seed inside it).")
        var output = "figures"

        @Flag(help: "Keep the seeds an earlier run into --output finished (each seed's folder holds \(FinishedSeed.fileName)), and run the rest.")
        var resume = false

        @Flag(help: "Train every seed again, replacing what an earlier run into --output finished.")
        var overwrite = false

        func validate() throws {
            _ = try Self.parseSeeds(seeds)
            try OutputOption.validate(output)
            if resume && overwrite { throw ValidationError("--resume keeps the finished seeds and --overwrite trains them again; give one") }
            guard (1...1_000_000).contains(iterations) else {
                throw ValidationError("--iterations must be between 1 and 1000000, got \(iterations)")
            }
        }

        static func parseSeeds(_ text: String) throws -> [UInt64] {
            let words = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let seeds = words.compactMap { UInt64($0) }
            guard !words.isEmpty, seeds.count == words.count else {
                throw ValidationError("--seeds must be comma-separated whole numbers such as 1,2,3, got '\(text)'")
            }
            guard Set(seeds).count == seeds.count else { throw ValidationError("--seeds lists a seed twice: '\(text)'") }
            return seeds
        }

        func execute(in environment: DemoEnvironment) throws {
            var openings = OpeningsOverSeeds(
                seeds: try Self.parseSeeds(seeds), iterations: iterations,
                folder: environment.outputOverride ?? URL(fileURLWithPath: output), displayName: output)
            (openings.resume, openings.overwrite) = (resume, overwrite)
            try openings.run(progress: environment.progress, write: environment.write)
        }
    }
}
