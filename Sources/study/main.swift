import StudyCLI

Study.main()
