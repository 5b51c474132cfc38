import GANCore

/// A linear classifier on fixed features: the measure of how much a feature
/// space already knows about the classes, when few labels are given.
///
/// Features are standardised with means and deviations from unlabelled rows
/// (φ̃ = (φ − μ) / s). The classifier is ridge regression onto one-hot
/// targets Y, the least-squares classifier: with the n labelled rows centred
/// (X_c = X̃ − 1 x̄ᵀ, Y_c = Y − 1 ȳᵀ) and a penalty λ,
/// ```
/// W = argmin ½‖X_c W − Y_c‖² + (λ/2)‖W‖² = X_cᵀ (X_c X_cᵀ + λI)⁻¹ Y_c,    b = ȳ − Wᵀ x̄
/// class(x) = argmax_k (x̃ W + b)_k
/// ```
/// The second form (setting the gradient X_cᵀ(X_c W − Y_c) + λW to 0 gives
/// W = X_cᵀ A with A = (Y_c − X_c W)/λ, and so (X_c X_cᵀ + λI) A = Y_c)
/// solves an n × n system, 100 × 100 for 100 labels, whatever the width of
/// the features: one Cholesky solve, no iterations, the exact minimum.
/// It is the classifier scikit-learn calls RidgeClassifier.
public struct LinearProbe {
    /// Each feature's mean and deviation over unlabelled rows, and the rows standardised by them.
    public struct Standardisation: Sendable {
        public let means: [Double]
        public let scales: [Double]

        /// The means and deviations over `rows`; a constant feature (a dead unit) keeps scale 1.
        public init(_ rows: Matrix<Double>) {
            precondition(rows.rows > 1, "standardising needs at least two rows")
            var means = [Double](repeating: 0, count: rows.columns), squares = means
            for r in 0..<rows.rows { for j in 0..<rows.columns { means[j] += rows[r, j] } }
            for j in means.indices { means[j] /= Double(rows.rows) }
            for r in 0..<rows.rows { for j in 0..<rows.columns { squares[j] += (rows[r, j] - means[j]) * (rows[r, j] - means[j]) } }
            self.means = means
            scales = squares.map { s -> Double in
                let deviation = (s / Double(rows.rows - 1)).squareRoot()
                return deviation > 1e-12 ? deviation : 1
            }
        }

        /// (φ − μ) / s for each row.
        public func apply(_ rows: Matrix<Double>) -> Matrix<Double> {
            precondition(rows.columns == means.count, "standardising \(means.count) features, got \(rows.columns)")
            let result = Matrix<Double>(rows: rows.rows, columns: rows.columns)
            for r in 0..<rows.rows { for j in 0..<rows.columns { result[r, j] = (rows[r, j] - means[j]) / scales[j] } }
            return result
        }
    }

    public let standardisation: Standardisation
    public let penalty: Double
    /// W (features × classes).
    public let weights: Matrix<Double>
    /// b, one per class.
    public let bias: [Double]

    public var featureCount: Int { standardisation.means.count }
    public var classes: Int { bias.count }

    /// Fits the classifier to `features` (n × f) and `labels`, standardised as `standardisation` says.
    public init(features: Matrix<Double>, labels: [Int], classes: Int, penalty: Double, standardisation: Standardisation) throws {
        precondition(features.rows == labels.count && features.rows > 0, "one label per row of features")
        precondition(penalty > 0 && classes >= 2, "a probe needs a positive penalty and two classes")
        precondition(labels.allSatisfy { (0..<classes).contains($0) }, "labels must lie in 0..<\(classes)")
        self.standardisation = standardisation
        self.penalty = penalty
        (weights, bias) = try Self.fit(standardisation.apply(features), labels: labels, classes: classes, penalty: penalty)
    }

    // [excerpt: ridge-probe]
    /// W and b for standardised features `x`.
    static func fit(_ x: Matrix<Double>, labels: [Int], classes: Int, penalty: Double) throws -> (Matrix<Double>, [Double]) {
        let (n, f) = (x.rows, x.columns)
        let xMean = (0..<f).map { j in (0..<n).reduce(0) { $0 + x[$1, j] } / Double(n) }
        let yMean = (0..<classes).map { k in Double(labels.count { $0 == k }) / Double(n) }
        let xc = Matrix<Double>(rows: n, columns: f), yc = Matrix<Double>(rows: n, columns: classes)
        for i in 0..<n {
            for j in 0..<f { xc[i, j] = x[i, j] - xMean[j] }
            for k in 0..<classes { yc[i, k] = (labels[i] == k ? 1 : 0) - yMean[k] }
        }
        // (X_c X_cᵀ + λI) A = Y_c, then W = X_cᵀ A.
        let gram = Matrix<Double>(rows: n, columns: n)
        Matrix.multiply(xc, transposed: false, xc, transposed: true, into: gram)
        for i in 0..<n { gram[i, i] += penalty }
        let a = try CholeskySolve.solve(gram, yc)
        let w = Matrix<Double>(rows: f, columns: classes)
        Matrix.multiply(xc, transposed: true, a, into: w)
        let b = (0..<classes).map { k in yMean[k] - (0..<f).reduce(0) { $0 + w[$1, k] * xMean[$1] } }
        return (w, b)
    }
    // [end: ridge-probe]

    /// x̃ W + b for each row: the scores whose largest names the class.
    public func scores(_ features: Matrix<Double>) -> Matrix<Double> {
        precondition(features.columns == featureCount, "the probe reads \(featureCount) features, got \(features.columns)")
        let z = Matrix<Double>(rows: features.rows, columns: classes)
        for r in 0..<z.rows { for k in 0..<classes { z[r, k] = bias[k] } }
        Matrix.multiply(standardisation.apply(features), weights, into: z, beta: 1)
        return z
    }

    /// The class of each row.
    public func predict(_ features: Matrix<Double>) -> [Int] {
        let z = scores(features)
        return (0..<z.rows).map { r in (0..<classes).max { z[r, $0] < z[r, $1] }! }
    }

    public func accuracy(_ features: Matrix<Double>, labels: [Int]) -> Double {
        Double(zip(predict(features), labels).count { $0 == $1 }) / Double(labels.count)
    }
}
