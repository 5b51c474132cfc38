import Figures
import Foundation
import GANCore

/// The chapter's three figures: C(G) along a family of generators, the
/// descent of Proposition 2 on the simplex, and the parametric contrast.
enum TheoreticalResultsFigures {
    static func write(
        family: TheoreticalResultsDemo.FamilyCurves, simplex: TheoreticalResultsDemo.SimplexRun,
        parametric: TheoreticalResultsDemo.ParametricRun, to context: DemoContext
    ) throws {
        let figures: [(String, RasterImage)] = [
            ("chapter5-criterion-family.png", criterionFamily(family)),
            ("chapter5-simplex-descent.png", simplexDescent(simplex)),
            ("chapter5-parametric-generator.png", parametricGenerator(parametric)),
        ]
        for (name, image) in figures {
            let figure = try context.figure(name)
            try image.write(to: figure.url)
            context.say("Figure: \(figure.displayName)")
        }
    }

    static let minusLog4 = TrainingCriterion.minusLog4

    /// C(G) and 2·JSD − log 4 along p_g = N(μ, s²), for two p_data.
    static func criterionFamily(_ family: TheoreticalResultsDemo.FamilyCurves) -> RasterImage {
        func panel(_ title: String, _ c: [Double], _ j: [Double], caption: String) -> LinePlot {
            var plot = LinePlot(title: title, xLabel: "μ, the mean of p_g", yLabel: "criterion", caption: caption)
            plot.add(Series(label: "C(G) = V(D*, G), Eq. (4)", x: family.means, y: c, color: .blue, width: 2.5))
            plot.add(Series(label: "2·JSD - log 4, Eq. (6)", x: family.means, y: j, color: .orange, style: nil, marker: .circle, markerSize: 6))
            plot.add(.horizontal(y: minusLog4, label: "−log 4"))
            plot.legend = .topRight
            // Headroom above the curves for the legend.
            plot.yAxis.range = -1.5...0.5
            return plot
        }
        return PanelFigure(panels: [
            panel("p_data = N(0, 1), p_g = N(μ, 1)", family.criterion, family.jensenShannonForm,
                  caption: "(a) minimum −log 4 exactly at p_g = p_data"),
            panel("bimodal p_data, p_g = N(μ, 0.5²)", family.bimodalCriterion, family.bimodalJensenShannonForm,
                  caption: "(b) p_data = 0.7·N(−2, 0.5²) + 0.3·N(2, 0.5²): two minima, both above −log 4"),
        ], columns: 2, title: "Theorem 1: C(G) = −log 4 + 2·JSD(p_data, p_g)", panelWidth: 640, panelHeight: 440).render()
    }

    /// p_g on the simplex approaching p_data, and the gap C + log 4 per step.
    static func simplexDescent(_ run: TheoreticalResultsDemo.SimplexRun) -> RasterImage {
        let grid = TheoreticalResultsDemo.grid
        let spacing = grid[1] - grid[0]
        var densities = LinePlot(title: "p_g on a grid, η = \(fixed(TheoreticalResultsDemo.simplexStepSize, 1))", xLabel: "x",
                                 yLabel: "probability / grid spacing", caption: "(a) p_g after 0, 2, 5 and 40 steps")
        densities.add(Series(label: "p_data", x: grid, y: run.data.map { $0 / spacing }, color: .black, style: .dotted, width: 3))
        let shades: [RGBColor] = [RGBColor(hex: 0xB8E0D2), RGBColor(hex: 0x5FBF9F), RGBColor(hex: 0x1F9E74), RGBColor(hex: 0x00573F)]
        for (step, shade) in zip([0, 2, 5, 40], shades) {
            densities.add(Series(label: "p_g, step \(step)", x: grid, y: run.path[step].map { $0 / spacing }, color: shade))
        }
        densities.legend = .topRight

        var gaps = LinePlot(title: "C(p_g) + log 4 = 2·JSD", xLabel: "step", yLabel: "log10(C + log 4)",
                            caption: "(b) monotone decrease to −log 4 for each step size")
        for ((eta, values), color) in zip(run.gaps, [RGBColor.skyBlue, .blue, .vermillion]) {
            // Stop where the gap reaches rounding (~1e-15): its logarithm is noise there.
            let shown = values.prefix { $0 > 1e-15 }
            gaps.add(Series(label: "η = \(fixed(eta, 2))", x: shown.indices.map(Double.init), y: shown.map(log10),
                            color: color, marker: .circle, markerSize: 5))
        }
        gaps.legend = .topRight
        return PanelFigure(panels: [densities, gaps], columns: 2, title: "Proposition 2: descent in p_g with D = D*",
                           panelWidth: 640, panelHeight: 440).render()
    }

    /// The two-mean generator from two starts: C per step and the final densities.
    static func parametricGenerator(_ run: TheoreticalResultsDemo.ParametricRun) -> RasterImage {
        let family = TheoreticalResultsDemo.parametricFamily
        let data = TheoreticalResultsDemo.bimodal
        let colors: [RGBColor] = [.green, .vermillion]
        var criterion = LinePlot(title: "C(G) + log 4 along gradient descent in θ_g", xLabel: "step", yLabel: "C(G) + log 4",
                                 caption: "(a) one start reaches −log 4, the other stalls above it")
        var densities = LinePlot(title: "p_g at the end of each descent", xLabel: "x", yLabel: "density",
                                 caption: "(b) the stalled fit puts the heavy component on the light mode")
        densities.add(Series(label: "p_data", sampling: { data.density($0) }, over: -5...5, color: .black, style: .dotted, width: 3))
        for (path, color) in zip(run.paths, colors) {
            let start = path[0].theta, end = path[path.count - 1].theta
            let label = "start (\(fixed(start[0], 0)), \(fixed(start[1], 0)))"
            criterion.add(Series(label: label, x: path.indices.map(Double.init), y: path.map { $0.criterion - minusLog4 },
                                 color: color, marker: .circle, markerSize: 5))
            let fitted = family.density(end)
            densities.add(Series(label: label, sampling: { fitted.density($0) }, over: -5...5, color: color))
        }
        criterion.add(.horizontal(y: 0, label: "C = −log 4"))
        criterion.legend = .topRight
        densities.legend = .topRight
        return PanelFigure(panels: [criterion, densities], columns: 2,
                           title: "The caveat of §4.2: p_g = 0.7·N(μ₁, 0.5²) + 0.3·N(μ₂, 0.5²)",
                           panelWidth: 640, panelHeight: 440).render()
    }
}
