import FileFormats
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
/// current learning rates as exact bit patterns (`learning_rate_bits.*`);
/// `study train` adds the data's provenance (`data.folder`, `data.rows`,
/// `data.training_images`, `data.training_images.sha256`). Layer i counts every layer, as in
/// `nn.Sequential`; see `NetworkTensors`.
public enum TrainingCheckpoint {
    public static let format = "gan-study-checkpoint-1"
    public static let fileName = "checkpoint.safetensors"

    /// Everything `trainer` needs to continue exactly where it is.
    /// `extra` adds metadata entries (the data's provenance) beside the run's own.
    public static func contents(of trainer: ImageTrainer, seed: UInt64, metadata extra: [String: String] = [:]) -> Safetensors {
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
        var metadata = extra
        metadata.merge([
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
        ]) { _, own in own }
        return Safetensors(tensors: tensors, metadata: metadata)
    }

    /// Writes `trainer`'s checkpoint atomically: a failure leaves any earlier file intact.
    public static func write(_ trainer: ImageTrainer, seed: UInt64, metadata: [String: String] = [:], to url: URL) throws(CheckpointError) {
        try contents(of: trainer, seed: seed, metadata: metadata).write(to: url)
    }

    /// The recipe a checkpoint was written with, after checking its format
    /// and every field's range (`TrainingRecipe.rangeProblem`).
    public static func recipe(of file: Safetensors) throws(CheckpointError) -> TrainingRecipe {
        let found = try file.metadataValue("format")
        guard found == format else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "is a '\(found)' file, not a '\(format)' training checkpoint")
        }
        let json = try file.metadataValue("recipe")
        if let problem = TrainingRecipe.wholeNumberProblem(inJSON: json) { throw invalid(file, problem) }
        let recipe: TrainingRecipe
        do {
            recipe = try JSONDecoder().decode(TrainingRecipe.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            throw invalid(file, Self.describe(error, in: json))
        } catch {
            throw invalid(file, "metadata 'recipe' is not JSON: \(error.localizedDescription)")
        }
        if let p = recipe.rangeProblem {
            throw invalid(file, "recipe field '\(p.field)' is \(p.value); expected \(p.expected)")
        }
        return recipe
    }

    static func invalid(_ file: Safetensors, _ problem: String) -> CheckpointError {
        CheckpointError(path: file.path, kind: .invalid, problem: problem)
    }

    /// "recipe field 'architecture.pixels' is 1.5; expected a whole number": the field and its text.
    static func describe(_ error: DecodingError, in json: String) -> String {
        func field(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
        func value(_ path: [any CodingKey]) -> String {
            var node = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
            for key in path { node = (node as? [String: Any])?[key.stringValue] }
            guard let node else { return "missing" }
            if let data = try? JSONSerialization.data(withJSONObject: node, options: [.fragmentsAllowed]) {
                return String(decoding: data.prefix(80), as: UTF8.self)
            }
            return "\(node)"
        }
        switch error {
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "recipe field '\(field(context.codingPath))' is \(value(context.codingPath)); expected \(type == Int.self ? "a whole number" : type == Double.self ? "a number" : "a \(type)")"
        case .keyNotFound(let key, let context):
            return "recipe field '\(field(context.codingPath + [key]))' is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "metadata 'recipe' is not JSON"
                : "recipe field '\(field(context.codingPath))' is \(value(context.codingPath)); \(context.debugDescription)"
        @unknown default:
            return "metadata 'recipe' is not a training recipe"
        }
    }

    /// The largest counter (iterations, updates, epochs) a checkpoint may
    /// hold: 2⁴⁰, about 10¹², so that the next update cannot overflow.
    public static let maximumCount = 1 << 40

    static func integer(_ file: Safetensors, _ key: String, in range: ClosedRange<Int> = 0...maximumCount) throws(CheckpointError) -> Int {
        let text = try file.metadataValue(key)
        guard let value = Int(text), range.contains(value) else {
            throw invalid(file, "metadata '\(key)' is '\(text.prefix(40))'; expected a whole number in \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// The seed of the run a checkpoint continues.
    public static func seed(of file: Safetensors) throws(CheckpointError) -> UInt64 {
        let text = try file.metadataValue("seed")
        guard let value = UInt64(text) else {
            throw invalid(file, "metadata 'seed' is '\(text.prefix(40))'; expected a whole number in 0…\(UInt64.max)")
        }
        return value
    }

    static func learningRate(_ file: Safetensors, _ key: String, recipe: TrainingRecipe) throws(CheckpointError) -> Double {
        let text = try file.metadataValue(key)
        let rate = UInt64(text).map { Double(bitPattern: $0) }
        guard let rate, rate > 0, rate.isFinite, rate <= recipe.schedule.initialLearningRate else {
            throw invalid(file, "metadata '\(key)' is '\(text.prefix(40))'\(rate.map { " (learning rate \($0))" } ?? ""); expected the bits of a learning rate in (0, \(recipe.schedule.initialLearningRate)]")
        }
        return rate
    }

    /// Puts a checkpoint's state into a trainer built with the same
    /// configuration and data, so that training continues bit for bit.
    public static func restore(_ file: Safetensors, into trainer: ImageTrainer) throws(CheckpointError) {
        let state = try validate(file)
        guard state.recipe == trainer.recipe else {
            throw CheckpointError(path: file.path, kind: .mismatch,
                                  problem: "was written by recipe '\(state.recipe.name)', which differs from '\(trainer.recipe.name)' of this run")
        }
        try NetworkTensors.load(file, into: trainer.generator.parameters, of: trainer.generator, prefix: "generator")
        try NetworkTensors.load(file, into: trainer.discriminator.parameters, of: trainer.discriminator, prefix: "discriminator")
        try NetworkTensors.load(file, into: trainer.trainer.generatorStep.optimiser.velocity, of: trainer.generator, prefix: "momentum.generator")
        try NetworkTensors.load(file, into: trainer.trainer.discriminatorStep.optimiser.velocity, of: trainer.discriminator, prefix: "momentum.discriminator")
        let rows = trainer.sampler.data.rows
        let order = try file.values(named: "state.data_order", shape: [rows], as: Int64.self)
        var seen = [Bool](repeating: false, count: rows)
        for (i, row) in order.enumerated() {
            guard row >= 0, row < rows, !seen[Int(row)] else {
                throw invalid(file, "tensor 'state.data_order' holds \(row) at index \(i); expected an order of the \(rows) training rows, each once")
            }
            seen[Int(row)] = true
        }
        guard state.position <= rows else {
            throw invalid(file, "metadata 'position' is '\(state.position)'; expected a whole number in 0…\(rows), the rows of an epoch")
        }
        trainer.random.state = state.random
        trainer.sampler.restore(order: order.map(Int.init), position: state.position, epoch: state.epoch)
        trainer.restore(iterations: state.iteration, discriminatorUpdates: state.discriminatorUpdates, generatorUpdates: state.generatorUpdates,
                        learningRates: state.rates, history: state.history, window: state.window)
    }

    /// The generator stored in a checkpoint, with its configuration.
    public static func generator(from file: Safetensors) throws(CheckpointError) -> (MultilayerPerceptron<Float>, TrainingRecipe) {
        let recipe = try validate(file).recipe
        let generator = recipe.architecture.generator(Float.self, pixelMeans: nil, using: RandomSource(seed: 0))
        try NetworkTensors.load(file, into: generator.parameters, of: generator, prefix: "generator")
        return (generator, recipe)
    }
}
