import Foundation
import GANCore

/// A set of named tensors with string metadata, in the safetensors format
/// that PyTorch, NumPy, JAX and the Hugging Face tools read.
///
/// ```
/// bytes 0..<8      N, the header length, unsigned 64-bit little-endian
/// bytes 8..<8+N    JSON: {"__metadata__": {"key": "value", …},
///                         "name": {"dtype": "F32", "shape": [784, 1200],
///                                  "data_offsets": [begin, end]}, …}
///                  padded with spaces so the data start 8-byte aligned
/// bytes 8+N…       the data area: each tensor's elements, row-major,
///                  little-endian, at [begin, end) relative to 8+N
/// ```
/// Names are any strings; by convention dotted paths such as
/// `generator.1.weight`. What the tensors of a checkpoint are called and how
/// they are laid out is documented by the code that writes it; this type
/// only stores, validates and checks them. Configuration and training state
/// go in the metadata, as strings.
///
/// In Python: `safetensors.numpy.load_file("run.safetensors")` gives a dict
/// of NumPy arrays; `safe_open(path, "np").metadata()` the metadata.
public struct Safetensors: Sendable {
    public var tensors: [String: Tensor]
    public var metadata: [String: String]
    /// The file this was read from, or `"(in memory)"`: every error names it.
    public let path: String

    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
        path = "(in memory)"
    }

    init(tensors: [String: Tensor], metadata: [String: String], path: String) {
        self.tensors = tensors
        self.metadata = metadata
        self.path = path
    }

    private func mismatch(_ problem: String) -> CheckpointError {
        CheckpointError(path: path, kind: .mismatch, problem: problem)
    }

    /// The tensor called `name`; a clear error when there is none.
    public func tensor(named name: String) throws(CheckpointError) -> Tensor {
        guard let tensor = tensors[name] else {
            let names = tensors.keys.sorted()
            let listed = names.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
            throw mismatch("has no tensor '\(name)' (it holds \(names.count) tensor\(names.count == 1 ? "" : "s")\(names.isEmpty ? "" : ": " + listed))")
        }
        return tensor
    }

    /// The elements of tensor `name`, which must have `Element`'s dtype and
    /// exactly `shape`: a checkpoint of another architecture fails here.
    public func values<Element: TensorElement>(
        named name: String, shape: [Int], as _: Element.Type = Element.self
    ) throws(CheckpointError) -> [Element] {
        try tensor(named: name, dtype: Element.dtype, shape: shape).values(as: Element.self)!
    }

    /// Copies tensor `name` into `matrix`, whose shape it must have:
    /// `[rows, columns]` unless `shape` says otherwise.
    public func load<Scalar: BLASScalar & TensorElement>(
        named name: String, into matrix: Matrix<Scalar>, shape: [Int]? = nil
    ) throws(CheckpointError) {
        let shape = shape ?? [matrix.rows, matrix.columns]
        precondition(shape.reduce(1, *) == matrix.count,
                     "load(named:into:shape:): shape \(shape) does not fit a \(matrix.rows)×\(matrix.columns) matrix")
        let tensor = try tensor(named: name, dtype: Scalar.dtype, shape: shape)
        tensor.bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(matrix.storage).copyMemory(from: $0) }
    }

    /// Tensor `name`, checked to have `dtype` and `shape`.
    private func tensor(named name: String, dtype: TensorDType, shape: [Int]) throws(CheckpointError) -> Tensor {
        let tensor = try tensor(named: name)
        guard tensor.dtype == dtype else {
            throw mismatch("tensor '\(name)' has dtype \(tensor.dtype.rawValue), expected \(dtype.rawValue)")
        }
        guard tensor.shape == shape else {
            let expected = "[" + shape.map(String.init).joined(separator: ", ") + "]"
            throw mismatch("tensor '\(name)' has shape \(tensor.shapeText), expected \(expected)")
        }
        return tensor
    }

    /// The metadata entry `key`; a clear error when there is none.
    public func metadataValue(_ key: String) throws(CheckpointError) -> String {
        guard let value = metadata[key] else { throw mismatch("has no metadata entry '\(key)'") }
        return value
    }
}
