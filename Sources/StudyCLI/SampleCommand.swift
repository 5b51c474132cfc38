import ArgumentParser
import FileFormats
import Foundation
import GANCore
import ImageTraining

extension Study {
    /// `study sample`: images from a trained generator.
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Draw samples from a checkpoint's generator: a PNG grid and samples.safetensors (z and x).")

        @Option(help: "A checkpoint written by 'study train'.")
        var checkpoint: String

        @Option(help: "How many samples.")
        var count = 100

        @Option(help: "Seed for the noise z.")
        var seed: UInt64 = 1

        @Option(help: "Folder for samples.png and samples.safetensors.")
        var output = "runs/samples"

        func validate() throws {
            guard !checkpoint.isEmpty else { throw ValidationError("--checkpoint is empty; give the path of a checkpoint written by 'study train'") }
            try OutputOption.validate(output)
            guard (1...10_000).contains(count) else { throw ValidationError("--count must be in 1...10000, got \(count)") }
        }

        func run() throws {
            let file = try Safetensors(contentsOf: URL(fileURLWithPath: checkpoint))
            let (generator, recipe) = try TrainingCheckpoint.generator(from: file)
            let folder = URL(fileURLWithPath: output)
            let claim = try OutputFolder.claim(folder)
            defer { claim.release() }
            let z = Matrix<Float>(rows: count, columns: recipe.architecture.noiseDimension)
            recipe.architecture.noisePrior.fill(z, using: RandomSource(seed: seed))
            let x = generator.forward(z)
            let side = Int(Double(recipe.architecture.pixels).squareRoot())
            let columns = Int(Double(count).squareRoot().rounded(.up))
            let png = folder.appendingPathComponent("samples.png")
            try TrainingFigures.grid(x, side: side, columns: columns).write(to: png)
            let tensors = folder.appendingPathComponent("samples.safetensors")
            try Safetensors(tensors: ["z": Tensor(z), "x": Tensor(x)], metadata: ["checkpoint": checkpoint, "seed": String(seed)]).write(to: tensors)
            print("wrote \(png.path) and \(tensors.path) (\(count) samples)")
        }
    }
}
