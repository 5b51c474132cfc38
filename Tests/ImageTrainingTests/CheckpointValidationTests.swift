import FileFormats
import Foundation
import GANCore
import ImageTraining
import Testing

/// A checkpoint that parses but makes no sense is refused before anything is
/// built from it, by one error naming the file, the field or tensor, the
/// value and what was expected. The untouched checkpoint passes (the
/// negative control), so each refusal is the mutation's doing.
@Suite struct CheckpointValidationTests {
    /// A `small` run of 60 iterations on 300 random 4×4 images (seed 5), so
    /// that its history holds a row (iteration 50).
    static let original: Safetensors = {
        let random = RandomSource(seed: 77)
        let data = Matrix<Float>(rows: 300, columns: 16)
        random.fillUniform(data, 0, 1)
        var recipe = TrainingRecipe.small
        recipe.architecture.pixels = 16
        let trainer = ImageTrainer(recipe: recipe, data: data, seed: 5)
        for _ in 0..<60 { trainer.trainIteration() }
        return TrainingCheckpoint.contents(of: trainer, seed: 5)
    }()

    /// `file` written and read back, so that errors name a real path.
    static func roundTrip(_ file: Safetensors) throws -> Safetensors {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("validation-\(UUID().uuidString).safetensors")
        try file.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Safetensors(contentsOf: url)
    }

    /// The refusal of `file`, which must be `.invalid` and name the file and every one of `words`.
    static func expectRefused(_ file: Safetensors, naming words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let read = try roundTrip(file)
        do {
            _ = try TrainingCheckpoint.validate(read)
            Issue.record("accepted; expected a refusal naming \(words)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == .invalid, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix(read.path), "names the file: \(error)", sourceLocation: sourceLocation)
            for word in words {
                #expect(error.description.contains(word), "names \(word): \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    static func recipe(_ edit: (inout [String: Any]) -> Void) -> Safetensors {
        var file = original
        var json = try! JSONSerialization.jsonObject(with: Data(file.metadata["recipe"]!.utf8)) as! [String: Any]
        edit(&json)
        file.metadata["recipe"] = String(decoding: try! JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        return file
    }

    @Test func untouchedCheckpoint_passes() throws {
        let state = try TrainingCheckpoint.validate(try Self.roundTrip(Self.original))
        #expect(state.recipe.name == "small" && state.seed == 5)
    }

    @Test(arguments: [
        ("noiseDimension", 0), ("generatorHidden", -1), ("generatorHidden", 2_147_483_648), ("discriminatorUnits", 0),
        ("discriminatorPieces", -5), ("pixels", 15), ("pixels", 0),
    ])
    func recipeArchitecture_outOfRange_isRefused(field: String, value: Int) throws {
        let file = Self.recipe { json in
            var a = json["architecture"] as! [String: Any]
            a[field] = value
            json["architecture"] = a
        }
        try Self.expectRefused(file, naming: ["architecture.\(field)", String(value)])
    }

    @Test(arguments: [("dropoutInput", 0.0), ("dropoutInput", 1.5), ("dropoutHidden", -0.5), ("generatorWeightRange", -1.0)])
    func recipeProbabilitiesAndRanges_outOfRange_areRefused(field: String, value: Double) throws {
        let file = Self.recipe { json in
            var a = json["architecture"] as! [String: Any]
            a[field] = value
            json["architecture"] = a
        }
        try Self.expectRefused(file, naming: [field])
    }

    @Test func recipeCounts_thatAreFractionsOrHuge_areRefusedByName() throws {
        try Self.expectRefused(Self.recipe { $0["batchSize"] = 1.5 }, naming: ["batchSize", "1.5"])
        try Self.expectRefused(Self.recipe { $0["batchSize"] = 0 }, naming: ["batchSize", "0"])
        try Self.expectRefused(Self.recipe { $0["updateRule"] = ["algorithm1": ["k": 1e300]] }, naming: ["updateRule.algorithm1.k"])
        try Self.expectRefused(Self.recipe { $0["updateRule"] = ["algorithm1": ["k": 0]] }, naming: ["updateRule.algorithm1.k", "0"])
        try Self.expectRefused(Self.recipe { json in
            var s = json["schedule"] as! [String: Any]
            s["momentumStartEpoch"] = Int.min
            json["schedule"] = s
        }, naming: ["schedule.momentumStartEpoch"])
    }

    @Test(arguments: [
        ("iteration", "9223372036854775807"), ("iteration", "-1"), ("epoch", "0"), ("generator_updates", "4611686018427387904"),
        ("discriminator_updates", "0"), ("position", "abc"), ("seed", "-9223372036854775808"), ("learning_rate_bits.generator", "9223372036854775806"),
    ])
    func counters_outOfRange_areRefusedByName(key: String, value: String) throws {
        var file = Self.original
        file.metadata[key] = value
        try Self.expectRefused(file, naming: ["'\(key)'"])
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, 51, -1])
    func historyIteration_thatIsNotARecordedStep_isRefused(value: Double) throws {
        var file = Self.original
        var rows = file.tensors["history"]!.values(as: Double.self)!
        rows[0] = value
        file.tensors["history"] = Tensor(rows, shape: [rows.count / 4, 4])
        // A non-finite number is refused as such, before its meaning is checked.
        try Self.expectRefused(file, naming: value.isFinite ? ["'history'", "iteration \(value)"] : ["'history'", "\(value)", "index 0"])
    }

    @Test func historyProbabilityOutside0to1_isRefused() throws {
        var file = Self.original
        var rows = file.tensors["history"]!.values(as: Double.self)!
        rows[2] = 1.5
        file.tensors["history"] = Tensor(rows, shape: [rows.count / 4, 4])
        try Self.expectRefused(file, naming: ["'history'", "D(x)", "1.5"])
    }

    @Test(arguments: [Int32.min, -1, 0, 625])
    func generatorStatePosition_outside1to624_isRefused(position: Int32) throws {
        var file = Self.original
        var bytes = file.tensors["state.random"]!.values(as: UInt8.self)!
        withUnsafeBytes(of: position) { bytes.replaceSubrange((624 * 8)..<(624 * 8 + 4), with: $0) }
        file.tensors["state.random"] = Tensor(bytes)
        try Self.expectRefused(file, naming: ["'state.random'", "position word is \(position)"])
    }

    @Test(arguments: ["generator.0.weight", "discriminator.4.bias", "momentum.generator.2.weight"], [Float.nan, .infinity])
    func nonFiniteWeight_isRefusedNamingTheTensor(name: String, value: Float) throws {
        var file = Self.original
        var values = file.tensors[name]!.values(as: Float.self)!
        values[values.count / 2] = value
        file.tensors[name] = Tensor(values, shape: file.tensors[name]!.shape)
        try Self.expectRefused(file, naming: ["'\(name)'", "\(value)", "index \(values.count / 2)"])
    }
}
