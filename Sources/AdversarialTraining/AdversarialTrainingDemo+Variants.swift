import Figures
import Foundation
import GANCore
import GeneratorStep

extension AdversarialTrainingDemo {
    /// One change to Figure 1's setting, run for `variantIterations`.
    public struct Variant: Sendable {
        /// The name in the table over seeds, and the shorter one of the seed-1 curves.
        public let name: String
        public let key: String
        public let change: @Sendable (inout OneDimensionalGAN) -> Void
    }

    /// Each variant changes one thing against Figure 1's run, except the
    /// authors' rule, which changes three; the last two split off one of
    /// them, the halved D cost. Momentum SGD's velocity step v ← μv + ηg is
    /// linear in ηg, so halving D's rate is halving its cost, bit for bit.
    public static let variants: [Variant] = [
        Variant(name: "Algorithm 1, k = 1, -log D (above)", key: "k = 1") { _ in },
        Variant(name: "Algorithm 1, k = 5", key: "k = 5") { $0.configuration.updateRule = .algorithm1(k: 5) },
        Variant(name: "saturating log(1 - D)", key: "saturating") { $0.configuration.generatorLoss = .saturating },
        Variant(name: "simultaneous (authors' code)", key: "simultaneous") { $0.configuration.updateRule = .simultaneous },
        Variant(name: "Algorithm 1, D rate halved (cost halved)", key: "k = 1, D rate halved") {
            $0.configuration.discriminatorLearningRate /= 2
        },
        Variant(name: "simultaneous, D rate doubled (cost not halved)", key: "simultaneous, D rate doubled") {
            $0.configuration.updateRule = .simultaneous
            $0.configuration.discriminatorLearningRate *= 2
        },
    ]

    /// A variant's run: its records every 100 iterations, and the lowest
    /// minibatch mean of D(G(z)) that any of its G steps saw.
    public struct VariantRun: Sendable {
        public let records: [TrainingRecord]
        public let lowestGeneratedProbability: Double
    }

    public static func runVariant(_ variant: Variant, of world: OneDimensionalGAN, seed: UInt64) throws -> VariantRun {
        var changed = world
        variant.change(&changed)
        let trainer = changed.makeTrainer(seed: seed)
        // The mean D(G(z)) each G step computed on its own minibatch.
        var lowest = Double.infinity
        trainer.onUpdate = { [unowned trainer] update in
            if update.kind != .discriminator, let result = trainer.lastGeneratorResult {
                lowest = min(lowest, result.meanGeneratedProbability)
            }
        }
        var records = [try TrainingRecord(changed, trainer)]
        while trainer.iterations < variantIterations {
            trainer.train(iterations: 100)
            records.append(try TrainingRecord(changed, trainer))
        }
        trainer.onUpdate = nil
        return VariantRun(records: records, lowestGeneratedProbability: lowest)
    }

    /// The variants from `variantSeeds` seeds: seed 1's curves, then the spread over seeds.
    static func variants(_ context: DemoContext, world: OneDimensionalGAN) throws {
        let seeds = (0..<UInt64(variantSeeds)).map { context.seed + $0 }
        let runs = try variants.map { variant in try seeds.map { try runVariant(variant, of: world, seed: $0) } }

        context.say("Variants, \(variantIterations) iterations each. JSD of seed \(context.seed) every 100 iterations:")
        let width = variants.map(\.key.count).max()! + 1
        // A header over the columns, each as wide as a fixed(_:) value.
        let iterations = runs[0][0].records.map { "\($0.iteration)".padding(toLength: 6, withPad: " ", startingAt: 0) }
        let header = "  \("iteration:".padding(toLength: width, withPad: " ", startingAt: 0)) \(iterations.joined(separator: " "))"
        context.say(String(header.reversed().drop { $0 == " " }.reversed()))
        for (variant, run) in zip(variants, runs) {
            let curve = run[0].records.map(\.divergence)
            let key = (variant.key + ":").padding(toLength: width, withPad: " ", startingAt: 0)
            context.say("  \(key) \(curve.map { fixed($0) }.joined(separator: " "))  \(TextCurve.sparkline(curve, range: 0...0.7))")
        }
        context.say()

        context.say("Over seeds \(seeds.first!) to \(seeds.last!): JSD at 200 and \(variantIterations) iterations, "
            + "and the lowest minibatch mean D(G(z)) a G step saw")
        var table = TextTable("variant", "JSD 200 median", "JSD \(variantIterations) median", "lowest", "highest",
                              "lowest D(G(z)), seed \(context.seed)", "any seed")
        for (variant, run) in zip(variants, runs) {
            func at(_ i: Int) -> [Double] { run.map { r in r.records.first { $0.iteration == i }!.divergence } }
            let final = at(variantIterations)
            table.add(variant.name, fixed(median(at(200))), fixed(median(final)), fixed(final.min()!), fixed(final.max()!),
                      fixed(run[0].lowestGeneratedProbability), fixed(run.map(\.lowestGeneratedProbability).min()!))
        }
        table.lines.forEach(context.say)

        let figure = try context.figure("algorithm-1-variants.png")
        var plot = LinePlot(title: "JSD(p_data, p_g) during training, seed \(context.seed)", xLabel: "iteration", yLabel: "JSD (nats)")
        let colors: [RGBColor] = [.blue, .orange, .vermillion, .purple, .green, .black]
        for (index, (variant, run)) in zip(variants, runs).enumerated() {
            let records = run[0].records
            // The two runs that split the authors' rule are dashed.
            plot.add(Series(label: variant.key, x: records.map { Double($0.iteration) }, y: records.map(\.divergence),
                            color: colors[index], style: index < 4 ? .solid : .dashed, marker: index == 0 ? nil : .circle))
        }
        plot.legend = .topRight
        try plot.render(width: 720, height: 420).write(to: figure.url)
        context.say("Figure: \(figure.displayName)")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
    }
}
