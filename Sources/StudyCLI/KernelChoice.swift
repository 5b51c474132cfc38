import Foundation
import GANCore

/// OpenBLAS 0.3.21 (Debian 12's) takes a CPU it does not know, such as an
/// Intel Xeon of family 6, model 207 (2023, newer than that release), for a
/// Pentium 4 and runs its Prescott (SSE3) kernel: measured on such a Xeon,
/// the training step ran 3.3× slower than on its SkylakeX (AVX-512) kernel.
/// OpenBLAS reads `OPENBLAS_CORETYPE` only when it loads, so `study`
/// chooses the kernel by the CPU's own flags and starts itself once more
/// with that set. A kernel OpenBLAS did recognise, or one the environment
/// names, is left alone.
enum KernelChoice {
    /// Set in the environment of the second start: the kernel OpenBLAS fell back to.
    static let fallbackVariable = "GAN_STUDY_OPENBLAS_FALLBACK"

    /// OpenBLAS's kernel for CPUs it cannot name.
    static let fallbackKernel = "Prescott"

    /// The kernel for these CPU flags (from /proc/cpuinfo): SkylakeX needs
    /// AVX-512 F, BW, DQ and VL; Haswell AVX2 and FMA; otherwise none.
    static func kernel(forFlags flags: Set<Substring>) -> String? {
        if ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        return nil
    }

    /// The flags of the first processor in /proc/cpuinfo (empty where there is none).
    static var cpuFlags: Set<Substring> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " "))
    }

    /// Starts this program again with a kernel for this CPU, if OpenBLAS
    /// fell back to Prescott and nobody chose one; returns if not (or if
    /// the new start fails, which leaves OpenBLAS's choice in force).
    static func restartIfOpenBLASFellBack() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[fallbackVariable] == nil,
              OpenBLAS.coreName == fallbackKernel, let kernel = kernel(forFlags: cpuFlags) else { return }
        setenv("OPENBLAS_CORETYPE", kernel, 1)
        setenv(fallbackVariable, fallbackKernel, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// How the kernel in use was chosen, for the benchmark's report.
    static var provenance: String {
        guard let fallback = ProcessInfo.processInfo.environment[fallbackVariable] else {
            return ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil ? "named by OPENBLAS_CORETYPE" : "OpenBLAS's own choice"
        }
        return "chosen by study from the CPU's flags: OpenBLAS took this CPU for \(fallback)"
    }
}
