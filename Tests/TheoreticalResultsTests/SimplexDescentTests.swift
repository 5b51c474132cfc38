import Foundation
import GANCore
import GradientChecking
import Testing
import TheoreticalResults

/// Proposition 2 on a grid: descent in p_g with D = D* converges to p_data.
@Suite struct SimplexDescentTests {
    @Test func simplexDescent_decreasesTheCriterionAtEveryStep() {
        let run = TheoreticalResultsDemo.simplexRun()
        // Each step size in the figure (all ≤ 1, where the relative-smoothness
        // argument guarantees descent). Gaps stay above 1e-15 while they are
        // compared, so rounding cannot fake or hide a decrease.
        for (eta, gaps) in run.gaps {
            let compared = gaps.prefix { $0 > 1e-13 }
            for (before, after) in zip(compared, compared.dropFirst()) {
                #expect(after < before, "η = \(eta): \(before) → \(after)")
            }
        }
    }

    @Test func simplexDescent_convergesToPData() {
        // The chapter's last table row: C + log 4 = 3.578e-09 and the largest
        // difference 2.891e-07 after 40 steps at η = 0.5.
        let run = TheoreticalResultsDemo.simplexRun()
        let descent = SimplexDescent(data: run.data, stepSize: TheoreticalResultsDemo.simplexStepSize)
        let last = run.path[run.path.count - 1]
        #expect(abs(descent.criterionAboveMinimum(last) - 3.578e-9) < 1e-12)
        #expect(abs(zip(last, run.data).map { abs($0 - $1) }.max()! - 2.891e-7) < 1e-10)
        #expect(abs(last.reduce(0, +) - 1) < 1e-12, "p_g stays in the simplex")
        // On the simplex the two forms of the criterion agree.
        #expect(abs(descent.criterion(last) - TrainingCriterion.minusLog4 - descent.criterionAboveMinimum(last)) < 1e-14)
    }

    @Test func simplexStep_atUnitRate_isTheMidpoint() {
        // p_g^(1−η)(p_data + p_g)^η / Z at η = 1 is (p_data + p_g)/2 exactly
        // up to rounding in exp/log (a few ulps of entries ≤ 0.03).
        let run = TheoreticalResultsDemo.simplexRun()
        let start = run.path[0]
        let next = SimplexDescent(data: run.data, stepSize: 1).step(start)
        for i in start.indices {
            #expect(abs(next[i] - 0.5 * (start[i] + run.data[i])) < 1e-15, "entry \(i)")
        }
    }

    static let smallGrid = (0..<9).map { -4 + Double($0) }

    @Test func simplexGradient_matchesFiniteDifferences() {
        // ∂C/∂p_g,i = log(1 − D*_i) holds off the simplex too, so each entry
        // can be checked alone; C is smooth and O(1), so GSL's central
        // differences are good to ~1e-10 and the default 1e-6 applies.
        let data = SimplexDescent.discretise(Gaussian(mean: -1, standardDeviation: 1), on: Self.smallGrid)
        let generator = SimplexDescent.discretise(Gaussian(mean: 1, standardDeviation: 1.5), on: Self.smallGrid)
        let descent = SimplexDescent(data: data, stepSize: 0.5)
        let check = GradientCheck(at: generator, gradient: descent.gradient(generator)) { descent.criterion($0) }
        #expect(check.passed, "\(check)")
    }

    @Test func simplexGradient_withTheWrongLogTerm_fails() {
        // Negative control: log D* = log(p_data/(p_data + p_g)) in place of
        // log(1 − D*).
        let data = SimplexDescent.discretise(Gaussian(mean: -1, standardDeviation: 1), on: Self.smallGrid)
        let generator = SimplexDescent.discretise(Gaussian(mean: 1, standardDeviation: 1.5), on: Self.smallGrid)
        let descent = SimplexDescent(data: data, stepSize: 0.5)
        let wrong = zip(data, generator).map { pData, pG in log(pData / (pData + pG)) }
        let check = GradientCheck(at: generator, gradient: wrong) { descent.criterion($0) }
        #expect(!check.passed, "\(check)")
    }
}
