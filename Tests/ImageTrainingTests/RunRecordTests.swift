import Evaluation
import FileFormats
import Foundation
import GANCore
import ImageTraining
import Testing

/// The record `study train --measure` keeps: its stopping rule, its file, and
/// a measured epoch of a real (tiny) run.
@Suite struct RunRecordTests {
    static func epoch(_ n: Int, frechet: Double) -> RunRecord.Epoch {
        RunRecord.Epoch(epoch: n, iteration: 10 * n, trainingSeconds: Double(n), value: -1, meanRealProbability: 0.6,
                        meanGeneratedProbability: 0.4, frechetDistance: frechet,
                        classFractions: [0.5, 0.5] + [Double](repeating: 0, count: 8), precision: 0.5, recall: 0.25)
    }

    static func record(patience: Int?, distances: [Double]) -> RunRecord {
        var record = RunRecord(recipe: .small, seed: 1, dataFolder: "d", trainingRows: 300,
                               measurement: .init(samples: 100, noiseSeed: 2, patience: patience))
        for (i, d) in distances.enumerated() { record.append(epoch(i + 1, frechet: d)) }
        return record
    }

    @Test func hasStalled_afterPatienceEpochsWithoutANewMinimum() {
        // Best at epoch 2; epochs 3–5 are worse: stalled after 3 epochs, not after 2.
        #expect(Self.record(patience: 3, distances: [9, 5, 6, 7, 8]).hasStalled)
        #expect(!Self.record(patience: 3, distances: [9, 5, 6, 7]).hasStalled)
        // Negative control: a new minimum resets the count; no patience never stalls.
        #expect(!Self.record(patience: 3, distances: [9, 5, 6, 7, 4]).hasStalled)
        #expect(!Self.record(patience: nil, distances: [1, 2, 3, 4, 5, 6]).hasStalled)
        #expect(Self.record(patience: 3, distances: [9, 5, 6, 7, 8]).best?.epoch == 2)
        // A fall in the last digits is not an improvement: 5 → 4.999 stays at epoch 2.
        #expect(Self.record(patience: 3, distances: [9, 5, 4.999, 4.9985, 4.998]).hasStalled)
    }

    @Test func record_roundTripsThroughJSON() throws {
        var record = Self.record(patience: 4, distances: [3, 2, .infinity])
        record.stopReason = "test"
        #expect(try RunRecord.decode(try record.json()) == record)
        #expect(record.epochs[0].classesCovered == 2)
    }

    @Test func measuredRun_recordsEachEpochOnFixedSamples() throws {
        let data = try DataSet()
        let training = data.training.images.matrix(0..<300, as: Float.self)
        let trainer = ImageTrainer(recipe: .small, data: training, seed: 4)
        let run = MeasuredRun(trainer: trainer, training: training, classifier: try FashionClassifier.bundled(),
                              record: RunRecord(recipe: .small, seed: 4, dataFolder: data.folder.path, trainingRows: 300,
                                                measurement: .init(samples: 200, noiseSeed: 7, patience: 2)))
        let first = try run.epochEnded(0, trainingSeconds: 0)
        let again = try run.epochEnded(1, trainingSeconds: 0)
        // Nothing trained between the two: fixed z and fixed training images give the same numbers.
        #expect(first.frechetDistance == again.frechetDistance && first.classFractions == again.classFractions)
        while trainer.iteration < 30 { trainer.trainIteration() }
        let trained = try run.epochEnded(2, trainingSeconds: 1)
        // Negative control: after training the samples, and so the measures, have moved.
        #expect(trained.frechetDistance != first.frechetDistance)
        #expect((0...1).contains(trained.precision) && (0...1).contains(trained.recall))
        #expect(run.record.epochs.count == 3 && abs(trained.classFractions.reduce(0, +) - 1) < 1e-12)
        let figure = MeasuredRun.figure(run.record, title: "t")
        #expect(figure.width > 1000)
    }

    @Test func differences_ofARecordFromItself_areNone_andAChangedMeasureIsNamed() {
        let record = Self.record(patience: 3, distances: [9, 5, 6])
        #expect(record.differences(from: record).isEmpty)
        // Negative control: one epoch's Fréchet distance off in the fifth digit.
        let changed = Self.record(patience: 3, distances: [9, 5.00001, 6])
        let found = record.differences(from: changed)
        #expect(found.count == 1 && found[0].contains("epoch 2: Frechet distance"), "\(found)")
        #expect(record.differences(from: changed, within: .init(relative: 1e-3)).isEmpty)
        #expect(!record.differences(from: Self.record(patience: 3, distances: [9, 5])).isEmpty, "a missing epoch is a difference")
        #expect(record.tolerances(onCore: record.openBLASCore, threads: record.openBLASThreads) == .exact)
        #expect(record.tolerances(onCore: "another kernel", threads: record.openBLASThreads) == nil)
    }

    @Test func anotherRun_isJudgedByItsBestDistanceAndItsFinalClasses() {
        let recorded = Self.record(patience: nil, distances: [9, 4, 5])
        // Best 4 recorded: 7.9 and 2.1 agree as another run would, 8.1 and 1.9 do not.
        #expect(recorded.differencesAsAnotherRun(Self.record(patience: nil, distances: [9, 7.9])).isEmpty)
        #expect(recorded.differencesAsAnotherRun(Self.record(patience: nil, distances: [9, 2.1])).isEmpty)
        #expect(recorded.differencesAsAnotherRun(Self.record(patience: nil, distances: [9, 8.1])).count == 1)
        #expect(recorded.differencesAsAnotherRun(Self.record(patience: nil, distances: [1.9])).count == 1)
        // Negative control: a re-run that ends without a class the record ends with.
        var dropped = RunRecord(recipe: .small, seed: 1, dataFolder: "d", trainingRows: 300,
                                measurement: .init(samples: 100, noiseSeed: 2, patience: nil))
        dropped.append(RunRecord.Epoch(epoch: 1, iteration: 10, trainingSeconds: 1, value: -1, meanRealProbability: 0.6,
                                       meanGeneratedProbability: 0.4, frechetDistance: 4,
                                       classFractions: [0.98, 0.02] + [Double](repeating: 0, count: 8), precision: 0.5, recall: 0.25))
        let differences = recorded.differencesAsAnotherRun(dropped)
        #expect(differences.count == 1 && differences[0].contains("class 1 ends at 0.02"), "\(differences)")
    }
}
