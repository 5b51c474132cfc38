import Foundation
import GANCore
import GradientChecking
import Testing
import TheoreticalResults

/// The caveat of §4.2: descent in θ_g can stall above −log 4 even when
/// p_data is in the family.
@Suite struct ParametricGeneratorTests {
    static let minusLog4 = -log(4.0)
    static let family = TheoreticalResultsDemo.parametricFamily
    static let data = TheoreticalResultsDemo.bimodal

    @Test func parametricGradient_matchesFiniteDifferences() throws {
        // C comes from quadrature with relative error ~1e-12; GSL's central
        // difference with h = 1e-5 turns that into ~1e-7 on gradients of
        // order 0.1–1: within the default tolerance 1e-6.
        for theta in [[-1.0, 1.0], [0.5, -1.5], [1.9, -2.2]] {
            let gradient = try Self.family.criterionGradient(theta, data: Self.data)
            let check = GradientCheck(at: theta, gradient: gradient) { t in
                (try? Self.family.criterion(t, data: Self.data)) ?? .nan
            }
            #expect(check.passed, "θ = \(theta): \(check)")
        }
    }

    @Test func parametricGradient_missingAComponentWeight_fails() throws {
        // Negative control: dropping w_k from ∂p_g/∂μ_k scales each entry
        // by 1/w_k; the checker must notice.
        let theta = [-1.0, 1.0]
        let gradient = try Self.family.criterionGradient(theta, data: Self.data)
        let wrong = [gradient[0] / Self.family.weight, gradient[1] / (1 - Self.family.weight)]
        let check = GradientCheck(at: theta, gradient: wrong) { t in (try? Self.family.criterion(t, data: Self.data)) ?? .nan }
        #expect(!check.passed, "\(check)")
    }

    @Test func parametricDescent_fromAGoodStart_reachesMinusLog4() throws {
        let path = try TheoreticalResultsDemo.parametricRun().paths[0]
        let end = path[path.count - 1]
        // The chapter prints (-2.0000, 2.0000) and a gap of 0 to 10 decimals.
        #expect(abs(end.theta[0] + 2) < 1e-6 && abs(end.theta[1] - 2) < 1e-6, "θ = \(end.theta)")
        #expect(abs(end.criterion - Self.minusLog4) < 1e-12)
    }

    @Test func parametricDescent_fromASwappedStart_stallsAtALocalMinimumAboveMinusLog4() throws {
        let path = try TheoreticalResultsDemo.parametricRun().paths[1]
        let end = path[path.count - 1].theta
        // The chapter prints (1.9998, -2.0001), gap 1.645e-01, |∇C| ~ 1e-16
        // and Hessian eigenvalues 0.8382 and 0.8402.
        #expect(abs(end[0] - 1.9998) < 1e-4 && abs(end[1] + 2.0001) < 1e-4, "θ = \(end)")
        let gap = path[path.count - 1].criterion - Self.minusLog4
        #expect(abs(gap - 0.1645) < 1e-4, "gap \(gap)")
        let gradient = try Self.family.criterionGradient(end, data: Self.data)
        #expect(abs(gradient[0]) < 1e-10 && abs(gradient[1]) < 1e-10, "∇C = \(gradient)")
        let (low, high) = ParametricGenerator.eigenvalues(try Self.family.criterionHessian(end, data: Self.data))
        #expect(abs(low - 0.8382) < 1e-3 && abs(high - 0.8402) < 1e-3, "eigenvalues \(low), \(high)")
    }

    @Test func criterion_isConvexInTheDensityButNotInTheParameters() throws {
        // Between the stalled fit and θ = (−2, 2): in θ_g the midpoint is far
        // above the chord; mixing the densities instead lands below it,
        // as convexity in p_g requires. The chapter prints -0.1654,
        // -1.3040 and -1.3443.
        let stalled = try TheoreticalResultsDemo.parametricRun().paths[1].last!.theta
        let contrast = try TheoreticalResultsDemo.convexityContrast(stalled)
        #expect(contrast.parameterMidpoint > contrast.meanOfEnds + 1)
        #expect(contrast.densityMidpoint < contrast.meanOfEnds)
        #expect(abs(contrast.parameterMidpoint + 0.1654) < 1e-4)
        #expect(abs(contrast.meanOfEnds + 1.3040) < 1e-4)
        #expect(abs(contrast.densityMidpoint + 1.3443) < 1e-4)
    }
}
