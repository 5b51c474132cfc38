import GANCore

extension ParzenEvaluation {
    /// Theis et al.'s counterexample to Table 1's protocol: a Parzen window on
    /// `count` k-means centroids of `training`, scored like any model's samples.
    ///
    /// ```
    /// c_1 … c_K = k-means(training, K)         (Lloyd, k-means++ seeds)
    /// p(x)      = (1/K) Σ_j 𝒩(x; c_j, σ²I),    σ by validation as in `row`
    /// ```
    /// The centroids are blurred averages, not images any model would draw,
    /// yet they lie where the data is densest in Euclidean distance, which is
    /// all a Gaussian window measures: they can outscore real images.
    /// - Paper: Theis, van den Oord, Bethge 2016, "A note on the evaluation of
    ///   generative models" (arXiv:1511.01844); the protocol is Table 1's.
    public static func kMeansRow(
        _ name: String = "k-means centroids", training: Matrix<Float>, count: Int,
        validation: Matrix<Float>, test: Matrix<Float>, widths: [Double] = ParzenWindow.logSpacedWidths(),
        maximumIterations: Int = 100, seed: UInt64
    ) -> Row {
        let clusters = KMeans.cluster(training, k: count, maximumIterations: maximumIterations, using: RandomSource(seed: seed))
        return row(name, centres: clusters.centroids, validation: validation, test: test, widths: widths)
    }
}
