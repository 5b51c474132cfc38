import Foundation
import GANCore

/// A training run saved as one safetensors file, loadable by PyTorch or NumPy.
///
/// Tensors (Float32 unless noted):
/// ```
/// generator.{i}.weight, generator.{i}.bias               G's affine layer i, [out, in] and [out]
/// discriminator.{i}.weight, discriminator.{i}.bias       D's affine layer i
/// momentum.generator.…, momentum.discriminator.…         the optimisers' velocities, same names
/// state.random       U8   the Mersenne Twister's state (GSL's layout)
/// state.data_order   I64  this epoch's order of training rows
/// state.history_window F64 [3]   sums of V̂, D(x), D(G(z)) over the unfinished interval
/// history            F64 [n, 4] every 50 iterations: iteration, mean V̂, mean D(x), mean D(G(z))
/// ```
/// Metadata: `format`, `recipe` (JSON), `seed`, `iteration`,
/// `discriminator_updates`, `generator_updates`, `epoch`, `position`, and the
/// current learning rates as exact bit patterns (`learning_rate_bits.*`). Layer i counts every layer, as in
/// `nn.Sequential`; see `NetworkTensors`.
public enum TrainingCheckpoint {
    public static let format = "gan-study-checkpoint-1"
    public static let fileName = "checkpoint.safetensors"

    /// Everything `trainer` needs to continue exactly where it is.
    public static func contents(of trainer: ImageTrainer, seed: UInt64) -> Safetensors {
        var tensors = NetworkTensors.tensors(of: trainer.generator, values: trainer.generator.parameters, prefix: "generator")
        tensors.merge(NetworkTensors.tensors(of: trainer.discriminator, values: trainer.discriminator.parameters, prefix: "discriminator")) { a, _ in a }
        tensors.merge(NetworkTensors.tensors(of: trainer.generator, values: trainer.trainer.generatorStep.optimiser.velocity, prefix: "momentum.generator")) { a, _ in a }
        tensors.merge(NetworkTensors.tensors(of: trainer.discriminator, values: trainer.trainer.discriminatorStep.optimiser.velocity, prefix: "momentum.discriminator")) { a, _ in a }
        tensors["state.random"] = Tensor(trainer.random.state)
        tensors["state.data_order"] = Tensor(trainer.sampler.order.map(Int64.init))
        tensors["state.history_window"] = Tensor(trainer.historyWindow)
        let history = trainer.history.flatMap { [Double($0.iteration), $0.value, $0.meanRealProbability, $0.meanGeneratedProbability] }
        tensors["history"] = Tensor(history, shape: [trainer.history.count, 4])
        let configuration = trainer.trainer.configuration
        let metadata = [
            "format": format,
            "recipe": trainer.recipe.json(),
            "seed": String(seed),
            "iteration": String(trainer.iteration),
            "discriminator_updates": String(trainer.trainer.discriminatorUpdates),
            "generator_updates": String(trainer.trainer.generatorUpdates),
            "learning_rate_bits.discriminator": String(configuration.discriminatorLearningRate.bitPattern),
            "learning_rate_bits.generator": String(configuration.generatorLearningRate.bitPattern),
            "epoch": String(trainer.sampler.epoch),
            "position": String(trainer.sampler.position),
        ]
        return Safetensors(tensors: tensors, metadata: metadata)
    }

    /// Writes `trainer`'s checkpoint atomically: a failure leaves any earlier file intact.
    public static func write(_ trainer: ImageTrainer, seed: UInt64, to url: URL) throws(CheckpointError) {
        try contents(of: trainer, seed: seed).write(to: url)
    }

    /// The recipe a checkpoint was written with, after checking its format.
    public static func recipe(of file: Safetensors) throws(CheckpointError) -> TrainingRecipe {
        let found = try file.metadataValue("format")
        guard found == format else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "is a '\(found)' file, not a '\(format)' training checkpoint")
        }
        let json = try file.metadataValue("recipe")
        guard let recipe = try? JSONDecoder().decode(TrainingRecipe.self, from: Data(json.utf8)) else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "its recipe metadata is not a training recipe")
        }
        return recipe
    }

    static func integer(_ file: Safetensors, _ key: String) throws(CheckpointError) -> Int {
        let text = try file.metadataValue(key)
        guard let value = Int(text), value >= 0 else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "metadata '\(key)' is '\(text)', not a count")
        }
        return value
    }

    /// Puts a checkpoint's state into a trainer built with the same
    /// configuration and data, so that training continues bit for bit.
    public static func restore(_ file: Safetensors, into trainer: ImageTrainer) throws(CheckpointError) {
        let recipe = try recipe(of: file)
        guard recipe == trainer.recipe else {
            throw CheckpointError(path: file.path, kind: .mismatch,
                                  problem: "was written by recipe '\(recipe.name)', which differs from '\(trainer.recipe.name)' of this run")
        }
        try NetworkTensors.load(file, into: trainer.generator.parameters, of: trainer.generator, prefix: "generator")
        try NetworkTensors.load(file, into: trainer.discriminator.parameters, of: trainer.discriminator, prefix: "discriminator")
        try NetworkTensors.load(file, into: trainer.trainer.generatorStep.optimiser.velocity, of: trainer.generator, prefix: "momentum.generator")
        try NetworkTensors.load(file, into: trainer.trainer.discriminatorStep.optimiser.velocity, of: trainer.discriminator, prefix: "momentum.discriminator")
        let state = try file.values(named: "state.random", shape: [trainer.random.state.count], as: UInt8.self)
        let rows = trainer.sampler.data.rows
        let order = try file.values(named: "state.data_order", shape: [rows], as: Int64.self).map(Int.init)
        guard order.sorted() == Array(0..<rows) else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "state.data_order is not an order of the \(rows) training rows")
        }
        let iteration = try integer(file, "iteration")
        let (discriminatorUpdates, generatorUpdates) = (try integer(file, "discriminator_updates"), try integer(file, "generator_updates"))
        let rates = (discriminator: Double(bitPattern: UInt64(try integer(file, "learning_rate_bits.discriminator"))),
                     generator: Double(bitPattern: UInt64(try integer(file, "learning_rate_bits.generator"))))
        guard rates.discriminator > 0, rates.generator > 0, rates.discriminator.isFinite, rates.generator.isFinite else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "its learning rates are not positive numbers")
        }
        let (epoch, position) = (try integer(file, "epoch"), try integer(file, "position"))
        guard epoch >= 1, position <= rows else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "epoch \(epoch) or position \(position) is out of range")
        }
        let window = try file.values(named: "state.history_window", shape: [3], as: Double.self)
        let historyShape = try file.tensor(named: "history").shape
        guard historyShape.count == 2, historyShape[1] == 4 else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "history has shape \(historyShape), expected [n, 4]")
        }
        let flat = try file.values(named: "history", shape: historyShape, as: Double.self)
        let history = stride(from: 0, to: flat.count, by: 4).map {
            ImageTrainer.HistoryPoint(iteration: Int(flat[$0]), value: flat[$0 + 1], meanRealProbability: flat[$0 + 2], meanGeneratedProbability: flat[$0 + 3])
        }
        trainer.random.state = state
        trainer.sampler.restore(order: order, position: position, epoch: epoch)
        trainer.restore(iterations: iteration, discriminatorUpdates: discriminatorUpdates, generatorUpdates: generatorUpdates,
                        learningRates: rates, history: history, window: window)
    }

    /// The generator stored in a checkpoint, with its configuration.
    public static func generator(from file: Safetensors) throws(CheckpointError) -> (MultilayerPerceptron<Float>, TrainingRecipe) {
        let recipe = try recipe(of: file)
        let generator = recipe.architecture.generator(Float.self, pixelMeans: nil, using: RandomSource(seed: 0))
        try NetworkTensors.load(file, into: generator.parameters, of: generator, prefix: "generator")
        return (generator, recipe)
    }
}
