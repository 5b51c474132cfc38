import Foundation
import GANCore
import ValueFunction

/// `study chapter 5`: Proposition 1, Theorem 1 and Proposition 2, each
/// checked numerically.
public enum TheoreticalResultsDemo: ChapterDemo {
    public static let number = 5
    public static let title = "Theoretical results"
    public static let summary = "§4: the optimal discriminator (Proposition 1), C(G) = -log 4 + 2·JSD (Theorem 1), convergence in p_g (Proposition 2) and why it fails for a parametric G."

    // MARK: Proposition 1

    /// The values of a and b the maximiser is checked on, in every pairing.
    public static let maximiserGrid: [Double] = [1e-9, 1e-6, 1e-3, 0.1, 0.5, 1, 2, 10]
    /// The pairs the demo's table shows.
    public static let shownMaximiserPairs: [(a: Double, b: Double)] = [(1e-9, 1), (1e-3, 2), (0.5, 0.5), (1, 0.1), (10, 1e-6)]
    /// Perturbation sizes: two large, one small enough for the ε² law.
    public static let largePerturbation = 0.5
    public static let smallPerturbation = 0.01

    // MARK: Theorem 1

    public static let standardGaussian = Gaussian(mean: 0, standardDeviation: 1)
    public static let bimodal = Mixture(
        [Gaussian(mean: -2, standardDeviation: 0.5), Gaussian(mean: 2, standardDeviation: 0.5)], weights: [0.7, 0.3])

    /// The smallest shift of the mean in the Theorem 1 table.
    public static let smallShift = 0.01
    /// The pairs (p_data, p_g) of the Theorem 1 table.
    public static let criterionPairs: [(data: any Density1D, generator: any Density1D)] = [
        (standardGaussian, standardGaussian),
        (standardGaussian, Gaussian(mean: smallShift, standardDeviation: 1)),
        (standardGaussian, Gaussian(mean: 2, standardDeviation: 1)),
        (standardGaussian, Gaussian(mean: 0, standardDeviation: 2)),
        (Mixture([Gaussian(mean: -2, standardDeviation: 0.5), Gaussian(mean: 2, standardDeviation: 0.5)], weights: [1, 1]),
         Gaussian(mean: 0, standardDeviation: 2)),
        (standardGaussian, Uniform(-2, 2)),
        (Uniform(-1, 1), Uniform(0, 2)),
        (Uniform(-1, 0), Uniform(1, 2)),
    ]

    /// The pairs the perturbation table uses: those whose densities overlap
    /// and differ (on disjoint supports D* is 0 or 1 and no finite change of
    /// its logit moves V).
    public static var perturbationPairs: [(data: any Density1D, generator: any Density1D)] {
        [criterionPairs[2], criterionPairs[3], criterionPairs[4], criterionPairs[5]]
    }

    /// The means of the generator family N(μ, s²) drawn in the figure.
    public static let familyMeans = stride(from: -4.0, through: 4.0, by: 0.2).map { $0 }

    // MARK: Proposition 2

    /// The grid p_g lives on in Proposition 2.
    public static let grid = (0...240).map { -6 + 0.05 * Double($0) }
    /// p_g's starting point on the grid.
    public static let simplexStart = Gaussian(mean: 1, standardDeviation: 1.5)
    public static let simplexStepSize = 0.5
    public static let simplexSteps = 40
    /// Steps whose state the table shows.
    public static let simplexShownSteps = [0, 1, 2, 5, 10, 20, 30, 40]

    /// The §4.2 caveat: a two-mean family (weights of p_data, width 0.5).
    public static let parametricFamily = ParametricGenerator(weight: 0.7, width: 0.5)
    public static let parametricStarts: [[Double]] = [[-1, 1], [1, -1]]
    public static let parametricStepSize = 1.0
    public static let parametricSteps = 30

    public static func run(_ context: DemoContext) throws {
        try proposition1(context)
        context.say()
        try perturbations(context)
        context.say()
        try theorem1(context)
        context.say()
        let family = try generatorFamily(context)
        context.say()
        let simplex = proposition2(context)
        context.say()
        let parametric = try caveat(context)
        context.say()
        try TheoreticalResultsFigures.write(family: family, simplex: simplex, parametric: parametric, to: context)
    }

    // MARK: -

    /// The pointwise maximiser against GSL's Brent minimiser.
    static func proposition1(_ context: DemoContext) throws {
        context.say("Proposition 1: a·log y + b·log(1 - y) peaks at y* = a/(a + b)")
        context.say("GSL's Brent minimiser on the logit t (y = σ(t)), bracketed from \(PointwiseMaximiser.bracketGridPoints) grid points, against the closed form")
        var table = TextTable("a", "b", "a/(a + b)", "Brent's y", "|t - t*|", "resolution")
        for (a, b) in shownMaximiserPairs {
            let found = try PointwiseMaximiser.numericLogit(a: a, b: b)
            let exact = PointwiseMaximiser.closedFormLogit(a: a, b: b)
            table.add(
                scientific(a, 0), scientific(b, 0), scientific(a / (a + b), 6), scientific(sigmoid(found.x), 6),
                scientific(abs(found.x - exact), 1), scientific(PointwiseMaximiser.resolution(a: a, b: b), 1))
        }
        table.lines.forEach(context.say)
        let worst = try worstMaximiserError()
        context.say("All \(maximiserGrid.count * maximiserGrid.count) pairs (a, b) from {\(maximiserGrid.map { String(format: "%g", $0) }.joined(separator: ", "))}:")
        context.say("  worst |t - t*| = \(scientific(worst, 1)), so y* and 1 - y* are both found to a relative error of at most \(scientific(worst, 1))")
        do {
            _ = try PointwiseMaximiser.numericLogit(a: 0, b: 1)
            context.say("a = 0, b = 1: an interior maximum was found (unexpected)")
        } catch {
            context.say("a = 0, b = 1: no interior maximum; the supremum 0 is approached only as y → 0 (D* = 0 where p_data = 0)")
        }
    }

    /// V(D*, G) against V at perturbed discriminators.
    static func perturbations(_ context: DemoContext) throws {
        context.say("V(D*, G) - V(D, G) for D = σ(a* + ε·h): positive for every h, and ½ε²Q to leading (second) order")
        var worstRatio = 0.0
        var table = TextTable("p_data", "p_g", "h", "ε = \(fixed(largePerturbation, 1))", "ε = -\(fixed(largePerturbation, 1))",
                              "ε = \(fixed(smallPerturbation, 2)): loss / (½ε²Q)")
        for (data, generator) in perturbationPairs {
            for perturbation in DiscriminatorPerturbation.standard {
                let up = try perturbation.valueLoss(data: data, generator: generator, size: largePerturbation)
                let down = try perturbation.valueLoss(data: data, generator: generator, size: -largePerturbation)
                let small = try perturbation.valueLoss(data: data, generator: generator, size: smallPerturbation)
                let q = try perturbation.curvature(data: data, generator: generator)
                table.add(data.description, generator.description, perturbation.name, fixed(up, 6), fixed(down, 6),
                          fixed(small / (0.5 * smallPerturbation * smallPerturbation * q), 4))
                worstRatio = max(worstRatio, abs(small / (0.5 * smallPerturbation * smallPerturbation * q) - 1))
            }
        }
        table.lines.forEach(context.say)
        context.say("At ε = \(fixed(smallPerturbation, 2)) every loss is within \(fixed(100 * worstRatio, 2))% of ½ε²Q.")
    }

    /// Eqs. (4)–(6) side by side.
    static func theorem1(_ context: DemoContext) throws {
        context.say("Theorem 1: C(G) by GSL quadrature, three ways (m = (p_data + p_g)/2)")
        var table = TextTable("p_data", "p_g", "C(G), Eq. (4)", "KL form, Eq. (5)", "JSD form, Eq. (6)", "largest diff", "C(G) + log 4")
        var largest = 0.0
        for (data, generator) in criterionPairs {
            let forms = try TrainingCriterion.forms(data: data, generator: generator)
            largest = max(largest, forms.largestDisagreement)
            table.add(data.description, generator.description, fixed(forms.criterion.value, 10),
                      fixed(forms.kullbackLeiblerForm.value, 10), fixed(forms.jensenShannonForm.value, 10),
                      scientific(forms.largestDisagreement, 0), fixed(forms.criterion.value - TrainingCriterion.minusLog4, 10))
        }
        table.lines.forEach(context.say)
        context.say("-log 4 = \(fixed(TrainingCriterion.minusLog4, 10)); -log 2 = \(fixed(-log(2.0), 10)) "
            + "(overlapping halves: JSD = ½ log 2); 0 for disjoint supports (JSD = log 2, its largest value)")
        context.say("The three forms differ by at most \(scientific(largest, 0)) over all \(criterionPairs.count) pairs.")
        let shift = try TrainingCriterion.criterion(data: standardGaussian, generator: Gaussian(mean: smallShift, standardDeviation: 1)).value
        context.say("A shift of the mean by δ = \(fixed(smallShift, 2)): C(G) + log 4 = \(scientific(shift - TrainingCriterion.minusLog4, 3)), "
            + "and δ²/4 = \(scientific(smallShift * smallShift / 4, 3)) (2·JSD ≈ δ²·I/4, Fisher information I = 1)")
    }

    /// C along the family of shifted Gaussians, and its minima by Brent.
    static func generatorFamily(_ context: DemoContext) throws -> FamilyCurves {
        func curve(_ data: any Density1D, width: Double) throws -> ([Double], [Double]) {
            var c: [Double] = [], j: [Double] = []
            for mu in familyMeans {
                let generator = Gaussian(mean: mu, standardDeviation: width)
                c.append(try TrainingCriterion.criterion(data: data, generator: generator).value)
                j.append(TrainingCriterion.minusLog4 + 2 * (try TrainingCriterion.jensenShannonDivergence(data, generator).value))
            }
            return (c, j)
        }
        let (c, j) = try curve(standardGaussian, width: 1)
        let (bc, bj) = try curve(bimodal, width: 0.5)
        context.say("Along a family of generators p_g = N(μ, s²), Brent's minimum of C over μ:")
        var table = TextTable("p_data", "s", "μ searched", "argmin μ", "C(G)", "C(G) + log 4")
        for (data, width, interval) in familyMinimumSearches {
            let found = try familyMinimum(data: data, width: width, in: interval)
            table.add(data.description, fixed(width, 1), "[\(fixed(interval.lowerBound, 0)), \(fixed(interval.upperBound, 0))]",
                      fixed(found.x, 4), fixed(found.value, 10), fixed(found.value - TrainingCriterion.minusLog4, 10))
        }
        table.lines.forEach(context.say)
        context.say("C(G) reaches -log 4 only at p_g = p_data; a single Gaussian cannot fit the bimodal p_data,")
        context.say("and along μ its C has two minima: the one at μ ≈ 2 is local, not global.")
        return FamilyCurves(means: familyMeans, criterion: c, jensenShannonForm: j, bimodalCriterion: bc, bimodalJensenShannonForm: bj)
    }

    static func proposition2(_ context: DemoContext) -> SimplexRun {
        let run = simplexRun()
        let descent = SimplexDescent(data: run.data, stepSize: simplexStepSize)
        context.say("Proposition 2 on a grid of \(grid.count) points over [\(fixed(grid[0], 0)), \(fixed(grid[grid.count - 1], 0))]: "
            + "p_data = \(bimodal), p_g from \(simplexStart)")
        context.say("D = D* at every step, then one exponentiated-gradient step of C in p_g, η = \(fixed(simplexStepSize, 2))")
        var table = TextTable("step", "C(p_g)", "C(p_g) + log 4", "max_i |p_g,i - p_data,i|")
        for step in simplexShownSteps {
            let p = run.path[step]
            table.add("\(step)", fixed(descent.criterion(p), 10), scientific(descent.criterionAboveMinimum(p), 3),
                      scientific(zip(p, run.data).map { abs($0 - $1) }.max()!, 3))
        }
        table.lines.forEach(context.say)
        let gaps = run.path.map(descent.criterionAboveMinimum)
        let decreases = zip(gaps, gaps.dropFirst()).filter { $1 < $0 }.count
        context.say("C decreased at \(decreases) of \(simplexSteps) steps.")
        let halving = SimplexDescent(data: run.data, stepSize: 1)
        let first = run.path[0], next = halving.step(first)
        let deviation = zip(next, zip(first, run.data)).map { new, pair in abs(new - 0.5 * (pair.0 + pair.1)) }.max()!
        context.say("At η = 1 the step is p_g ← (p_data + p_g)/2: max_i |p_g,i' - (p_g,i + p_data,i)/2| = \(scientific(deviation, 0)) after one step.")
        return run
    }

    static func caveat(_ context: DemoContext) throws -> ParametricRun {
        let run = try parametricRun()
        let family = parametricFamily
        context.say("The caveat of §4.2: a parametric G, p_g = \(fixed(family.weight, 1))·N(μ1, \(fixed(family.width, 1))²) + "
            + "\(fixed(1 - family.weight, 1))·N(μ2, \(fixed(family.width, 1))²), θ_g = (μ1, μ2); p_data is in the family at (-2, 2).")
        context.say("Gradient descent on C through θ_g with D = D* (Algorithm 1 with an optimal inner loop), "
            + "η = \(fixed(parametricStepSize, 1)), \(parametricSteps) steps:")
        var table = TextTable("start (μ1, μ2)", "end (μ1, μ2)", "C(G)", "C(G) + log 4", "|∇C| at end")
        for path in run.paths {
            let start = path[0].theta, end = path[path.count - 1]
            let gradient = try family.criterionGradient(end.theta, data: bimodal)
            table.add(pairText(start, 1), pairText(end.theta, 4), fixed(end.criterion, 10),
                      fixed(end.criterion - TrainingCriterion.minusLog4, 10),
                      scientific((gradient[0] * gradient[0] + gradient[1] * gradient[1]).squareRoot(), 0))
        }
        table.lines.forEach(context.say)
        let stuck = run.paths[1][run.paths[1].count - 1].theta
        let (low, high) = ParametricGenerator.eigenvalues(try family.criterionHessian(stuck, data: bimodal))
        context.say("At \(pairText(stuck, 4)) the Hessian of C has eigenvalues \(fixed(low, 4)) and \(fixed(high, 4)): "
            + "a strict local minimum above -log 4.")
        let contrast = try convexityContrast(stuck)
        context.say("Halfway from \(pairText(stuck, 2)) to (-2, 2): C at the mean of the θ_g is \(fixed(contrast.parameterMidpoint, 4)), "
            + "the mean of the end values \(fixed(contrast.meanOfEnds, 4)),")
        context.say("  but C at the mean of the two densities is \(fixed(contrast.densityMidpoint, 4)): convex in p_g, not in θ_g.")
        return run
    }

    static func pairText(_ theta: [Double], _ decimals: Int) -> String {
        "(\(fixed(theta[0], decimals)), \(fixed(theta[1], decimals)))"
    }
}
