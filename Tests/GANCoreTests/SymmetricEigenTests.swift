import GANCore
import Testing

/// GSL's symmetric eigendecomposition and the PSD square root built on it.
@Suite struct SymmetricEigenTests {
    @Test func symmetricEigen_reconstructsTheMatrix() throws {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3, eigenvectors (1, ∓1)/√2.
        let a = Matrix<Double>(rows: 2, columns: 2, elements: [2, 1, 1, 2])
        let (values, vectors) = try SymmetricEigen.decompose(a)
        #expect(abs(values.sorted()[0] - 1) < 1e-14 && abs(values.sorted()[1] - 3) < 1e-14)
        let v = vectors!
        for i in 0..<2 {
            for j in 0..<2 {
                let entry = (0..<2).reduce(0.0) { $0 + v[i, $1] * values[$1] * v[j, $1] }
                #expect(abs(entry - a[i, j]) < 1e-14, "(V diag(λ) Vᵀ)[\(i), \(j)]")
            }
        }
    }

    @Test func squareRoot_squaredIsTheMatrix() throws {
        let a = Matrix<Double>(rows: 3, columns: 3, elements: [4, 1, 0.5, 1, 3, -1, 0.5, -1, 2])
        let root = try SymmetricEigen.squareRoot(a)
        let square = root * root
        for i in 0..<9 { #expect(abs(square.storage[i] - a.storage[i]) < 1e-13, "entry \(i)") }
        #expect(root[0, 1] == root[1, 0], "symmetric")
        // Negative control: the entrywise square root is not a matrix square root.
        let entrywise = Matrix<Double>(rows: 3, columns: 3, elements: a.elements.map { abs($0).squareRoot() })
        #expect(abs((entrywise * entrywise)[0, 0] - 4) > 0.1)
    }

    @Test func positiveSemidefiniteValues_clampRoundingBelowZero() {
        #expect(SymmetricEigen.positiveSemidefiniteValues([4, -1e-16, 0]) == [4, 0, 0])
    }
}
