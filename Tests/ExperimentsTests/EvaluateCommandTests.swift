import Evaluation
import FileFormats
import Foundation
import GANCore
import ImageTraining
import StudyProcess
import Testing

/// `study evaluate` as a user runs it: its outputs can be checked from outside.
@Suite struct EvaluateCommandTests {
    @Test func evaluate_writesTheSamplesItScoredAndAResultThatMatchesThem() throws {
        let folder = StudyProcess.temporaryFolder("evaluate")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run"), out = folder.appendingPathComponent("evaluate")
        let trained = try StudyProcess.run(["train", "--config", "small", "--rows", "300", "--iterations", "20",
                                                "--seed", "3", "--output", run.path])
        #expect(trained.status == 0, "\(trained.output)")
        let evaluated = try StudyProcess.run([
            "evaluate", "--checkpoint", run.appendingPathComponent("checkpoint.safetensors").path, "--output", out.path,
            "--samples", "200", "--nearest-neighbour-queries", "50", "--parzen-samples", "100", "--validation", "50",
            "--test", "100", "--k-means-centroids", "10", "--k-means-training-images", "200", "--seed", "9"])
        #expect(evaluated.status == 0, "\(evaluated.output)")

        let result = try GeneratorEvaluation.decode(Data(contentsOf: out.appendingPathComponent("evaluation.json")))
        #expect(result.seeds == GeneratorEvaluation.Seeds(9) && result.quality.sizes.samples == 200)
        #expect(result.parzen.map(\.name) == ["generator samples", "training images", "k-means centroids", "uniform noise"])

        // Recount the histogram from the samples file with the bundled classifier:
        // the file holds exactly the samples the result describes.
        let samples = try Safetensors(contentsOf: out.appendingPathComponent("samples.safetensors"))
        let x = Matrix<Float>(rows: 200, columns: 784), z = Matrix<Float>(rows: 200, columns: 20)
        try samples.load(named: "x", into: x)
        try samples.load(named: "z", into: z)
        let labels = try FashionClassifier.bundled().predict(x)
        #expect(ClassHistogram(labels: labels, classes: 10).counts == result.quality.classCounts)
        // And x is G(z) for the recorded z: the checkpoint's generator redraws it.
        let (generator, _) = try TrainingCheckpoint.generator(from: Safetensors(contentsOf: run.appendingPathComponent("checkpoint.safetensors")))
        let redrawn = ParzenEvaluation.generate(generator, from: z).elements
        #expect(zip(redrawn, x.elements).allSatisfy { abs($0 - $1) < 1e-6 })
        for name in ["figure-2.png", "figure-3.png", "real-beside-generated.png", "class-histogram.png"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) written")
        }
    }

    @Test func evaluate_onImagesTheClassifierCannotRead_saysSoAndExits65() throws {
        let folder = StudyProcess.temporaryFolder("evaluate-4x4")
        defer { try? FileManager.default.removeItem(at: folder) }
        let trained = try StudyProcess.train(folder, iterations: 5)
        #expect(trained.status == 0, "\(trained.output)")
        let evaluated = try StudyProcess.run([
            "evaluate", "--checkpoint", folder.appendingPathComponent("checkpoint.safetensors").path,
            "--data", StudyProcess.dataFolder.path, "--samples", "50", "--nearest-neighbour-queries", "10",
            "--parzen-samples", "50", "--validation", "50", "--test", "50", "--k-means-centroids", "5",
            "--k-means-training-images", "50", "--output", folder.appendingPathComponent("e").path])
        #expect(evaluated.status == 65 && evaluated.output.contains("the bundled classifier measures images of 784 pixels"), "\(evaluated.output)")
    }
}
