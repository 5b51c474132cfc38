import GANCore

/// One output of an exercise, or its reference: a name the reader knows
/// (`∂L/∂input`), a shape, and the values in row-major order, in Double.
public struct NamedTensor: Sendable, Equatable {
    public enum Shape: Sendable, Equatable, CustomStringConvertible {
        case scalar
        case vector(Int)
        case matrix(Int, Int)

        public var description: String {
            switch self {
            case .scalar: "a number"
            case .vector(let n): "[\(n)]"
            case .matrix(let r, let c): "\(r)×\(c)"
            }
        }

        var count: Int {
            switch self {
            case .scalar: 1
            case .vector(let n): n
            case .matrix(let r, let c): r * c
            }
        }
    }

    public let name: String
    public let shape: Shape
    public let values: [Double]

    public init(_ name: String, shape: Shape, values: [Double]) {
        precondition(shape.count == values.count, "\(name): shape \(shape) holds \(shape.count) values, got \(values.count)")
        self.name = name
        self.shape = shape
        self.values = values
    }

    public static func scalar(_ name: String, _ value: Double) -> NamedTensor {
        NamedTensor(name, shape: .scalar, values: [value])
    }

    public static func vector(_ name: String, _ values: [Double]) -> NamedTensor {
        NamedTensor(name, shape: .vector(values.count), values: values)
    }

    public static func matrix(_ name: String, _ matrix: Matrix<Double>) -> NamedTensor {
        NamedTensor(name, shape: .matrix(matrix.rows, matrix.columns), values: matrix.elements)
    }

    public static func matrix(_ name: String, rows: Int, columns: Int, _ values: [Double]) -> NamedTensor {
        NamedTensor(name, shape: .matrix(rows, columns), values: values)
    }

    /// Where entry `i` sits, as a reader indexes it: `[3]`, `(1, 2)`, or nothing for a number.
    func position(_ i: Int) -> String {
        switch shape {
        case .scalar: ""
        case .vector: "[\(i)]"
        case .matrix(_, let c): "(\(i / c), \(i % c))"
        }
    }
}
