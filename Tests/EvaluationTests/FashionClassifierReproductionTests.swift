import Evaluation
import FileFormats
import Foundation
import GANCore
import Testing

/// The committed weights are what the committed code trains: retraining
/// with the same settings and seed reproduces the bundled classifier.
///
/// Bit for bit only on the BLAS kernel that trained it (metadata
/// `blas_core`): these machines are Zen 3 (AVX2) or Zen 5 (AVX-512), and
/// OpenBLAS's kernels for each round a matrix product's sums differently,
/// so the last bits of every step differ and SGD carries the difference on.
/// On the same kernel the test demands the same bytes; on another the
/// comparison is of behaviour, within `FashionClassifier.Tolerances.otherKernel`:
/// test accuracy within half a point, the same class predicted on at least
/// 95% of the test images. Measured on one Zen 3 machine: the Zen and
/// Haswell kernels give the same bytes; the Sandybridge kernel (AVX without
/// FMA, so every product rounds differently) gave 89.35% against 89.19% and
/// agreed on 96.5% of images; another seed agreed on 95.6%, so off the
/// training kernel the check shows an equally good instrument, not the same one.
///
/// Time: the full 12-epoch retraining takes 36–85 s in a release build
/// (2 shared cores) but 330 s in a debug one (the element-wise loops run unoptimised),
/// too long for the debug suite. So a debug `swift test` retrains the first
/// epoch of the committed schedule (the schedule depends on the epoch only,
/// so it is exactly that run's first epoch) and compares it with the epoch
/// the bundled file records; the full retraining runs in optimised builds
/// (`swift test -c release --filter
/// FashionClassifierReproduction`) and in `study classifier --check`.
@Suite(.serialized, .enabled(if: FileManager.default.fileExists(atPath: DataSet.fashionMNISTFolder.path), "needs dataset-fashion-mnist"))
struct FashionClassifierReproductionTests {
    static let data = try! DataSet(split: FashionClassifier.dataSplit)
    nonisolated(unsafe) static let testImages = data.test.images.matrix(as: Float.self)
    static let testLabels = data.test.labels.values.map(Int.init)

    static let isOptimised: Bool = {
        #if DEBUG
        false
        #else
        true
        #endif
    }()

    /// Whether this machine's kernel is the one that trained `classifier`.
    static func sameKernel(as classifier: FashionClassifier) -> Bool {
        classifier.trainedOnBLASCore == OpenBLAS.coreName
    }

    @Test func retrainingTheFirstEpoch_reproducesTheRecordedOne() throws {
        let bundled = try FashionClassifier.bundled()
        var firstEpoch = bundled.settings
        firstEpoch.epochs = 1
        let started = Date()
        let retrained = FashionClassifier.train(settings: firstEpoch, on: Self.data.training, test: Self.data.test)
        print("first epoch retrained in \(Int(Date().timeIntervalSince(started))) s: \(retrained.history[0])")
        let (mine, recorded) = (retrained.history[0], try #require(bundled.history.first))
        if Self.sameKernel(as: bundled) {
            // The same arithmetic in the same order: the loss agrees to the last bit.
            #expect(mine == recorded)
        } else {
            // Sandybridge against Zen: 84.30% against 84.61%, loss 0.5236 against 0.5257.
            #expect(abs(mine.testAccuracy! - recorded.testAccuracy!) <= 0.01, "\(mine) against \(recorded)")
            #expect(abs(mine.meanLoss - recorded.meanLoss) <= 0.01 * recorded.meanLoss, "\(mine) against \(recorded)")
        }
    }

    @Test(.enabled(if: isOptimised, "330 s in a debug build; run with swift test -c release"))
    func retrainingWithTheSameSeed_reproducesTheBundledClassifier() throws {
        let bundled = try FashionClassifier.bundled()
        let started = Date()
        let retrained = FashionClassifier.train(settings: bundled.settings, on: Self.data.training)
        let comparison = retrained.compare(with: bundled, images: Self.testImages, labels: Self.testLabels)
        print("retrained in \(Int(Date().timeIntervalSince(started))) s: \(comparison)")
        let tolerances = FashionClassifier.Tolerances.reproducing(bundled)
        #expect(comparison.agrees(within: tolerances), "\(comparison); required \(tolerances)")
        #expect(comparison.referenceAccuracy == bundled.recordedTestAccuracy, "the bundled accuracy is the recorded one")
        #expect(comparison.referenceAccuracy >= 0.88)
        if Self.sameKernel(as: bundled) {
            #expect(retrained.network.parameters.elements == bundled.network.parameters.elements, "same kernel: the same bytes")
        }
    }

    /// Negative control: the bundled network with two classes' outputs
    /// swapped is still a sound network, but not the same classifier: it
    /// fails even the other-kernel limits.
    @Test func swappedOutputClasses_failTheAgreementCheck() throws {
        let bundled = try FashionClassifier.bundled()
        let scrambled = try FashionClassifier.bundled()
        let last = scrambled.network.affineLayers.last!
        // T-shirt/top (0) and Shirt (6), the two classes it confuses most:
        // agreement falls by the share of images predicted as either.
        for i in 0..<last.inputWidth {
            (last.weights[i, 0], last.weights[i, 6]) = (last.weights[i, 6], last.weights[i, 0])
        }
        (last.bias[0, 0], last.bias[0, 6]) = (last.bias[0, 6], last.bias[0, 0])
        let comparison = scrambled.compare(with: bundled, images: Self.testImages, labels: Self.testLabels)
        #expect(!comparison.agrees(within: .otherKernel), "\(comparison)")
        #expect(comparison.agreement < 0.9)
    }
}
