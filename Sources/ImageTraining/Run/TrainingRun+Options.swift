import Foundation
import GANCore
import GeneratorStep

extension TrainingRun {
    /// What to train, on what, and where: `study train`'s options, each
    /// named for its command-line option in the messages that refuse it.
    /// A field left nil is the recipe's, or with `resume` the checkpoint's.
    public struct Options: Sendable {
        /// The folder for the checkpoint, the record and the figures (`--output`).
        public var output: URL
        /// A recipe of `TrainingRecipe.named` (`--config`; default authors).
        public var recipeName: String?
        /// A folder of IDX files in MNIST's layout (`--data`; default Fashion-MNIST).
        public var dataFolder: String?
        /// Train until this many epochs are done (`--epochs`; default 1).
        public var epochs: Int?
        /// Train until this many iterations are done; overrides `epochs` (`--iterations`).
        public var iterations: Int?
        /// Use only the first rows of the training split (`--rows`).
        public var rows: Int?
        /// k in Algorithm 1, whatever the recipe's rule (`--k`).
        public var discriminatorSteps: Int?
        /// The authors' simultaneous update, whatever the recipe's rule (`--simultaneous`).
        public var simultaneous = false
        /// G's loss, whatever the recipe's (`--generator-loss`).
        public var generatorLoss: GeneratorLoss?
        /// The learning rate's start (`--learning-rate`); it still decays on schedule.
        public var learningRate: Double?
        /// The seed of every random draw (`--seed`; default 1).
        public var seed: UInt64?
        /// Continue the checkpoint in `output` (`--resume`).
        public var resume = false
        /// Replace the run in `output` (`--overwrite`).
        public var overwrite = false
        /// Measure samples after every epoch into `record.json` (`--measure`).
        public var measure = false
        /// With `measure`: stop once the Fréchet distance has not improved for this many epochs (`--patience`).
        public var patience: Int?
        /// OpenBLAS threads (`--threads`; default OpenBLAS's own choice).
        public var threads: Int?
        /// How the step's products share the cores (`--schedule`).
        public var schedule = MatrixProducts.Schedule.threaded

        public init(output: URL) {
            self.output = output
        }
    }
}
