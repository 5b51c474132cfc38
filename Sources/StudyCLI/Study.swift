import ArgumentParser
import FileFormats
import Foundation
import GANCore

/// `study`: runs the chapters' demos.
public struct Study: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Run the demos of a study notebook for \"Generative Adversarial Nets\" (Goodfellow et al. 2014).",
        discussion: "Each chapter in Chapters/ walks through one part of the paper; 'study chapter N' runs its demo.",
        subcommands: [All.self, Chapter.self, List.self, Train.self, Sample.self, Bench.self, WarmUp.self, Evaluate.self, Classifier.self, Rerun.self, FullRun.self, Openings.self,
                      ExercisesCommand.self, Check.self, TranscriptCommand.self],
        defaultSubcommand: All.self)

    public init() {}
}

/// Options every demo takes.
struct DemoOptions: ParsableArguments {
    @Option(help: "Seed for every random draw (GSL's mt19937).")
    var seed: UInt64 = 1

    @Option(help: "Folder for the figures the demos write.")
    var output: String = "figures"

    func validate() throws {
        try OutputOption.validate(output)
    }
}

/// `--output ''` names no folder (it would write into the current one).
enum OutputOption {
    static func validate(_ output: String, option: String = "--output") throws {
        if output.isEmpty { throw ValidationError("\(option) is empty; give a folder name") }
    }
}

/// A command whose output can be captured, for the literate tests.
protocol DemoCommand: ParsableCommand {
    func execute(in environment: DemoEnvironment) throws
}

extension DemoCommand {
    public func run() throws {
        try execute(in: .terminal)
    }
}

/// Where a command's words go and where its figures are written.
struct DemoEnvironment {
    var write: (String) -> Void
    var progress: ProgressReporter
    /// Figures go here instead of `--output` (the transcript tests write to a
    /// temporary folder but keep the name the transcript shows).
    var outputOverride: URL?

    static var terminal: DemoEnvironment {
        DemoEnvironment(write: { print($0) }, progress: TerminalProgress.reporter, outputOverride: nil)
    }

    func context(for options: DemoOptions) -> DemoContext {
        DemoContext(
            seed: options.seed,
            outputDirectory: outputOverride ?? URL(fileURLWithPath: options.output),
            outputDisplayName: options.output,
            progress: progress,
            write: write)
    }

    /// Claims the folder the figures go to: one writer per folder, until the demo has written its last.
    func claimOutput(_ options: DemoOptions) throws -> OutputFolder.Claim {
        try OutputFolder.claim(outputOverride ?? URL(fileURLWithPath: options.output))
    }

    /// Runs a chapter's demo on the portable product: its transcript in the
    /// chapter is checked on every machine, and a BLAS kernel chosen for the
    /// CPU would round it differently on each. The product path is the
    /// process's, so a demo runs in a process of its own (`study`,
    /// `literate`, or `study transcript` for the tests).
    func run(_ demo: any ChapterDemo.Type, _ options: DemoOptions) throws {
        write("# Chapter \(demo.number): \(demo.title)")
        write("")
        try MatrixProducts.with(.portable) { try demo.run(context(for: options)) }
    }
}

extension Study {
    /// Runs every chapter's demo in order.
    struct All: DemoCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Run every chapter's demo, in order (the default).")

        @OptionGroup var options: DemoOptions

        func execute(in environment: DemoEnvironment) throws {
            let claim = try environment.claimOutput(options)
            defer { claim.release() }
            for (index, demo) in chapterDemos.enumerated() {
                if index > 0 { environment.write("") }
                try environment.run(demo, options)
            }
        }
    }

    /// Runs one chapter's demo.
    struct Chapter: DemoCommand {
        static let configuration = CommandConfiguration(
            commandName: "chapter", abstract: "Run one chapter's demo.")

        @Argument(help: "The chapter number (see 'study list').")
        var number: Int

        @OptionGroup var options: DemoOptions

        func validate() throws {
            guard chapterDemos.contains(where: { $0.number == number }) else {
                let choices = chapterDemos.map { "\($0.number) (\($0.title))" }.joined(separator: ", ")
                throw ValidationError("no chapter \(number); the chapters are \(choices)")
            }
        }

        func execute(in environment: DemoEnvironment) throws {
            let demo = chapterDemos.first { $0.number == number }!
            let claim = try environment.claimOutput(options)
            defer { claim.release() }
            try environment.run(demo, options)
        }
    }

    /// Lists the chapters.
    struct List: DemoCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the chapters with their titles.")

        func execute(in environment: DemoEnvironment) throws {
            for demo in chapterDemos {
                environment.write("\(demo.number). \(demo.title): \(demo.summary)")
            }
        }
    }
}
