import CFMAPeak
import Dispatch
import Foundation

/// The CPU's FP32 peak: every core running independent fused multiply-add
/// chains of the widest vectors it has, the figure the benchmark's GFLOP/s
/// are a share of. (No matrix product reaches it; it is the ceiling.)
public enum FMAPeak {
    public struct Result: Sendable {
        /// Lanes per FMA instruction: 16 (AVX-512), 8 (AVX2), 0 (no FMA).
        public let lanes: Int
        public let threads: Int
        public let gigaflopsPerSecond: Double
        public var instructionSet: String { lanes == 16 ? "AVX-512" : lanes == 8 ? "AVX2" : "none" }
    }

    /// The best of `repeats` runs of `rounds` rounds on each of `threads` threads at once.
    public static func measure(
        threads: Int = ProcessInfo.processInfo.activeProcessorCount, rounds: Int = 20_000_000, repeats: Int = 3
    ) -> Result {
        let lanes = Int(fma_peak_lanes())
        guard lanes > 0 else { return Result(lanes: 0, threads: threads, gigaflopsPerSecond: 0) }
        var best = 0.0
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: threads) { _ in _ = fma_peak_run(rounds) }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            // Each round is 12 FMAs of `lanes` lanes, two FLOPs each.
            best = max(best, Double(threads * rounds * 12 * lanes * 2) / seconds / 1e9)
        }
        return Result(lanes: lanes, threads: threads, gigaflopsPerSecond: best)
    }
}
