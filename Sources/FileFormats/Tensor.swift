import GANCore
#if !_endian(little)
#error("Tensor and Safetensors copy elements as they lie in memory, which the format requires to be little-endian")
#endif

/// The element types a safetensors header may name, with their sizes.
///
/// All are recognised when reading, so any valid file validates; `Tensor`
/// converts to and from Swift arrays for the `TensorElement` types.
public enum TensorDType: String, Sendable, Hashable, CaseIterable {
    case bool = "BOOL"
    case uint8 = "U8", int8 = "I8", float8E5M2 = "F8_E5M2", float8E4M3 = "F8_E4M3"
    case int16 = "I16", uint16 = "U16", float16 = "F16", bfloat16 = "BF16"
    case int32 = "I32", uint32 = "U32", float32 = "F32"
    case int64 = "I64", uint64 = "U64", float64 = "F64"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .bool, .uint8, .int8, .float8E5M2, .float8E4M3: 1
        case .int16, .uint16, .float16, .bfloat16: 2
        case .int32, .uint32, .float32: 4
        case .int64, .uint64, .float64: 8
        }
    }
}

/// A Swift type stored as one safetensors dtype.
public protocol TensorElement: Sendable {
    static var dtype: TensorDType { get }
}

extension Float: TensorElement { public static var dtype: TensorDType { .float32 } }
extension Double: TensorElement { public static var dtype: TensorDType { .float64 } }
extension Int64: TensorElement { public static var dtype: TensorDType { .int64 } }
extension UInt8: TensorElement { public static var dtype: TensorDType { .uint8 } }

/// An n-dimensional array as safetensors stores it: a dtype, a shape, and
/// the elements in row-major order as little-endian bytes.
public struct Tensor: Sendable, Hashable {
    public let dtype: TensorDType
    public let shape: [Int]
    public let bytes: [UInt8]

    /// The product of the shape (1 for a scalar, shape `[]`).
    public var elementCount: Int { shape.reduce(1, *) }

    /// A tensor from raw little-endian bytes, which must be exactly
    /// `dtype.size × product(shape)` long.
    public init(dtype: TensorDType, shape: [Int], bytes: [UInt8]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor shape must be non-negative, got \(shape)")
        precondition(bytes.count == shape.reduce(dtype.size, *),
                     "Tensor \(dtype.rawValue) \(shape) needs \(shape.reduce(dtype.size, *)) bytes, got \(bytes.count)")
        self.dtype = dtype
        self.shape = shape
        self.bytes = bytes
    }

    /// A tensor of `values` in row-major order; `shape` defaults to a vector.
    public init<Element: TensorElement>(_ values: [Element], shape: [Int]? = nil) {
        let shape = shape ?? [values.count]
        precondition(values.count == shape.reduce(1, *), "Tensor shape \(shape) needs \(shape.reduce(1, *)) values, got \(values.count)")
        self.init(dtype: Element.dtype, shape: shape, bytes: values.withUnsafeBytes { Array($0) })
    }

    /// The elements of `matrix`, with shape `[rows, columns]` unless `shape`
    /// says otherwise (`[columns]` for a bias held as a 1×n matrix).
    public init<Scalar: BLASScalar & TensorElement>(_ matrix: Matrix<Scalar>, shape: [Int]? = nil) {
        let shape = shape ?? [matrix.rows, matrix.columns]
        precondition(matrix.count == shape.reduce(1, *), "Tensor shape \(shape) needs \(shape.reduce(1, *)) values, matrix has \(matrix.count)")
        self.init(dtype: Scalar.dtype, shape: shape, bytes: Array(UnsafeRawBufferPointer(matrix.storage)))
    }

    /// The elements as `Element`, or nil when the dtype is another.
    public func values<Element: TensorElement>(as _: Element.Type = Element.self) -> [Element]? {
        guard dtype == Element.dtype else { return nil }
        let count = bytes.count / MemoryLayout<Element>.stride
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }

    /// The shape as written in messages: `[784, 1200]`.
    var shapeText: String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
}
