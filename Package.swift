// swift-tools-version: 6.0
// A study notebook for Goodfellow et al. 2014, "Generative Adversarial Nets"
// (arXiv:1406.2661): one chapter, one module, one test suite.
import PackageDescription

/// Vector code for the element-wise passes: without a target CPU, SIMD
/// fused multiply-adds become per-lane library calls. x86-64-v3 (AVX2, FMA)
/// runs on every machine this project targets; `native` could emit
/// instructions another CPU lacks.
let vectorised: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]

let package = Package(
    name: "GANStudy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "study", targets: ["study"]),
        .executable(name: "exercises", targets: ["exercises"]),
        .library(name: "GANCore", targets: ["GANCore"]),
        .library(name: "FileFormats", targets: ["FileFormats"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
        .library(name: "ImageTraining", targets: ["ImageTraining"]),
        .library(name: "Experiments", targets: ["Experiments"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: C libraries
        .systemLibrary(name: "CGSL", path: "Sources/CGSL"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo"),
        // The CPU's FMA peak, for the benchmark (C for per-function instruction sets).
        .target(name: "CFMAPeak", path: "Sources/CFMAPeak"),

        // MARK: The shared numeric core, and what reads, writes and draws around it
        .target(name: "GANCore", dependencies: ["CGSL"], swiftSettings: vectorised),
        // IDX data sets, safetensors checkpoints, JSON, atomic files, SHA-256.
        .target(name: "FileFormats", dependencies: ["GANCore", "CZlib"], swiftSettings: vectorised),
        // Plots and image grids drawn through Cairo, written as PNG.
        .target(name: "Figures", dependencies: ["GANCore", "FileFormats", "CPNG", "CCairo"], swiftSettings: vectorised),

        // MARK: Chapters, in order
        .target(name: "ValueFunction", dependencies: ["GANCore", "FileFormats", "Figures"], swiftSettings: vectorised),
        .target(name: "DiscriminatorStep", dependencies: ["GANCore", "FileFormats", "Figures", "ValueFunction"], swiftSettings: vectorised),
        .target(name: "GeneratorStep", dependencies: ["GANCore", "FileFormats", "Figures", "ValueFunction", "DiscriminatorStep"], swiftSettings: vectorised),
        .target(
            name: "AdversarialTraining",
            dependencies: ["GANCore", "FileFormats", "Figures", "ValueFunction", "DiscriminatorStep", "GeneratorStep"],
            swiftSettings: vectorised),
        .target(name: "TheoreticalResults", dependencies: ["GANCore", "FileFormats", "Figures", "ValueFunction"], swiftSettings: vectorised),

        // MARK: What Chapters 6 and later train and measure with
        // Measuring a generator: the bundled classifier, class coverage, the
        // Fréchet distance, precision and recall, nearest neighbours, k-means,
        // the Parzen window and Table 1's protocol.
        .target(
            name: "Evaluation",
            dependencies: ["GANCore", "FileFormats", "Figures"],
            // The trained Fashion-MNIST classifier's weights (FashionClassifier+Storage.swift).
            resources: [.copy("Resources/classifier.safetensors")],
            swiftSettings: vectorised),
        // Training the paper's networks on images: recipes, the MNIST
        // architecture, the trainer, checkpoints, run records, and the
        // training run itself (resume, provenance, signals, divergence).
        .target(
            name: "ImageTraining",
            dependencies: ["GANCore", "FileFormats", "Figures", "DiscriminatorStep", "GeneratorStep", "AdversarialTraining", "Evaluation"],
            swiftSettings: vectorised),

        // MARK: Chapters on images, in order
        .target(
            name: "Experiments",
            dependencies: ["GANCore", "FileFormats", "Figures", "DiscriminatorStep", "GeneratorStep", "Evaluation", "ImageTraining"],
            swiftSettings: vectorised),
        .target(
            name: "OpenDirections",
            dependencies: ["GANCore", "FileFormats", "Figures", "DiscriminatorStep", "GeneratorStep", "AdversarialTraining", "Evaluation", "ImageTraining"],
            swiftSettings: vectorised),

        // MARK: Measuring the program itself
        // The training step's and the Parzen window's speed, and the CPU's FMA peak.
        .target(name: "Benchmarks", dependencies: ["GANCore", "Evaluation", "ImageTraining", "CFMAPeak"], swiftSettings: vectorised),

        // MARK: Exercises a reader writes
        // The catalogue of exercises, their checks, the solutions the
        // extensions ship, the planted mistakes the checks are proven
        // against, the stubs' generator, and the child process a check runs in.
        .target(
            name: "ExerciseChecks",
            dependencies: [
                "GANCore", "FileFormats", "Literate", "ValueFunction", "DiscriminatorStep", "GeneratorStep", "AdversarialTraining",
                "TheoreticalResults", "Evaluation", "OpenDirections",
            ],
            swiftSettings: vectorised),
        // The reader's own code: one stub per exercise, generated from its solution.
        .target(
            name: "Exercises",
            dependencies: ["ExerciseChecks", "GANCore", "ValueFunction", "Evaluation"],
            swiftSettings: vectorised),

        // MARK: The command line
        .target(name: "Literate", dependencies: [], swiftSettings: vectorised),
        .target(
            name: "StudyCLI",
            dependencies: [
                "GANCore", "ValueFunction", "DiscriminatorStep", "GeneratorStep", "AdversarialTraining",
                "TheoreticalResults", "Evaluation", "ImageTraining", "Experiments", "OpenDirections", "Benchmarks",
                "ExerciseChecks", "Exercises",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: vectorised),
        .executableTarget(name: "study", dependencies: ["StudyCLI"], swiftSettings: vectorised),
        .executableTarget(name: "literate", dependencies: ["Literate", "StudyCLI"], swiftSettings: vectorised),
        .executableTarget(name: "exercises", dependencies: ["ExerciseChecks"], swiftSettings: vectorised),

        // MARK: Test support
        .target(name: "GradientChecking", dependencies: ["CGSL", "GANCore"], path: "Tests/Support/GradientChecking", swiftSettings: vectorised),
        // `study` run as a process, and a small data set for its commands.
        .target(name: "StudyProcess", dependencies: ["GANCore"], path: "Tests/Support/StudyProcess", swiftSettings: vectorised),

        // MARK: Tests
        .testTarget(name: "GANCoreTests", dependencies: ["GANCore", "FileFormats", "Figures", "CZlib", "GradientChecking"], swiftSettings: vectorised),
        .testTarget(name: "GradientCheckingTests", dependencies: ["GradientChecking"], swiftSettings: vectorised),
        .testTarget(name: "LiterateTests", dependencies: ["Literate", "StudyCLI", "Figures"], swiftSettings: vectorised),
        .testTarget(name: "ValueFunctionTests", dependencies: ["FileFormats", "Figures", "ValueFunction", "GradientChecking"], swiftSettings: vectorised),
        .testTarget(name: "DiscriminatorStepTests", dependencies: ["FileFormats", "Figures", "DiscriminatorStep", "GradientChecking"], swiftSettings: vectorised),
        .testTarget(name: "GeneratorStepTests", dependencies: ["FileFormats", "Figures", "GeneratorStep", "GradientChecking"], swiftSettings: vectorised),
        .testTarget(name: "AdversarialTrainingTests", dependencies: ["FileFormats", "Figures", "AdversarialTraining", "GradientChecking"], swiftSettings: vectorised),
        .testTarget(name: "TheoreticalResultsTests", dependencies: ["FileFormats", "Figures", "TheoreticalResults", "GradientChecking"], swiftSettings: vectorised),
        .testTarget(
            name: "EvaluationTests", dependencies: ["FileFormats", "Figures", "Evaluation", "ImageTraining"],
            swiftSettings: vectorised),
        .testTarget(
            name: "ImageTrainingTests", dependencies: ["FileFormats", "Figures", "Evaluation", "ImageTraining", "StudyProcess"],
            swiftSettings: vectorised),
        .testTarget(
            name: "ExperimentsTests", dependencies: ["FileFormats", "Figures", "Evaluation", "ImageTraining", "Experiments", "StudyProcess"],
            swiftSettings: vectorised),
        .testTarget(
            name: "OpenDirectionsTests",
            dependencies: ["FileFormats", "Figures", "GeneratorStep", "Evaluation", "ImageTraining", "OpenDirections", "GradientChecking", "StudyProcess"],
            swiftSettings: vectorised),
        .testTarget(name: "BenchmarksTests", dependencies: ["GANCore", "Benchmarks"], swiftSettings: vectorised),
        .testTarget(name: "StudyCLITests", dependencies: ["StudyProcess"], swiftSettings: vectorised),
        // The checks proven on their solutions and planted mistakes; never on the reader's answers.
        .testTarget(
            name: "ExerciseChecksTests",
            dependencies: ["ExerciseChecks", "GANCore", "TheoreticalResults", "OpenDirections", "StudyCLI", "StudyProcess"],
            swiftSettings: vectorised),
    ],
    swiftLanguageModes: [.v6]
)
