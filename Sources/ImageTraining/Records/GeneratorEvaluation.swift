import Evaluation
import FileFormats
import Foundation
import GANCore

/// `study evaluate`'s result, as it writes it to JSON: which generator, which
/// seeds, the sizes, and every measure of Chapter 6 with its reference rows,
/// so anyone can recompute them from the samples file written beside it.
public struct GeneratorEvaluation: Codable, Sendable {
    /// The seeds derived from `--seed s`, each for one draw.
    public struct Seeds: Codable, Sendable, Equatable {
        /// Figure 2's samples.
        public let figure2: UInt64
        /// Figure 3's pairs of z.
        public let figure3: UInt64
        /// The Parzen window's generator samples (Table 1).
        public let parzenSamples: UInt64
        /// The uniform-noise reference row.
        public let uniformNoise: UInt64
        /// The samples the classifier measures, written to `samples.safetensors`.
        public let qualitySamples: UInt64
        /// k-means++ seeding of the k-means row.
        public let kMeans: UInt64

        public init(_ s: UInt64) {
            figure2 = s
            figure3 = s &+ 1
            parzenSamples = s &+ 2
            uniformNoise = s &+ 3
            qualitySamples = s &+ 4
            kMeans = s &+ 6
        }

        /// One line for `--help`.
        public static let explanation = "From --seed s: Figure 2 s, Figure 3 s+1, Parzen samples s+2, uniform noise s+3, the measured samples (samples.safetensors) s+4, k-means seeding s+6."
    }

    public let checkpoint: String
    /// The checkpoint file's SHA-256, so a result names the very weights it measured.
    public let checkpointSHA256: String?
    public let recipe: TrainingRecipe
    public let iteration: String
    public let seed: UInt64
    public let seeds: Seeds
    public let classifierTestAccuracy: Double
    public let quality: SampleQuality
    /// Figure 2's rows: each last sample's squared distance to its nearest training image.
    public let figure2NearestDistances: [Double]
    public let parzen: [ParzenEvaluation.Row]
    public let parzenSizes: ParzenSizes
    public let openBLASCore: String

    public struct ParzenSizes: Codable, Sendable, Equatable {
        public let centres: Int
        public let kMeansTrainingImages: Int
        public let validation: Int
        public let test: Int
        public init(centres: Int, kMeansTrainingImages: Int, validation: Int, test: Int) {
            self.centres = centres
            self.kMeansTrainingImages = kMeansTrainingImages
            self.validation = validation
            self.test = test
        }
    }

    public init(
        checkpoint: String, checkpointSHA256: String? = nil, recipe: TrainingRecipe, iteration: String, seed: UInt64, classifierTestAccuracy: Double,
        quality: SampleQuality, figure2NearestDistances: [Double], parzen: [ParzenEvaluation.Row], parzenSizes: ParzenSizes
    ) {
        self.checkpoint = checkpoint
        self.checkpointSHA256 = checkpointSHA256
        self.recipe = recipe
        self.iteration = iteration
        self.seed = seed
        seeds = Seeds(seed)
        self.classifierTestAccuracy = classifierTestAccuracy
        self.quality = quality
        self.figure2NearestDistances = figure2NearestDistances
        self.parzen = parzen
        self.parzenSizes = parzenSizes
        openBLASCore = OpenBLAS.coreName
    }

    /// Pretty-printed JSON with sorted keys, so two results diff line by line.
    public func json() throws -> Data { try RecordJSON.encode(self) }

    public static func decode(_ data: Data) throws -> GeneratorEvaluation { try RecordJSON.decode(GeneratorEvaluation.self, from: data) }
}
