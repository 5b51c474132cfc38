import GANCore

/// What an output is compared with, and how closely it must agree.
///
/// An entry's error is relative, as in the project's gradient checks:
/// ```
/// |yours − reference| / max(|yours|, |reference|, floor)
/// ```
/// A gradient's reference is GSL's central finite difference of a function
/// the check computes itself (`FiniteDifferences`), good to about 1e-10, and
/// its floor is 1e-3 of its largest entry, so that entries which are zero up
/// to rounding do not divide by nothing. A value's reference is computed
/// another way than the chapter computes it, with a floor of its own.
public struct Reference: Sendable {
    public enum Source: Sendable, Equatable {
        /// GSL's `gsl_deriv_central` of a function the check knows.
        case finiteDifference
        /// A value computed another way; the words say how ("the closed form").
        case computed(String)

        var columnName: String {
            switch self {
            case .finiteDifference: "GSL's finite difference"
            case .computed: "reference"
            }
        }

        var phrase: String {
            switch self {
            case .finiteDifference: "GSL's finite difference"
            case .computed(let how): how
            }
        }
    }

    public let tensor: NamedTensor
    public let source: Source
    /// The largest relative error that passes.
    public let tolerance: Double
    /// The smallest denominator of a relative error.
    public let floor: Double

    public init(_ tensor: NamedTensor, source: Source, tolerance: Double, floor: Double) {
        self.tensor = tensor
        self.source = source
        self.tolerance = tolerance
        self.floor = floor
    }

    /// The gradient of `function` at `point` by GSL's finite differences,
    /// shaped as the reader's answer is. Passes below 1e-6, as in the tests.
    public static func gradient(
        _ name: String, shape: NamedTensor.Shape, at point: [Double], of function: @escaping ([Double]) -> Double
    ) -> Reference {
        let estimate = FiniteDifferences.gradient(of: function, at: point)
        let largest = estimate.values.map(abs).max() ?? 0
        return Reference(NamedTensor(name, shape: shape, values: estimate.values),
                         source: .finiteDifference, tolerance: 1e-6, floor: 1e-3 * largest)
    }

    /// A value the check computes another way. By default it passes below
    /// 1e-9 relative, far above rounding and far below any slip of the math.
    public static func value(
        _ tensor: NamedTensor, _ how: String, tolerance: Double = 1e-9, floor: Double = 1e-300
    ) -> Reference {
        Reference(tensor, source: .computed(how), tolerance: tolerance, floor: floor)
    }

    /// The relative error of `yours` at entry `i`: infinity for a value that is not finite.
    func error(_ yours: Double, at i: Int) -> Double {
        let r = tensor.values[i]
        guard yours.isFinite else { return .infinity }
        let scale = max(abs(yours), abs(r), floor, .leastNormalMagnitude)
        return abs(yours - r) / scale
    }
}

extension Reference {
    /// f′ at each point by GSL's finite differences, one scalar function at a
    /// time. The floor is absolute: the derivatives of the exercises are of
    /// order 1, and one that differs from its reference by less than 1e-9 is
    /// not a mistake of the math.
    public static func derivatives(_ name: String, at points: [Double], of f: @escaping (Double) -> Double) -> Reference {
        let values = points.map { point in FiniteDifferences.gradient(of: { f($0[0]) }, at: [point]).values[0] }
        return Reference(.vector(name, values), source: .finiteDifference, tolerance: 1e-6, floor: 1e-9)
    }
}
