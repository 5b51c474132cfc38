import Evaluation
import FileFormats
import Foundation
import GANCore

/// A training run's record, as `study train --measure` writes it beside the
/// checkpoint after every epoch: what ran, on which data and machine, and
/// what the samples looked like after each epoch, so a chapter can state the
/// run's numbers from this file and a re-run can be compared with it.
public struct RunRecord: Codable, Sendable, Equatable {
    /// What was measured after one epoch.
    public struct Epoch: Codable, Sendable, Equatable {
        public let epoch: Int
        public let iteration: Int
        /// Wall-clock seconds of training so far, measurement excluded (resumed runs add up their parts).
        public let trainingSeconds: Double
        /// V̂, D(x), D(G(z)) over the epoch's last history interval (through D with dropout, as trained).
        public let value: Double
        public let meanRealProbability: Double
        public let meanGeneratedProbability: Double
        public let frechetDistance: Double
        public let classFractions: [Double]
        public let precision: Double
        public let recall: Double
        /// Mean D(x) of real validation images of each class, D without
        /// dropout: what D says about real shoes when G draws none.
        public let realProbabilityByClass: [Double]?

        public var classesCovered: Int { classFractions.count { $0 >= SampleQuality.coverageThreshold } }

        public init(
            epoch: Int, iteration: Int, trainingSeconds: Double, value: Double, meanRealProbability: Double,
            meanGeneratedProbability: Double, frechetDistance: Double, classFractions: [Double], precision: Double, recall: Double,
            realProbabilityByClass: [Double]? = nil
        ) {
            self.epoch = epoch
            self.iteration = iteration
            self.trainingSeconds = trainingSeconds
            self.value = value
            self.meanRealProbability = meanRealProbability
            self.meanGeneratedProbability = meanGeneratedProbability
            self.frechetDistance = frechetDistance
            self.classFractions = classFractions
            self.precision = precision
            self.recall = recall
            self.realProbabilityByClass = realProbabilityByClass
        }
    }

    /// How the samples are measured: the same z and the same training images after every epoch.
    public struct Measurement: Codable, Sendable, Equatable {
        public let samples: Int
        public let noiseSeed: UInt64
        /// Stop when the Fréchet distance has not improved for this many epochs (nil: never).
        public let patience: Int?
        public init(samples: Int, noiseSeed: UInt64, patience: Int?) {
            self.samples = samples
            self.noiseSeed = noiseSeed
            self.patience = patience
        }
    }

    public static let fileName = "record.json"
    /// Samples measured after every epoch: enough for a Fréchet distance in
    /// 256 dimensions to move less from sampling than from training, few
    /// enough that measuring costs a few seconds an epoch.
    public static let defaultSamples = 5_000
    public static let format = "gan-study-run-record-1"

    public let format: String
    public let recipe: TrainingRecipe
    public let seed: UInt64
    public let dataFolder: String
    /// SHA-256 of the training-images file, as the checkpoint records it: the data's identity.
    public var trainingImagesSHA256: String?
    public let trainingRows: Int
    public let openBLASCore: String
    public let openBLASThreads: Int
    /// `MatrixProducts.Schedule` of the run; absent in records made before
    /// there was a choice, which ran `threaded`.
    public let productSchedule: String?
    public let measurement: Measurement
    public private(set) var epochs: [Epoch] = []
    /// Why the run stopped, once it has.
    public var stopReason: String?

    public init(recipe: TrainingRecipe, seed: UInt64, dataFolder: String, trainingRows: Int, measurement: Measurement) {
        format = Self.format
        self.recipe = recipe
        self.seed = seed
        self.dataFolder = dataFolder
        self.trainingRows = trainingRows
        openBLASCore = OpenBLAS.coreName
        openBLASThreads = OpenBLAS.threadCount
        productSchedule = MatrixProducts.schedule.rawValue
        self.measurement = measurement
    }

    public mutating func append(_ epoch: Epoch) {
        precondition(epochs.last.map { $0.epoch < epoch.epoch } ?? true, "epochs are recorded in order")
        epochs.append(epoch)
    }

    /// An epoch improves on the best so far only if its Fréchet distance is
    /// lower by more than this fraction: changes in the last digits are not progress.
    public static let minimumImprovement = 1e-3

    /// The last epoch that improved on every earlier one (by `minimumImprovement`).
    public var best: Epoch? {
        var best: Epoch?
        for epoch in epochs where best.map({ epoch.frechetDistance < $0.frechetDistance * (1 - Self.minimumImprovement) }) ?? true {
            best = epoch
        }
        return best
    }

    /// Whether the Fréchet distance has gone `measurement.patience` epochs without improving.
    ///
    /// The distance of a fixed sample fluctuates from epoch to epoch as G
    /// moves; a patience of several epochs keeps one lucky epoch from ending
    /// the run, and one bad epoch from being taken for the end of progress.
    public var hasStalled: Bool {
        guard let patience = measurement.patience, let best, let last = epochs.last else { return false }
        return last.epoch - best.epoch >= patience
    }

    /// The record as it stood after its first `count` epochs, for comparing
    /// with a re-run of only those (a stop reason belongs to the whole run).
    public func truncated(toEpochs count: Int) -> RunRecord {
        guard count < epochs.count else { return self }
        var copy = self
        copy.epochs = Array(epochs.prefix(count))
        copy.stopReason = nil
        return copy
    }

    /// Pretty-printed, sorted keys: two records diff line by line.
    public func json() throws -> Data { try RecordJSON.encode(self) }

    public static func decode(_ data: Data) throws -> RunRecord { try RecordJSON.decode(RunRecord.self, from: data) }

    /// How far a re-run may differ from this record and still reproduce it.
    public struct Tolerances: Sendable, Equatable, CustomStringConvertible {
        /// Largest relative difference of any recorded measure.
        public var relative: Double
        public init(relative: Double) { self.relative = relative }
        public static let exact = Tolerances(relative: 0)
        public var description: String { relative == 0 ? "exactly" : "within \(relative * 100)% relative" }
    }

    /// The schedule the run's products shared the cores by.
    public var schedule: MatrixProducts.Schedule {
        productSchedule.flatMap(MatrixProducts.Schedule.init(rawValue:)) ?? .threaded
    }

    /// The tolerances for re-running this record here: exact on the BLAS
    /// kernel, thread count and schedule that made it, which fix every sum's
    /// order; otherwise none is promised, since another rounding trains another run.
    public func tolerances(
        onCore core: String = OpenBLAS.coreName, threads: Int = OpenBLAS.threadCount,
        schedule: MatrixProducts.Schedule = MatrixProducts.schedule
    ) -> Tolerances? {
        core == openBLASCore && threads == openBLASThreads && schedule == self.schedule ? .exact : nil
    }

    /// How a re-run's recipe, seed, rows, measurement or data differ from this record's.
    func settingsDifferences(from rerun: RunRecord) -> [String] {
        var found: [String] = []
        if recipe != rerun.recipe { found.append("recipe \(recipe.name) against \(rerun.recipe.name)") }
        if seed != rerun.seed || trainingRows != rerun.trainingRows || measurement != rerun.measurement {
            found.append("seed, rows or measurement settings differ")
        }
        if let a = trainingImagesSHA256, let b = rerun.trainingImagesSHA256, a != b {
            found.append("training images with SHA-256 \(a) recorded, \(b) re-run")
        }
        return found
    }

    /// The differences between this record and a re-run's, epoch by epoch and
    /// measure by measure (wall time and the machine excepted); empty when the
    /// re-run reproduces it within `tolerances`.
    public func differences(from rerun: RunRecord, within tolerances: Tolerances = .exact) -> [String] {
        var found = settingsDifferences(from: rerun)
        if epochs.count != rerun.epochs.count { found.append("\(epochs.count) epochs recorded, \(rerun.epochs.count) re-run") }
        func close(_ a: Double, _ b: Double) -> Bool {
            a == b || (a.isNaN && b.isNaN) || abs(a - b) <= tolerances.relative * max(abs(a), abs(b))
        }
        for (a, b) in zip(epochs, rerun.epochs) {
            let pairs: [(String, Double, Double)] = [
                ("V", a.value, b.value), ("D(x)", a.meanRealProbability, b.meanRealProbability),
                ("D(G(z))", a.meanGeneratedProbability, b.meanGeneratedProbability),
                ("Frechet distance", a.frechetDistance, b.frechetDistance),
                ("precision", a.precision, b.precision), ("recall", a.recall, b.recall),
            ] + zip(a.classFractions, b.classFractions).enumerated().map { ("class \($0) share", $1.0, $1.1) }
            for (name, x, y) in pairs where !close(x, y) || a.iteration != b.iteration {
                found.append("epoch \(a.epoch): \(name) \(x) recorded, \(y) re-run")
            }
        }
        return found
    }
}
