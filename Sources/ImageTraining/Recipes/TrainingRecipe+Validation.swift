import AdversarialTraining
import Figures
import Foundation
import GANCore

/// The ranges a recipe read from a file must keep before any network is built.
///
/// A checkpoint's recipe is user input: a hidden width of 2³¹ asks for an
/// impossible allocation, a keep probability of 2 makes dropout scale by ½,
/// k = 10¹² never finishes an iteration. Each limit is far above any recipe
/// of the paper's and far below what would exhaust memory or time.
extension TrainingRecipe {
    /// One field outside its range.
    public struct RangeProblem: Sendable, Equatable {
        public let field: String
        public let value: String
        public let expected: String
    }

    /// Widths of a layer (noise, hidden units, maxout units).
    public static let maximumWidth = 100_000
    public static let maximumPieces = 1_000
    /// The most parameters of G and D together: 27 times the authors' 3.7 M.
    public static let maximumParameters = 100_000_000
    public static let maximumBatchSize = 100_000
    /// Epoch numbers and k.
    public static let maximumEpoch = 1_000_000_000
    /// Large enough to make a run diverge on purpose, finite enough to decay.
    public static let maximumLearningRate = 1e30

    /// The first field outside its range, or nil.
    public var rangeProblem: RangeProblem? {
        let a = architecture
        func whole(_ field: String, _ value: Int, _ range: ClosedRange<Int>) -> RangeProblem? {
            range.contains(value) ? nil : RangeProblem(field: field, value: String(value), expected: "a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        func real(_ field: String, _ value: Double, _ expected: String, _ ok: (Double) -> Bool) -> RangeProblem? {
            value.isFinite && ok(value) ? nil : RangeProblem(field: field, value: "\(value)", expected: expected)
        }
        let checks: [() -> RangeProblem?] = [
            { whole("architecture.noiseDimension", a.noiseDimension, 1...Self.maximumWidth) },
            { whole("architecture.generatorHidden", a.generatorHidden, 1...Self.maximumWidth) },
            { whole("architecture.discriminatorUnits", a.discriminatorUnits, 1...Self.maximumWidth) },
            { whole("architecture.discriminatorPieces", a.discriminatorPieces, 1...Self.maximumPieces) },
            { whole("architecture.pixels", a.pixels, 1...(RasterImage.maximumSide * RasterImage.maximumSide)) },
            {
                let side = Int(Double(a.pixels).squareRoot())
                return side * side == a.pixels ? nil
                    : RangeProblem(field: "architecture.pixels", value: String(a.pixels), expected: "a square number (images are square)")
            },
            { real("architecture.generatorWeightRange", a.generatorWeightRange, "a number in 0…10") { (0...10).contains($0) } },
            { real("architecture.discriminatorWeightRange", a.discriminatorWeightRange, "a number in 0…10") { (0...10).contains($0) } },
            { a.dropout.flatMap { real("architecture.dropoutInput", $0.input, "a keep probability in (0, 1]") { $0 > 0 && $0 <= 1 } } },
            { a.dropout.flatMap { real("architecture.dropoutHidden", $0.hidden, "a keep probability in (0, 1]") { $0 > 0 && $0 <= 1 } } },
            {
                let count = a.parameterCount
                return count.map { $0 <= Self.maximumParameters } == true ? nil
                    : RangeProblem(field: "architecture", value: count.map { "\($0) parameters" } ?? "more parameters than Int holds",
                                   expected: "at most \(Self.maximumParameters) parameters in G and D")
            },
            { whole("batchSize", batchSize, 1...Self.maximumBatchSize) },
            {
                guard case .algorithm1(let k) = updateRule else { return nil }
                return whole("updateRule.algorithm1.k", k, 1...Self.maximumBatchSize)
            },
            { real("schedule.initialLearningRate", schedule.initialLearningRate, "a number in (0, \(Self.maximumLearningRate)]") { $0 > 0 && $0 <= Self.maximumLearningRate } },
            { real("schedule.decayFactor", schedule.decayFactor, "a number in 1…10") { (1...10).contains($0) } },
            { real("schedule.minimumLearningRate", schedule.minimumLearningRate, "a number in 0…schedule.initialLearningRate") { $0 >= 0 && $0 <= schedule.initialLearningRate } },
            { real("schedule.initialMomentum", schedule.initialMomentum, "a momentum in [0, 1)") { $0 >= 0 && $0 < 1 } },
            { real("schedule.finalMomentum", schedule.finalMomentum, "a momentum in [0, 1)") { $0 >= 0 && $0 < 1 } },
            { whole("schedule.momentumStartEpoch", schedule.momentumStartEpoch, 1...Self.maximumEpoch) },
            { whole("schedule.momentumSaturationEpoch", schedule.momentumSaturationEpoch, max(1, min(schedule.momentumStartEpoch, Self.maximumEpoch))...Self.maximumEpoch) },
        ]
        for check in checks { if let problem = check() { return problem } }
        return nil
    }
}

extension TrainingRecipe {
    /// The recipe's fields that hold whole numbers, as paths in its JSON.
    static let wholeNumberFields = [
        "architecture.noiseDimension", "architecture.generatorHidden", "architecture.discriminatorUnits",
        "architecture.discriminatorPieces", "architecture.pixels", "batchSize",
        "schedule.momentumStartEpoch", "schedule.momentumSaturationEpoch", "updateRule.algorithm1.k",
    ]

    /// A whole-number field whose JSON holds a fraction or a number beyond
    /// Int, named with its text; JSONDecoder's own error names neither.
    public static func wholeNumberProblem(inJSON json: String) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return nil }
        for field in wholeNumberFields {
            var node: Any? = root
            for key in field.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
            guard let number = node as? NSNumber, !(node is Bool) else { continue }
            let value = number.doubleValue
            if value != value.rounded() || abs(value) >= 9.2e18 {
                return "recipe field '\(field)' is \(number); expected a whole number"
            }
        }
        return nil
    }
}

extension MNISTArchitecture {
    /// Parameters of G and D together, or nil when the count overflows Int.
    public var parameterCount: Int? {
        func affine(_ inputs: Int, _ outputs: Int) -> Int? {
            let (w, o1) = inputs.multipliedReportingOverflow(by: outputs)
            let (total, o2) = w.addingReportingOverflow(outputs)
            return o1 || o2 ? nil : total
        }
        let (maxout, o) = discriminatorUnits.multipliedReportingOverflow(by: discriminatorPieces)
        guard !o, let g1 = affine(noiseDimension, generatorHidden), let g2 = affine(generatorHidden, generatorHidden),
              let g3 = affine(generatorHidden, pixels), let d1 = affine(pixels, maxout), let d2 = affine(discriminatorUnits, maxout),
              let d3 = affine(discriminatorUnits, 1)
        else { return nil }
        var total = 0
        for part in [g1, g2, g3, d1, d2, d3] {
            let (sum, overflow) = total.addingReportingOverflow(part)
            if overflow { return nil }
            total = sum
        }
        return total
    }
}
