import Evaluation
import Figures
import Foundation
import GANCore
import ImageTraining

/// Chapter 6's full runs, read back from their committed records: the
/// curves over epochs, when each class appears, what D says about classes G
/// leaves out, and the final measures of every seed with their spread beside
/// the real-image, k-means and noise rows. Every number the chapter states
/// about the full runs is printed here from the records, so the literate
/// tests check the chapter against them.
public struct FullRunReport {
    /// One recorded run: its training record and the evaluation of its final checkpoint.
    public struct Run {
        public let name: String
        public let record: RunRecord
        public let evaluation: GeneratorEvaluation?
        public init(name: String, record: RunRecord, evaluation: GeneratorEvaluation?) {
            self.name = name
            self.record = record
            self.evaluation = evaluation
        }
        var seed: UInt64 { record.seed }
    }

    /// The full run's coverage criterion: every class at least 5% of the
    /// samples (the data has 10% each), counted on the evaluation's 10 000.
    public static let coverageThreshold = 0.05
    /// The epoch Chapter 6's full run used to stop at: where its samples missed shoes.
    public static let earlyEpoch = 8

    public let runs: [Run]

    public init(runs: [Run]) {
        precondition(!runs.isEmpty, "a report needs at least one run")
        self.runs = runs.sorted { $0.seed < $1.seed }
    }

    static let names = FashionClassifier.classNames

    static func percent(_ share: Double) -> String { fixed(100 * share, 1) }

    static func covered(_ fractions: [Double]) -> Int { fractions.count { $0 >= coverageThreshold } }

    /// The epochs the tables show: the first few, every eighth, and the last.
    func shownEpochs(_ record: RunRecord) -> [RunRecord.Epoch] {
        let last = record.epochs.last?.epoch ?? 0
        let wanted = Set([1, 2, 4] + stride(from: 8, through: last, by: 8) + [last])
        return record.epochs.filter { wanted.contains($0.epoch) }
    }

    // MARK: - The runs

    public func lines() -> [String] {
        var out: [String] = []
        out += summaryTable()
        out.append("")
        for run in runs { out += curveTable(run); out.append("") }
        out += appearanceTable()
        out.append("")
        out += earlyDiscriminatorTable()
        let evaluated = runs.filter { $0.evaluation != nil }
        if !evaluated.isEmpty {
            out.append("")
            out += finalTable(evaluated)
        }
        return out
    }

    func summaryTable() -> [String] {
        var table = TextTable("run", "recipe", "seed", "rows", "BLAS kernel", "threads", "epochs", "best FD", "at epoch", "training (min)")
        for run in runs {
            let r = run.record, best = r.best
            table.add(run.name, r.recipe.name, String(r.seed), String(r.trainingRows), r.openBLASCore, String(r.openBLASThreads),
                      String(r.epochs.last?.epoch ?? 0), best.map { fixed($0.frechetDistance, 2) } ?? "-",
                      best.map { String($0.epoch) } ?? "-", fixed((r.epochs.last?.trainingSeconds ?? 0) / 60, 1))
        }
        var out = runs[0].record.recipe.settingsLines
        if let other = runs.first(where: { $0.record.recipe != runs[0].record.recipe }) {
            out.append("  (\(other.name) ran another recipe: \(other.record.recipe.name))")
        }
        out.append("")
        out.append("Full runs, from their records (measured after every epoch on \(runs[0].record.measurement.samples) samples of one fixed z):")
        out += table.lines
        for run in runs { out.append("  \(run.name) stopped: \(run.record.stopReason ?? "by --epochs, before its patience ran out")") }
        let digests = Set(runs.map { $0.record.trainingImagesSHA256 ?? "not recorded" })
        if digests.count == 1, let digest = digests.first {
            out.append("  training images of every run: \(runs[0].record.dataFolder), SHA-256 \(digest)")
        } else {
            for run in runs { out.append("  \(run.name) training images: SHA-256 \(run.record.trainingImagesSHA256 ?? "not recorded")") }
        }
        let bests = runs.compactMap { $0.record.best?.frechetDistance }
        if bests.count > 1, let low = bests.min(), let high = bests.max() {
            out.append("  the best Frechet distances of the \(bests.count) runs span a factor of \(fixed(high / low, 2))")
        }
        return out
    }

    func curveTable(_ run: Run) -> [String] {
        var table = TextTable("epoch", "V", "D(x)", "D(G(z))", "FD", "precision", "recall", "classes >= 5%", "smallest class")
        for e in shownEpochs(run.record) {
            let smallest = e.classFractions.enumerated().min { $0.element < $1.element }!
            table.add(String(e.epoch), fixed(e.value, 4), fixed(e.meanRealProbability, 3), fixed(e.meanGeneratedProbability, 3),
                      fixed(e.frechetDistance, 2), fixed(e.precision, 3), fixed(e.recall, 3), String(Self.covered(e.classFractions)),
                      "\(Self.names[smallest.offset]) \(Self.percent(smallest.element))%")
        }
        return ["\(run.name) by epoch:"] + table.lines
    }

    /// The first epoch at which each class reached 5% of the samples, and the
    /// last at which it was below it, per seed.
    func appearanceTable() -> [String] {
        var table = TextTable(header: ["class"] + runs.flatMap { ["seed \($0.seed): first", "for good"] })
        for (k, name) in Self.names.enumerated() {
            table.add([name] + runs.flatMap { run -> [String] in
                let epochs = run.record.epochs
                let first = epochs.first { $0.classFractions[k] >= Self.coverageThreshold }?.epoch
                let lastBelow = epochs.last { $0.classFractions[k] < Self.coverageThreshold }?.epoch
                let forGood = lastBelow == nil ? epochs.first?.epoch : lastBelow == epochs.last?.epoch ? nil : lastBelow.map { $0 + 1 }
                return [first.map(String.init) ?? "never", forGood.map(String.init) ?? "not at the end"]
            })
        }
        return ["The epoch at which each class first reached 5% of the samples, and from which it stayed there:"] + table.lines
    }

    /// At the epoch the chapter's run used to stop: each class's share of the
    /// samples beside what D (without dropout) says about real validation
    /// images of that class.
    func earlyDiscriminatorTable() -> [String] {
        let early = runs.compactMap { run in run.record.epochs.first { $0.epoch == Self.earlyEpoch }.map { (run, $0) } }
        guard !early.isEmpty else { return [] }
        var header = ["class"]
        for (run, _) in early { header += ["seed \(run.seed) samples %", "D(real)"] }
        var table = TextTable(header: header)
        for (k, name) in Self.names.enumerated() {
            var row = [name]
            for (_, e) in early {
                row += [Self.percent(e.classFractions[k]), e.realProbabilityByClass.map { fixed($0[k], 3) } ?? "-"]
            }
            table.add(row)
        }
        return ["After epoch \(Self.earlyEpoch): each class's share of the samples, and D's mean output on real validation images of it:"]
            + table.lines
    }

    // MARK: - The final measures

    /// Mean and sample standard deviation.
    static func spread(_ values: [Double]) -> (mean: Double, sd: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, .nan) }
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance.squareRoot())
    }

    func finalTable(_ evaluated: [Run]) -> [String] {
        let evaluations = evaluated.map { $0.evaluation! }
        let samples = evaluations[0].quality.sizes.samples
        var out = ["Final checkpoints, \(samples) samples each by the classifier; Parzen windows of \(evaluations[0].parzenSizes.centres) samples, \(evaluations[0].parzenSizes.test) test images:"]
        var table = TextTable(header: ["measure"] + evaluated.map { "seed \($0.seed)" } + ["mean", "sd", "test images"])
        // Counts print whole, their mean and spread with one decimal.
        func row(_ name: String, _ values: [Double], decimals: Int, reference: String) {
            let (mean, sd) = Self.spread(values)
            let spreadDecimals = max(decimals, 1)
            table.add([name] + values.map { fixed($0, decimals) } + [fixed(mean, spreadDecimals), fixed(sd, spreadDecimals), reference])
        }
        let fractions = evaluations.map { $0.quality.histogram.fractions }
        let q = evaluations.map(\.quality)
        row("epochs trained", evaluated.map { Double($0.record.epochs.last?.epoch ?? 0) }, decimals: 0, reference: "-")
        row("classes >= 5%", fractions.map { Double(Self.covered($0)) }, decimals: 0, reference: "10")
        row("smallest class %", fractions.map { 100 * ($0.min() ?? 0) }, decimals: 1, reference: "10.0")
        row("largest class %", fractions.map { 100 * ($0.max() ?? 0) }, decimals: 1, reference: "10.0")
        row("Frechet distance", q.map(\.frechetDistance), decimals: 2, reference: fixed(q[0].frechetFloor, 2))
        row("precision", q.map(\.precision), decimals: 3, reference: fixed(q[0].realPrecision, 3))
        row("recall", q.map(\.recall), decimals: 3, reference: fixed(q[0].realRecall, 3))
        row("nearest training image, median squared L2", q.map(\.sampleDistances.median), decimals: 1, reference: fixed(q[0].testDistances.median, 1))
        let generator = evaluations.map { $0.parzen.first { $0.name == ParzenEvaluation.generatorRowName } }
        var parzenSpread: String?
        if generator.allSatisfy({ $0 != nil }) {
            let means = generator.map { $0!.mean }, errors = generator.map { $0!.standardError }
            row("Parzen log-likelihood", means, decimals: 1, reference: "-")
            row("  its standard error", errors, decimals: 1, reference: "-")
            if means.count > 1 {
                let ratio = Self.spread(means).sd / Self.spread(errors).mean
                parzenSpread = "the Parzen log-likelihood's standard deviation over seeds is \(fixed(ratio, 1)) times one run's standard error over test images"
            }
        }
        out += table.lines
        if let parzenSpread { out.append(parzenSpread) }
        let met = fractions.filter { Self.covered($0) == Self.names.count }.count
        out.append("every class at 5% or more of \(samples) samples: \(met) of \(evaluated.count) seeds")
        out.append("")
        out += referenceRows(evaluations)
        out.append("")
        out.append("class shares of the final samples (%):")
        var classes = TextTable(header: ["class"] + evaluated.map { "seed \($0.seed)" })
        for (k, name) in Self.names.enumerated() { classes.add([name] + fractions.map { Self.percent($0[k]) }) }
        out += classes.lines
        return out
    }

    /// The Parzen rows that do not depend on the generator, which every
    /// evaluation computed with the same seeds; printed once if they agree.
    func referenceRows(_ evaluations: [GeneratorEvaluation]) -> [String] {
        let references = evaluations.map { $0.parzen.filter { $0.name != ParzenEvaluation.generatorRowName } }
        let agree = references.dropFirst().allSatisfy { rows in
            zip(rows, references[0]).allSatisfy { $0.name == $1.name && $0.mean == $1.mean && $0.width == $1.width }
        }
        var table = TextTable("Parzen window on", "sigma", "test log-likelihood", "± s.e.")
        for row in references[0] { table.add(row.name, fixed(row.width, 3), fixed(row.mean, 1), fixed(row.standardError, 1)) }
        return [agree ? "Reference rows (the same in every evaluation):" : "Reference rows of seed \(runs[0].seed)'s evaluation (the others differ):"]
            + table.lines
    }

    // MARK: - Figures

    /// The measures over epochs, one line per seed.
    public func curvesFigure() -> RasterImage {
        func panel(_ title: String, _ yLabel: String, reference: (Double, String)? = nil, _ value: (RunRecord.Epoch) -> Double) -> LinePlot {
            var plot = LinePlot(title: title, xLabel: "epoch", yLabel: yLabel)
            for (index, run) in runs.enumerated() {
                let e = run.record.epochs
                plot.add(Series(label: "seed \(run.seed)", x: e.map { Double($0.epoch) }, y: e.map(value),
                                color: RGBColor.palette[index % RGBColor.palette.count], marker: Marker.allCases[index % Marker.allCases.count], markerSize: 4))
            }
            if let (y, label) = reference { plot.add(.horizontal(y: y, label: label)) }
            return plot
        }
        let panels = [
            panel("Fréchet distance to training images", "log10 of d² (classifier features)") { log10($0.frechetDistance) },
            panel("classes at 5% or more", "classes", reference: (10, "all")) { Double(Self.covered($0.classFractions)) },
            panel("smallest class", "share of samples (%)", reference: (5, "5%")) { 100 * ($0.classFractions.min() ?? 0) },
            panel("precision (k = 3)", "share") { $0.precision },
            panel("recall (k = 3)", "share") { $0.recall },
            panel("V(D, G) on minibatches", "mean of V", reference: (-log(4.0), "−log 4")) { $0.value },
            panel("D(x), real", "mean D", reference: (0.5, "½")) { $0.meanRealProbability },
            panel("D(G(z)), generated", "mean D", reference: (0.5, "½")) { $0.meanGeneratedProbability },
        ]
        return PanelFigure(panels: panels, columns: 2, title: "Full runs of the \(runs[0].record.recipe.name) recipe, measured after every epoch",
                           panelWidth: 760, panelHeight: 440).render()
    }

    /// Each class's share of the samples over epochs, one panel per class and
    /// one line per seed, with the 5% line.
    public func classesFigure() -> RasterImage {
        let panels = Self.names.enumerated().map { k, name -> LinePlot in
            var plot = LinePlot(title: name, xLabel: "epoch", yLabel: "share of samples (%)")
            for (index, run) in runs.enumerated() {
                let e = run.record.epochs
                plot.add(Series(label: "seed \(run.seed)", x: e.map { Double($0.epoch) }, y: e.map { 100 * $0.classFractions[k] },
                                color: RGBColor.palette[index % RGBColor.palette.count], width: 1.5))
            }
            plot.add(.horizontal(y: 100 * Self.coverageThreshold, label: "5%", color: .vermillion))
            plot.yAxis.range = 0...25
            plot.legend = k == 0 ? .topRight : .hidden
            return plot
        }
        return PanelFigure(panels: panels, columns: 5, title: "Share of each class in the samples, by epoch (the data: 10% each)",
                           panelWidth: 520, panelHeight: 380).render()
    }
}
