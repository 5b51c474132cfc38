import GANCore

/// A network's parameters as named tensors, in PyTorch's layout.
///
/// Layer i of a network (counting every layer, as `nn.Sequential` does) that
/// is affine is stored as
/// ```
/// {prefix}.{i}.weight   [out, in]   (torch.nn.Linear's layout: the transpose of W)
/// {prefix}.{i}.bias     [out]
/// ```
/// so the generator's tensors load into
/// `nn.Sequential(Linear, ReLU, Linear, ReLU, Linear, Sigmoid)` as they are.
/// Any flat vector laid out like the parameters (a momentum velocity) is
/// stored the same way under another prefix.
public enum NetworkTensors {
    /// The tensors of `flat`, a vector laid out like `network.parameters`.
    public static func tensors(
        of network: MultilayerPerceptron<Float>, values flat: Matrix<Float>, prefix: String
    ) -> [String: Tensor] {
        precondition(flat.count == network.parameterCount, "vector has \(flat.count) entries, network \(network.parameterCount)")
        var result: [String: Tensor] = [:]
        for (index, layer, offset) in affineLayers(network) {
            let (inputs, outputs) = (layer.inputWidth, layer.outputWidth)
            var transposed = [Float](repeating: 0, count: inputs * outputs)
            for i in 0..<inputs { for o in 0..<outputs { transposed[o * inputs + i] = flat.storage[offset + i * outputs + o] } }
            result["\(prefix).\(index).weight"] = Tensor(transposed, shape: [outputs, inputs])
            result["\(prefix).\(index).bias"] = Tensor(Array(flat.storage[(offset + inputs * outputs)..<(offset + inputs * outputs + outputs)]), shape: [outputs])
        }
        return result
    }

    /// Reads the tensors written by `tensors(of:values:prefix:)` into `flat`,
    /// checking every name, dtype and shape.
    public static func load(
        _ file: Safetensors, into flat: Matrix<Float>, of network: MultilayerPerceptron<Float>, prefix: String
    ) throws(CheckpointError) {
        for (index, layer, offset) in affineLayers(network) {
            let (inputs, outputs) = (layer.inputWidth, layer.outputWidth)
            let weight = try file.values(named: "\(prefix).\(index).weight", shape: [outputs, inputs], as: Float.self)
            let bias = try file.values(named: "\(prefix).\(index).bias", shape: [outputs], as: Float.self)
            for i in 0..<inputs { for o in 0..<outputs { flat.storage[offset + i * outputs + o] = weight[o * inputs + i] } }
            for o in 0..<outputs { flat.storage[offset + inputs * outputs + o] = bias[o] }
        }
    }

    /// Each affine layer with its index in the network and its offset in the
    /// flat parameter vector.
    public static func affineLayers(_ network: MultilayerPerceptron<Float>) -> [(index: Int, layer: Affine<Float>, offset: Int)] {
        var result: [(Int, Affine<Float>, Int)] = []
        var offset = 0
        for (index, layer) in network.layers.enumerated() {
            if let affine = layer as? Affine<Float> { result.append((index, affine, offset)) }
            offset += layer.parameterCount
        }
        return result
    }
}
