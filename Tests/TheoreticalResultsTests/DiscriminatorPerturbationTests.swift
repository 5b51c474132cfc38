import Foundation
import GANCore
import Testing
import TheoreticalResults
import ValueFunction

/// Proposition 1 on densities: V(D*, G) ≥ V(D, G) for perturbed D.
@Suite struct DiscriminatorPerturbationTests {
    static let sizes = [0.5, -0.5, 0.1, -0.1, 0.01, -0.01]

    @Test func perturbedDiscriminators_neverBeatTheOptimum() throws {
        // The smallest loss here is about ½·0.01²·Q ≈ 5e-6; GSL's error
        // estimates for V are below 1e-10, so "> 0" is decided by the
        // mathematics, not by quadrature noise.
        for (data, generator) in TheoreticalResultsDemo.perturbationPairs {
            for perturbation in DiscriminatorPerturbation.standard {
                for epsilon in Self.sizes {
                    let loss = try perturbation.valueLoss(data: data, generator: generator, size: epsilon)
                    #expect(loss > 1e-7, "\(data) vs \(generator), \(perturbation.name), ε = \(epsilon): loss \(loss)")
                }
            }
        }
    }

    @Test func valueLoss_isSecondOrderInTheStepSize() throws {
        // loss(ε) = ½ε²Q + O(ε³): at ε = 0.01 the demo's ratios are within
        // 4e-3 of 1, and halving ε must shrink the gap at least about as
        // fast as ε (by half for a cubic term, by a quarter where symmetry
        // removes it). The 1e-6 slack is the quadrature's relative noise on
        // losses of order 1e-6.
        for (data, generator) in TheoreticalResultsDemo.perturbationPairs {
            for perturbation in DiscriminatorPerturbation.standard {
                let q = try perturbation.curvature(data: data, generator: generator)
                func ratioError(_ epsilon: Double) throws -> Double {
                    try perturbation.valueLoss(data: data, generator: generator, size: epsilon) / (0.5 * epsilon * epsilon * q) - 1
                }
                let coarse = try ratioError(TheoreticalResultsDemo.smallPerturbation)
                let fine = try ratioError(TheoreticalResultsDemo.smallPerturbation / 2)
                #expect(abs(coarse) < 5e-3, "\(data) vs \(generator), \(perturbation.name): \(coarse)")
                #expect(abs(fine) < 0.6 * abs(coarse) + 1e-6, "\(perturbation.name): \(coarse) → \(fine)")
            }
        }
    }

    @Test func perturbingAWrongDiscriminator_canRaiseTheValue() throws {
        // Negative control: the same valueLoss, from D = 1/2 everywhere (logit
        // 0) instead of D*. For differing densities that D is not optimal, V
        // has a non-zero slope there, and one sign of ε gains: the check of
        // perturbedDiscriminators_neverBeatTheOptimum would fail.
        let data = Gaussian(mean: 0, standardDeviation: 1), generator = Gaussian(mean: 2, standardDeviation: 1)
        let tilt = try #require(DiscriminatorPerturbation.standard.first { $0.name == "h(x) = x" })
        let fromHalf = try [0.1, -0.1].map { try tilt.valueLoss(data: data, generator: generator, size: $0, from: { _ in 0 }) }
        #expect(fromHalf.min()! < -1e-3, "\(fromHalf)")
        // From D* the same tilts lose, both signs.
        let fromOptimum = try [0.1, -0.1].map { try tilt.valueLoss(data: data, generator: generator, size: $0) }
        #expect(fromOptimum.allSatisfy { $0 > 1e-7 }, "\(fromOptimum)")
    }
}
