import GANCore

/// A 1-D discriminator read as a function of x, for grids, tables and figures.
extension MultilayerPerceptron {
    /// a(x) at each point, with dropout off (evaluation), one forward pass.
    public func logits(at points: [Double]) -> [Double] {
        precondition(inputWidth == 1 && outputWidth == 1, "logits(at:) needs a network from 1 input to 1 output")
        let wasTraining = isTraining
        isTraining = false
        defer { isTraining = wasTraining }
        let input = Matrix<Scalar>(rows: points.count, columns: 1, elements: points.map { Scalar($0) })
        return forward(input).elements.map { Double($0) }
    }

    /// D(x) = σ(a(x)) at each point.
    public func probabilities(at points: [Double]) -> [Double] {
        logits(at: points).map(sigmoid)
    }
}

/// `count` evenly spaced points from `range.lowerBound` to `range.upperBound`.
public func grid(_ range: ClosedRange<Double>, count: Int) -> [Double] {
    precondition(count >= 2, "a grid needs at least 2 points, got \(count)")
    return (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(count - 1) }
}
