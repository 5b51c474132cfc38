import DiscriminatorStep
import Figures
import Foundation
import GANCore
import GeneratorStep

/// `study chapter 4`: Algorithm 1 end to end, Figure 1 reproduced, the
/// variants compared, and mode collapse (§6).
public enum AdversarialTrainingDemo: ChapterDemo {
    public static let number = 4
    public static let title = "Algorithm 1"
    public static let summary = "The full loop: k D steps then one G step; k, the two G losses and the authors' simultaneous update compared; Figure 1 reproduced; mode collapse (§6)."

    /// Iteration of panel (a), and the lengths of the two half-steps after it.
    public static let panelIteration = 300
    public static let panelDiscriminatorSteps = 300
    public static let panelGeneratorSteps = 20
    /// Generator steps with D frozen, for §6's collapse.
    public static let collapseSteps = 1000
    /// Iterations of each variant run, and how many seeds each is run from.
    public static let variantIterations = 1000
    public static let variantSeeds = 5

    /// Trains `world` from `seed`, recording every `every` iterations.
    public static func train(_ world: OneDimensionalGAN, seed: UInt64, iterations: Int = OneDimensionalGAN.iterations,
                             every: Int) throws -> (trainer: GANTrainer<Double>, records: [TrainingRecord]) {
        let trainer = world.makeTrainer(seed: seed)
        var records = [try TrainingRecord(world, trainer)]
        while trainer.iterations < iterations {
            trainer.train(iterations: min(every, iterations - trainer.iterations))
            records.append(try TrainingRecord(world, trainer))
        }
        return (trainer, records)
    }

    public static func run(_ context: DemoContext) throws {
        let world = OneDimensionalGAN.figure1
        context.say("Settings (seed \(context.seed)):")
        for line in world.settingsLines { context.say("  " + line) }
        context.say("  JSD from \(OneDimensionalGAN.divergenceSamples) samples of G; Figure 1 at iteration \(panelIteration), "
            + "then \(panelDiscriminatorSteps) D steps, then \(panelGeneratorSteps) G steps")
        context.say("  variants: \(variantIterations) iterations from each of \(variantSeeds) seeds; collapse: \(collapseSteps) G steps with D frozen")
        context.say()

        let (trainer, records) = try train(world, seed: context.seed, every: 100)
        let bias = try JensenShannonEstimate.divergence(
            world.data, Gaussian(mean: world.data.mean, standardDeviation: (world.data.standardDeviation * world.data.standardDeviation
                + pow(JensenShannonEstimate.KernelDensity(samples: world.generatedSamples(trainer)).bandwidth, 2)).squareRoot()))
        context.say("Training (JSD estimated from samples of G by a kernel density estimate and GSL quadrature)")
        var table = TextTable("iteration", "JSD", "mean G(z)", "sd G(z)", "E D(x)", "E D(G(z))")
        for record in records where [0, 100, 300, 500, 1000, 2000, 3000].contains(record.iteration) {
            table.add("\(record.iteration)", fixed(record.divergence), fixed(record.generatedMean), fixed(record.generatedStandardDeviation),
                      fixed(record.meanRealProbability), fixed(record.meanGeneratedProbability))
        }
        table.lines.forEach(context.say)
        context.say("(p_data itself has mean \(fixed(world.data.mean, 1)) and sd \(fixed(world.data.standardDeviation, 1)); smoothing alone would cost a perfect G a JSD of \(fixed(bias)).)")
        context.say()
        context.say("The curves, every 100 iterations (0 to \(OneDimensionalGAN.iterations)):")
        func curve(_ name: String, _ values: [Double], _ range: ClosedRange<Double>? = nil) {
            let padded = (name + ":").padding(toLength: 11, withPad: " ", startingAt: 0)
            context.say("  \(padded) \(fixed(values.first!)) \(TextCurve.sparkline(values, range: range)) \(fixed(values.last!))")
        }
        curve("JSD", records.map(\.divergence))
        curve("E D(x)", records.map(\.meanRealProbability), 0...1)
        curve("E D(G(z))", records.map(\.meanGeneratedProbability), 0...1)
        curve("sd G(z)", records.map(\.generatedStandardDeviation))
        let final = records.last!
        let centre = grid((world.data.mean - 2 * world.data.standardDeviation)...(world.data.mean + 2 * world.data.standardDeviation), count: 81)
        let farthest = trainer.discriminator.probabilities(at: centre).map { abs($0 - 0.5) }.max()!
        context.say("At the end D is within \(fixed(farthest)) of 1/2 on [mean - 2 sd, mean + 2 sd] of p_data, and JSD = \(fixed(final.divergence)).")
        context.say()

        try figure1(context, world: world, finalTrainer: trainer)
        context.say()
        try variants(context, world: world)
        context.say()
        try collapse(context, world: world, trainer: trainer)
    }

    /// Figure 1's four panels.
    static func figure1(_ context: DemoContext, world: OneDimensionalGAN, finalTrainer: GANTrainer<Double>) throws {
        let trainer = world.makeTrainer(seed: context.seed)
        trainer.train(iterations: panelIteration)
        func panel(_ caption: String, _ t: GANTrainer<Double>, optimal: Bool = false, legend: Bool = false) -> LinePlot {
            Figure1Panel(world: world, caption: caption, drawsOptimalDiscriminator: optimal, showsLegend: legend).plot(
                generator: t.generator, discriminator: t.discriminator, generatedSamples: world.generatedSamples(t))
        }
        var rows = TextTable("panel", "state", "JSD", "E D(x)", "E D(G(z))")
        func row(_ name: String, _ state: String, _ t: GANTrainer<Double>) throws {
            let r = try TrainingRecord(world, t)
            rows.add(name, state, fixed(r.divergence), fixed(r.meanRealProbability), fixed(r.meanGeneratedProbability))
        }
        let a = panel("(a) iteration \(panelIteration)", trainer, legend: true)
        try row("(a)", "after \(panelIteration) iterations", trainer)
        trainer.trainDiscriminatorOnly(steps: panelDiscriminatorSteps)
        let b = panel("(b) then \(panelDiscriminatorSteps) D steps, G fixed; D* purple", trainer, optimal: true)
        try row("(b)", "+ \(panelDiscriminatorSteps) D steps", trainer)
        trainer.trainGeneratorOnly(steps: panelGeneratorSteps)
        let c = panel("(c) then \(panelGeneratorSteps) G steps, D fixed", trainer)
        try row("(c)", "+ \(panelGeneratorSteps) G steps", trainer)
        let d = panel("(d) iteration \(OneDimensionalGAN.iterations)", finalTrainer)
        try row("(d)", "after \(OneDimensionalGAN.iterations) iterations", finalTrainer)
        context.say("Figure 1, reproduced: p_data (black, dotted), p_g (green), D (blue, dashed), arrows x = G(z); panel (b) adds D* (purple)")
        rows.lines.forEach(context.say)
        let figure = try context.figure("figure-1.png")
        try PanelFigure(panels: [a, b, c, d], columns: 4, panelWidth: 420, panelHeight: 330).render().write(to: figure.url)
        context.say("Figure: \(figure.displayName)")
    }

    /// §6: G trained on with D frozen collapses many z onto one x.
    static func collapse(_ context: DemoContext, world: OneDimensionalGAN, trainer: GANTrainer<Double>) throws {
        let before = try TrainingRecord(world, trainer)
        let beforePanel = Figure1Panel(world: world, caption: "(a) after training").plot(
            generator: trainer.generator, discriminator: trainer.discriminator, generatedSamples: world.generatedSamples(trainer))
        trainer.configuration.generatorLearningRate = world.configuration.generatorLearningRate
        trainer.trainGeneratorOnly(steps: collapseSteps)
        let after = try TrainingRecord(world, trainer)
        let afterPanel = Figure1Panel(world: world, caption: "(b) then \(collapseSteps) G steps with D frozen").plot(
            generator: trainer.generator, discriminator: trainer.discriminator, generatedSamples: world.generatedSamples(trainer))
        context.say("Mode collapse (§6): \(collapseSteps) more G steps with D frozen")
        var table = TextTable("", "JSD", "mean G(z)", "sd G(z)", "E D(G(z))")
        table.add("after training", fixed(before.divergence), fixed(before.generatedMean), fixed(before.generatedStandardDeviation), fixed(before.meanGeneratedProbability))
        table.add("then \(collapseSteps) G steps", fixed(after.divergence), fixed(after.generatedMean), fixed(after.generatedStandardDeviation), fixed(after.meanGeneratedProbability))
        table.lines.forEach(context.say)
        let figure = try context.figure("mode-collapse.png")
        try PanelFigure(panels: [beforePanel, afterPanel], columns: 2, panelWidth: 480, panelHeight: 330).render().write(to: figure.url)
        context.say("Figure: \(figure.displayName)")
    }
}
