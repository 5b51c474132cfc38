import Foundation
import GANCore

extension Catalogue {
    /// Exercise 6.1: the stable log-mean-exp.
    public static var logMeanExp: Exercise<([Double]) -> Double> {
        let info = ExerciseInfo(
            "6.1", "log-mean-exp, without underflow", kind: .derive,
            task: ["log((1/n) Σⱼ exp(eⱼ)) for n ≥ 1 exponents eⱼ, finite and accurate whatever their size: in 784",
                   "dimensions the Parzen window's exponents lie hundreds below 0, where exp(eⱼ) is 0 even in Double",
                   "(Double reaches about e^−745). Find the rewriting that makes the sum hold a term equal to 1."],
            paper: "§5 (Table 1's Parzen-window estimate)", answer: "Chapter 6, \"Table 1's method: a Parzen window\"",
            solution: .solutions("Chapter6/ParzenWindow.swift", region: "log-mean-exp", function: "logMeanExp"))
        return Exercise(info, solution: { ExerciseChecks.logMeanExp($0) }, mistakes: [
            .recognised("naive", "log of the mean of exp(eⱼ)",
                        hint: "exp(eⱼ) underflowed to 0 (or overflowed to ∞): take the largest e* out first, log (1/n) Σ exp(eⱼ) = e* + log((1/n) Σ exp(eⱼ − e*))",
                        { e in log(e.reduce(0) { $0 + exp($1) } / Double(e.count)) }),
            .recognised("sum", "log-sum-exp, without the 1/n",
                        hint: "that is log Σ exp(eⱼ), off by log n: the window is a mean of n kernels, (1/n) Σⱼ",
                        { e in let top = e.max()!; return top + log(e.reduce(0) { $0 + exp($1 - top) }) }),
            .recognised("largest-only", "the largest exponent alone",
                        hint: "the largest term alone leaves out the others: e* + log((1/n) Σ exp(eⱼ − e*)), where the sum adds every term",
                        { e in e.max()! }),
        ]) { random in
            // Pairwise log-add-exp, term by term: a route that never forms the sum of exponentials.
            func reference(_ e: [Double]) -> Double { e.dropFirst().reduce(e[0]) { logAddExp($0, $1) } - log(Double(e.count)) }
            let cases: [(String, [Double])] = [
                ("5 exponents from [−3, 3]", Inputs.uniform(5, random, -3, 3)),
                ("50 exponents from [−800, −600], where exp(eⱼ) is 0 in Double", Inputs.uniform(50, random, -800, -600)),
                ("20 exponents from [600, 720], where exp(eⱼ) overflows", Inputs.uniform(20, random, 600, 720)),
                ("one exponent, −1000", [-1000]),
            ]
            return cases.map { description, e in
                CheckCase(description, references: [.value(.scalar("log-mean-exp", reference(e)), "log-add-exp term by term", floor: 1e-12)]) { f in
                    [.scalar("log-mean-exp", f(e))]
                }
            }
        }
    }

    /// Exercise 6.2: the Parzen window's log-density.
    public static var parzenLogDensity: Exercise<([Double], Matrix<Double>, Double) -> Double> {
        let info = ExerciseInfo(
            "6.2", "The Parzen window's log-density", kind: .derive,
            task: ["log p(x) for a point x of dimension d under a Gaussian Parzen window: the mean of n isotropic",
                   "Gaussians N(μⱼ, σ²I), one centred on each row μⱼ of `centres` (n × d), all of width σ.",
                   "It must be accurate in 784 dimensions with σ = 0.1, where every kernel's exp underflows."],
            paper: "§5, Table 1", answer: "Chapter 6, \"Table 1's method: a Parzen window\"",
            solution: .solutions("Chapter6/ParzenWindow.swift", region: "parzen-log-density", function: "parzenLogDensity"))
        func window(_ x: [Double], _ centres: Matrix<Double>, _ sigma: Double, exponentScale: Double = 2, normaliser: Double? = nil,
                    mean: ([Double]) -> Double = { ExerciseChecks.logMeanExp($0) }) -> Double {
            let d = centres.columns
            let e = (0..<centres.rows).map { j in
                -(0..<d).reduce(0.0) { $0 + (x[$1] - centres[j, $1]) * (x[$1] - centres[j, $1]) } / (exponentScale * sigma * sigma)
            }
            return mean(e) - (normaliser ?? Double(d) * log(sigma * (2 * Double.pi).squareRoot()))
        }
        return Exercise(info, solution: { ExerciseChecks.parzenLogDensity(point: $0, centres: $1, width: $2) }, mistakes: [
            .recognised("normaliser-power", "d·log(2πσ²) subtracted",
                        hint: "each Gaussian's normaliser is (2πσ²)^(−d/2): subtract (d/2)·log(2πσ²) = d·log(σ√(2π)), half of what yours subtracts",
                        { x, c, s in window(x, c, s, normaliser: Double(c.columns) * log(2 * Double.pi * s * s)) }),
            .recognised("exponent-half", "−‖x − μ‖²/σ² in the exponent",
                        hint: "the Gaussian's exponent is −‖x − μ‖²/(2σ²): the 2 is missing",
                        { x, c, s in window(x, c, s, exponentScale: 1) }),
            .recognised("naive", "the mean of exp(eⱼ) taken directly",
                        hint: "exp(eⱼ) underflowed to 0 for every kernel, so the log is −∞: use Exercise 6.1's log-mean-exp",
                        { x, c, s in window(x, c, s) { e in log(e.reduce(0) { $0 + exp($1) } / Double(e.count)) } }),
        ]) { random in
            [(2, 5, 0.5), (10, 30, 0.3), (784, 20, 0.1)].map { d, n, sigma in
                let x = Inputs.uniform(d, random, 0, 1), centres = Inputs.uniform(n * d, random, 0, 1)
                // Term by term with log-add-exp, the normaliser as −(d/2)·log(2πσ²).
                var total = -Double.infinity
                for j in 0..<n {
                    let squared = (0..<d).reduce(0.0) { $0 + (x[$1] - centres[j * d + $1]) * (x[$1] - centres[j * d + $1]) }
                    total = logAddExp(total, -squared / (2 * sigma * sigma))
                }
                let expected = total - log(Double(n)) - Double(d) / 2 * log(2 * Double.pi * sigma * sigma)
                return CheckCase("d = \(d), n = \(n) centres, σ = \(sigma)",
                                 references: [.value(.scalar("log p(x)", expected), "log-add-exp kernel by kernel", floor: 1e-12)]) { f in
                    [.scalar("log p(x)", f(x, Inputs.matrix(n, d, centres), sigma))]
                }
            }
        }
    }

    /// Exercise 6.4: the kernel distance, beyond the chapter's measures.
    public static var kernelInceptionDistance: Exercise<(Matrix<Double>, Matrix<Double>) -> Double> {
        let info = ExerciseInfo(
            "6.4", "The kernel (inception) distance", kind: .beyond,
            task: ["The unbiased estimate of the squared maximum mean discrepancy between the rows of `real` (m × d)",
                   "and of `generated` (n × d), with the cubic kernel k(x, y) = (x·y/d + 1)³: the mean of k over pairs of",
                   "distinct real rows, plus the same over generated rows, minus twice the mean of k over real-generated pairs."],
            paper: "not in the paper; a sample measure like Chapter 6's Fréchet distance",
            answer: "Sources/ExerciseChecks/Solutions/Chapter6/KernelInceptionDistance.swift",
            citation: "Bińkowski, Sutherland, Arbel and Gretton 2018, \"Demystifying MMD GANs\", arXiv:1801.01401",
            solution: .solutions("Chapter6/KernelInceptionDistance.swift", region: "kernel-inception-distance", function: "kernelInceptionDistance"))
        func mmd(_ x: Matrix<Double>, _ y: Matrix<Double>, unbiased: Bool = true, scaled: Bool = true) -> Double {
            let d = Double(x.columns)
            func k(_ a: Matrix<Double>, _ i: Int, _ b: Matrix<Double>, _ j: Int) -> Double {
                let dot = (0..<a.columns).reduce(0.0) { $0 + a[i, $1] * b[j, $1] }
                let base = (scaled ? dot / d : dot) + 1
                return base * base * base
            }
            func within(_ a: Matrix<Double>) -> Double {
                var total = 0.0
                for i in 0..<a.rows { for j in 0..<a.rows where !unbiased || i != j { total += k(a, i, a, j) } }
                return total / Double(unbiased ? a.rows * (a.rows - 1) : a.rows * a.rows)
            }
            var across = 0.0
            for i in 0..<x.rows { for j in 0..<y.rows { across += k(x, i, y, j) } }
            return within(x) + within(y) - 2 * across / Double(x.rows * y.rows)
        }
        return Exercise(info, solution: { ExerciseChecks.kernelInceptionDistance(real: $0, generated: $1) }, mistakes: [
            .recognised("biased", "pairs of a row with itself included",
                        hint: "the unbiased estimate leaves out i = j in the within-set sums and divides by m(m − 1); with them it is biased upwards",
                        { mmd($0, $1, unbiased: false) }),
            .recognised("unscaled-kernel", "(x·y + 1)³",
                        hint: "the kernel divides x·y by the dimension d: k(x, y) = (x·y/d + 1)³",
                        { mmd($0, $1, scaled: false) }),
        ]) { random in
            [(4, 5, 2), (10, 8, 6), (30, 25, 16)].map { m, n, d in
                let real = Inputs.uniform(m * d, random, -1, 1), generated = Inputs.uniform(n * d, random, -0.5, 1.5)
                // Through the Gram matrices: the whole sums, less their diagonals.
                func gram(_ a: [Double], _ ra: Int, _ b: [Double], _ rb: Int) -> [[Double]] {
                    (0..<ra).map { i in (0..<rb).map { j in
                        let base = (0..<d).reduce(0.0) { $0 + a[i * d + $1] * b[j * d + $1] } / Double(d) + 1
                        return base * base * base
                    } }
                }
                let kxx = gram(real, m, real, m), kyy = gram(generated, n, generated, n), kxy = gram(real, m, generated, n)
                let sum = { (g: [[Double]]) in g.flatMap { $0 }.reduce(0, +) }
                let trace = { (g: [[Double]]) in g.indices.reduce(0.0) { $0 + g[$1][$1] } }
                let expected = (sum(kxx) - trace(kxx)) / Double(m * (m - 1)) + (sum(kyy) - trace(kyy)) / Double(n * (n - 1))
                    - 2 * sum(kxy) / Double(m * n)
                return CheckCase("m = \(m) real and n = \(n) generated rows of dimension \(d)",
                                 references: [.value(.scalar("MMD²", expected), "the Gram matrices' sums less their diagonals", floor: 1e-12)]) { f in
                    [.scalar("MMD²", f(Inputs.matrix(m, d, real), Inputs.matrix(n, d, generated)))]
                }
            }
        }
    }
}
