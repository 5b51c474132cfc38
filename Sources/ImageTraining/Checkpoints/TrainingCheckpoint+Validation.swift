import FileFormats
import Foundation
import GANCore

extension TrainingCheckpoint {
    /// Every part of a checkpoint that does not depend on the data, checked
    /// before anything is built from it: the recipe, the counters, the random
    /// state, the history, and every float tensor finite.
    public struct State {
        public let recipe: TrainingRecipe
        public let seed: UInt64
        let iteration: Int, discriminatorUpdates: Int, generatorUpdates: Int, epoch: Int, position: Int
        let rates: (discriminator: Double, generator: Double)
        let random: [UInt8]
        let window: [Double]
        let history: [ImageTrainer.HistoryPoint]
    }

    public static func validate(_ file: Safetensors) throws(CheckpointError) -> State {
        let recipe = try recipe(of: file)
        let seed = try seed(of: file)
        let iteration = try integer(file, "iteration")
        let discriminatorUpdates = try integer(file, "discriminator_updates")
        let generatorUpdates = try integer(file, "generator_updates")
        // Each iteration makes one G update and k D updates (one when simultaneous).
        let k: Int
        if case .algorithm1(let steps) = recipe.updateRule { k = steps } else { k = 1 }
        guard generatorUpdates == iteration else {
            throw invalid(file, "metadata 'generator_updates' is '\(generatorUpdates)'; expected \(iteration), one per iteration")
        }
        guard discriminatorUpdates == k * iteration else {
            throw invalid(file, "metadata 'discriminator_updates' is '\(discriminatorUpdates)'; expected \(k * iteration), \(k) per iteration")
        }
        let epoch = try integer(file, "epoch", in: 1...maximumCount)
        let position = try integer(file, "position", in: 0...maximumCount)
        let rates = (discriminator: try learningRate(file, "learning_rate_bits.discriminator", recipe: recipe),
                     generator: try learningRate(file, "learning_rate_bits.generator", recipe: recipe))
        let random = try file.values(named: "state.random", shape: [RandomSource.stateByteCount], as: UInt8.self)
        if let problem = RandomSource.stateProblem(random) {
            throw invalid(file, "tensor 'state.random': \(problem)")
        }
        try refuseNonFiniteValues(file)
        let window = try historyWindow(file)
        let history = try history(file, upTo: iteration)
        return State(recipe: recipe, seed: seed, iteration: iteration, discriminatorUpdates: discriminatorUpdates,
                     generatorUpdates: generatorUpdates, epoch: epoch, position: position, rates: rates, random: random,
                     window: window, history: history)
    }

    /// Refuses the first float tensor entry that is not finite.
    static func refuseNonFiniteValues(_ file: Safetensors) throws(CheckpointError) {
        for name in file.tensors.keys.sorted() {
            guard let tensor = file.tensors[name] else { continue }
            let values: [Double]
            switch tensor.dtype {
            case .float32: values = (tensor.values(as: Float.self) ?? []).map(Double.init)
            case .float64: values = tensor.values(as: Double.self) ?? []
            default: continue
            }
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                throw invalid(file, "tensor '\(name)' holds \(values[index]) at index \(index); expected finite numbers")
            }
        }
    }

    /// The sums of V̂, D(x) and D(G(z)) over the unfinished history interval.
    static func historyWindow(_ file: Safetensors) throws(CheckpointError) -> [Double] {
        let window = try file.values(named: "state.history_window", shape: [3], as: Double.self)
        let interval = Double(ImageTrainer.historyInterval)
        guard window[0] <= 0, (0...interval).contains(window[1]), (0...interval).contains(window[2]) else {
            throw invalid(file, "tensor 'state.history_window' is \(window); expected sums over at most \(ImageTrainer.historyInterval) iterations of V̂ ≤ 0, D(x) and D(G(z)) in [0, 1]")
        }
        return window
    }

    /// The training curves, every row checked: iterations in order on the
    /// history's interval up to `iteration`, probabilities in [0, 1], V̂ ≤ 0.
    static func history(_ file: Safetensors, upTo iteration: Int) throws(CheckpointError) -> [ImageTrainer.HistoryPoint] {
        let historyShape = try file.tensor(named: "history").shape
        guard historyShape.count == 2, historyShape[1] == 4 else {
            throw CheckpointError(path: file.path, kind: .mismatch, problem: "tensor 'history' has shape \(historyShape), expected [n, 4]")
        }
        let flat = try file.values(named: "history", shape: historyShape, as: Double.self)
        var history: [ImageTrainer.HistoryPoint] = []
        for row in 0..<historyShape[0] {
            let (at, value, real, generated) = (flat[4 * row], flat[4 * row + 1], flat[4 * row + 2], flat[4 * row + 3])
            let previous = history.last?.iteration ?? 0
            let interval = ImageTrainer.historyInterval
            guard at == (at / Double(interval)).rounded() * Double(interval), at > Double(previous), at <= Double(iteration) else {
                throw invalid(file, "tensor 'history' row \(row) has iteration \(at); expected a multiple of \(interval) above \(previous) and at most the checkpoint's iteration \(iteration)")
            }
            for (column, number) in [("D(x)", real), ("D(G(z))", generated)] where !(0...1).contains(number) {
                throw invalid(file, "tensor 'history' row \(row) has mean \(column) \(number); expected a probability in [0, 1]")
            }
            guard value <= 0 else {
                throw invalid(file, "tensor 'history' row \(row) has mean V̂ \(value); expected at most 0 (a mean of log D(x) + log(1 − D(G(z))))")
            }
            history.append(.init(iteration: Int(at), value: value, meanRealProbability: real, meanGeneratedProbability: generated))
        }
        return history
    }
}
