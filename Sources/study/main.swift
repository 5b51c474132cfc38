import StudyCLI

Study.run(arguments: Array(CommandLine.arguments.dropFirst()))
