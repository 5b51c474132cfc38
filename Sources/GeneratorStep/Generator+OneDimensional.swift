import GANCore

/// A 1-D generator read as the map z → x, for tables and figures.
extension MultilayerPerceptron {
    /// The network's output at each of `points`, in one forward pass (one input, one output).
    public func outputs(at points: [Double]) -> [Double] {
        precondition(inputWidth == 1 && outputWidth == 1, "outputs(at:) needs a network from 1 input to 1 output")
        let input = Matrix<Scalar>(rows: points.count, columns: 1, elements: points.map { Scalar($0) })
        return forward(input).elements.map { Double($0) }
    }
}
