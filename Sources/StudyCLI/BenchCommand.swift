import ArgumentParser
import Benchmarks
import Foundation
import GANCore

extension Study {
    /// `study bench`: iterations per second of the authors' MNIST training step.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench",
            abstract: "Time Algorithm 1 (k = 1, m = 100, Float, no dropout) on the authors' MNIST networks.")

        @Option(help: "Timed iterations (after 20 untimed ones).")
        var iterations = 200

        @Option(help: "OpenBLAS threads, with --schedule threaded (default: OpenBLAS's own choice).")
        var threads: Int?

        @Option(help: "How the step's products share the cores: threaded (the default) or paired.")
        var schedule: String = MatrixProducts.Schedule.threaded.rawValue

        func validate() throws {
            guard (1...100_000).contains(iterations) else { throw ValidationError("--iterations must be in 1...100000, got \(iterations)") }
            if let threads, !(1...1_024).contains(threads) { throw ValidationError("--threads must be in 1...1024, got \(threads)") }
            try Train.validate(schedule: schedule, threads: threads)
        }

        func run() throws {
            if let threads { OpenBLAS.threadCount = threads }
            MatrixProducts.schedule = MatrixProducts.Schedule(rawValue: schedule)!
            let benchmark = TrainingBenchmark()
            let result = benchmark.run(iterations: iterations)
            print("OpenBLAS kernel \(OpenBLAS.coreName) (\(KernelChoice.provenance)), schedule \(MatrixProducts.schedule.rawValue), \(OpenBLAS.threadCount) OpenBLAS thread(s) per product")
            print(String(format: "%d iterations in %.2f s: %.1f iterations/s", result.iterations, result.seconds, result.iterationsPerSecond))
            print(String(format: "%.2f GFLOP per iteration (matrix products only): %.1f GFLOP/s", result.flopsPerIteration / 1e9, result.gigaflopsPerSecond))
            let peak = FMAPeak.measure()
            print(String(format: "FP32 FMA peak (%@, %d threads): %.1f GFLOP/s; the step runs at %.0f%% of it",
                         peak.instructionSet, peak.threads, peak.gigaflopsPerSecond, 100 * result.gigaflopsPerSecond / peak.gigaflopsPerSecond))
            let bound = TrainingBenchmark.matrixProductBound(result.products, iterations: iterations)
            print(String(format: "the same matrix products alone: %.1f iterations/s (the step reaches %.0f%% of that)",
                         bound, 100 * result.iterationsPerSecond / bound))
            let parzen = ParzenBenchmark()
            let evaluation = parzen.run()
            print(String(format: "Parzen window (%d centres; σ by %d validation images, then %d test images): %.2f s, %.1f GFLOP/s",
                         parzen.centres, parzen.validation, parzen.test, evaluation.seconds, evaluation.gigaflopsPerSecond))
            print(String(format: "its matrix products alone: %.2f s (the evaluation reaches %.0f%% of sgemm's throughput)",
                         evaluation.productSeconds, 100 * evaluation.shareOfProducts))
            print(String(format: "peak memory %.1f MB", Double(TrainingBenchmark.peakMemory) / 1e6))
        }
    }
}
