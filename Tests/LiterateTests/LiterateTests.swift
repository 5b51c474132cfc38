import Foundation
import Literate
import StudyCLI
import Testing

/// The chapters are tested documents: their Swift blocks are excerpts of
/// Sources/, their transcripts are the program's output, and the tests they
/// name exist. `tools/refresh-chapters` brings them up to date.
@Suite struct LiterateTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// Each transcript comes from `study transcript` in a process of its own
    /// (`TranscriptRenders`). The chapter tests share one render of each; this
    /// check renders afresh, for the negative controls' edited copies.
    static let check = LiterateCheck(root: root) { try TranscriptRenders.run($0).output }

    /// The shared render of every transcript of `document`, by its arguments.
    static func renders(of document: ChapterDocument) async throws -> [[String]: TranscriptRenders.Render] {
        var renders: [[String]: TranscriptRenders.Render] = [:]
        for transcript in document.transcripts { renders[transcript.arguments] = try await TranscriptRenders.render(transcript.arguments) }
        return renders
    }

    static var chapterNames: [String] {
        (try? check.chapterFiles().map(\.lastPathComponent)) ?? []
    }

    static func document(_ name: String) throws -> ChapterDocument {
        try ChapterDocument(contentsOf: root.appendingPathComponent("Chapters").appendingPathComponent(name))
    }

    @Test func everyChapterHasTranscriptsAndExcerpts() throws {
        #expect(!Self.chapterNames.isEmpty)
        for name in Self.chapterNames {
            let document = try Self.document(name)
            #expect(!document.excerpts.isEmpty, "\(name) shows no code")
            #expect(!document.transcripts.isEmpty, "\(name) shows no output")
            #expect(!document.testReferences.isEmpty, "\(name) names no test")
        }
    }

    @Test(arguments: chapterNames)
    func chapterExcerpts_matchTheSources(_ name: String) throws {
        let problems = Self.check.excerptProblems(try Self.document(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\nRun tools/refresh-chapters to update.")
    }

    @Test(arguments: chapterNames)
    func chapterTranscripts_matchTheProgram(_ name: String) async throws {
        let document = try Self.document(name)
        let outputs = try await Self.renders(of: document).mapValues(\.output)
        let problems = LiterateCheck(root: Self.root) { outputs[$0] ?? "" }.transcriptProblems(document)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\nRun tools/refresh-chapters to update.")
    }

    @Test(arguments: chapterNames)
    func chapterProseNumbers_agreeWithTheirTranscripts(_ name: String) throws {
        let problems = Self.check.bindingProblems(try Self.document(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: chapterNames)
    func chapterProseNumbers_areAllBoundOrMarked(_ name: String) throws {
        let problems = Self.check.unaccountedNumberProblems(try Self.document(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\nBind each to a transcript line or mark it (see Sources/Literate/ProseNumbers.swift).")
    }

    @Test(arguments: chapterNames)
    func chapterTestReferences_exist(_ name: String) throws {
        let problems = Self.check.testReferenceProblems(try Self.document(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func readmeListsEveryChapter() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        for name in Self.chapterNames {
            #expect(readme.contains("Chapters/\(name)"), "README.md does not link Chapters/\(name)")
        }
        for demo in chapterDemos {
            #expect(readme.contains(demo.title), "README.md does not list '\(demo.title)'")
        }
    }
}

/// Each literate check must catch drift: a copy of a real chapter is changed
/// and the check is expected to fail.
@Suite struct LiterateNegativeControlTests {
    static let chapter = "01-ValueFunction.md"

    static func mutated(_ transform: (String) -> String) throws -> ChapterDocument {
        let original = try LiterateTests.document(chapter)
        return ChapterDocument(name: "copy of \(chapter)", text: transform(original.text))
    }

    @Test func changedExcerpt_isCaught() throws {
        let original = try LiterateTests.document(Self.chapter)
        let code = try #require(original.excerpts.first).code
        let firstLine = try #require(code.components(separatedBy: "\n").first)
        let document = try Self.mutated { $0.replacingOccurrences(of: firstLine, with: firstLine + " // edited by hand") }
        #expect(LiterateTests.check.excerptProblems(original).isEmpty)
        #expect(!LiterateTests.check.excerptProblems(document).isEmpty)
    }

    @Test func unmarkedSwiftBlock_isCaught() throws {
        let document = try Self.mutated { $0 + "\n```swift\nlet handTyped = 1\n```\n" }
        #expect(LiterateTests.check.excerptProblems(document).contains { $0.contains("no <!-- excerpt") })
    }

    @Test func changedTranscriptNumber_isCaught() throws {
        let original = try LiterateTests.document(Self.chapter)
        let output = try #require(original.transcripts.first).output
        // The -log 4 line: change its value in the fourth decimal.
        let line = try #require(output.components(separatedBy: "\n").first { $0.contains("-log 4 = ") })
        let document = try Self.mutated { $0.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "-1.386294", with: "-1.386394")) }
        #expect(!LiterateTests.check.transcriptProblems(document).isEmpty)
    }

    @Test func changedTranscriptText_isCaught() throws {
        let document = try Self.mutated { $0.replacingOccurrences(of: "GSL quadrature against Monte Carlo", with: "GSL quadrature versus Monte Carlo") }
        #expect(!LiterateTests.check.transcriptProblems(document).isEmpty)
    }

    /// In a `study exercises` list the status is the reader's: any of the
    /// three compares equal, and everything else on the line is still checked.
    @Test func readerStatus_isTheReadersButTheRestOfTheListIsChecked() {
        let list = "1.1  log(1 − D) from D's logit\n     status: not attempted\n1.2  title  not attempted"
        let answered = list.replacingOccurrences(of: "status: not attempted", with: "status: failing (did not finish in 10 s)")
            .replacingOccurrences(of: "title  not attempted", with: "title  passing")
        #expect(ReaderStatus.applies(to: ["exercises", "--chapter", "1"]))
        #expect(!ReaderStatus.applies(to: ["check", "2.2"]))
        #expect(TranscriptComparison.mismatch(expected: ReaderStatus.masked(list), actual: ReaderStatus.masked(answered)) == nil)
        let retitled = answered.replacingOccurrences(of: "from D's logit", with: "from D")
        #expect(TranscriptComparison.mismatch(expected: ReaderStatus.masked(list), actual: ReaderStatus.masked(retitled)) != nil)
        #expect(TranscriptComparison.mismatch(expected: list, actual: answered) != nil, "without the mask a status is text like any other")
    }

    @Test func exerciseNumbers_areReferences() {
        #expect(Self.unaccounted("Exercise 2.1 and Exercises 3.2 and 3.4 ask for it.").isEmpty)
    }

    /// A document with one transcript and prose bound to it.
    static func boundDocument(_ prose: String) -> ChapterDocument {
        ChapterDocument(name: "bound.md", text: """
            The best distance was \(prose).

            ```console
            $ study full-run
            run    seed  best FD  at epoch
            seed1     1     3.65        50
            seed2     2    12.50         7
            total -1
            ```
            """)
    }

    @Test func boundNumber_agreesAtThePrintedPrecision() {
        for prose in [#"3.65<!-- from: "seed1" 2 -->"#, #"3.7<!-- from: "seed1" 2 -->"#, #"4<!-- from: "seed1" 2 -->"#,
                      #"50<!-- from: "seed1" 3 -->"#, #"12.5%<!-- from: "seed2 2" -->"#, #"**1.25e1**<!-- from: "seed2 2" -->"#,
                      #"−1<!-- from: "total" -->"#, #"1.25·10¹<!-- from: "seed2 2" -->"#,
                      #"12.5<!-- from: "seed1" / "seed" 3 -->"#, #"7<!-- from: "^seed2 " 3 -->"#] {
            #expect(LiterateTests.check.bindingProblems(Self.boundDocument(prose)).isEmpty, "\(prose)")
        }
    }

    @Test func boundNumber_negativeControls_changedNumberWrongLabelOrStrayMarker() {
        let cases = [
            (#"3.66<!-- from: "seed1" 2 -->"#, "the transcript says 3.65"),
            (#"3.650<!-- from: "seed1" 2 -->"#, "the transcript says 3.65"),
            (#"3.71<!-- from: "seed1" 2 -->"#, "the transcript says 3.65"),
            (#"3.8<!-- from: "seed1" 2 -->"#, "the transcript says 3.65"),
            (#"51<!-- from: "seed1" 3 -->"#, "the transcript says 50"),
            (#"3.65<!-- from: "seed" 2 -->"#, "3 transcript lines contain the label"),
            (#"3.65<!-- from: "seed9" 2 -->"#, "no transcript line"),
            (#"3.65<!-- from: "seed1" 4 -->"#, "has 3 numbers after the label"),
            (#"3.65 and <!-- from: "seed1" 2 -->"#, "does not follow a number"),
            (#"12.5<!-- from: "seed" / "seed" 3 -->"#, "3 transcript lines contain the section"),
            (#"12.5<!-- from: "seed1" / "seed" 2 -->"#, "the transcript says 2"),
            (#"12.5<!-- from: "seed2" / "seed" 3 -->"#, "no transcript line"),
            (#"12.5<!-- from: "^eed2" 2 -->"#, "no transcript line"),
        ]
        for (prose, expected) in cases {
            let problems = LiterateTests.check.bindingProblems(Self.boundDocument(prose))
            #expect(problems.count == 1 && problems[0].contains(expected), "\(prose): \(problems)")
        }
    }

    @Test func changedBoundNumberInAChapter_isCaught() throws {
        let name = try #require(LiterateTests.chapterNames.first { (try? LiterateTests.document($0)).map { !ProseBinding.scan($0).bindings.isEmpty } ?? false })
        let document = try LiterateTests.document(name)
        let binding = try #require(ProseBinding.scan(document).bindings.first)
        var lines = document.lines
        let changed = binding.printed.hasSuffix("9") ? String(binding.printed.dropLast()) + "8" : String(binding.printed.dropLast()) + "9"
        let index = binding.line - 1
        lines[index] = lines[index].replacingOccurrences(of: binding.printed + "<!--", with: changed + "<!--")
        let mutated = ChapterDocument(name: name, text: lines.joined(separator: "\n"))
        #expect(!LiterateTests.check.bindingProblems(mutated).isEmpty)
    }

    static func unaccounted(_ prose: String) -> [String] {
        let document = ChapterDocument(name: "prose.md", text: """
            \(prose)

            [`valueFunction_atOptimum_isMinusLog4`](../Tests/ValueFunctionTests/ValueFunctionTests.swift)
            [`standardError_coversTheTruthAtTheNominalRate`](../Tests/ValueFunctionTests/ValueFunctionTests.swift)

            ```console
            $ study full-run
            best FD 3.65
            ```
            """)
        return LiterateTests.check.unaccountedNumberProblems(document)
    }

    @Test func referencesFormulaDigitsCodeAndNames_needNoMarker() {
        for prose in ["Chapter 4 and Chapters 2–4, Eq. (1) and (3), §3, Figure 1(b), Table 1, Proposition 1, Algorithm 1.",
                      "As Goodfellow et al. 2014 and (Arjovsky and Bottou 2017) say; arXiv:1406.2661.",
                      "The 1-D case: log(1 − D) and 1/2 and −log 4 and σ(a) = 1/(1 + e^(−a)).",
                      "Run `study train --epochs 60` or [this](../Chapters/06-Experiments.md); <!-- 5 --> nothing.",
                      "The best distance, 3.65<!-- from: \"best FD\" -->, and Table 1's 225 <!-- paper: 225 -->.",
                      "A test draws 400 estimates <!-- test: 400 in standardError_coversTheTruthAtTheNominalRate `for _ in 0..<400` -->"
                        + " and 1.96 standard errors <!-- test: 1.96 in standardError_coversTheTruthAtTheNominalRate `1.96 * e.standardError` -->."] {
            #expect(Self.unaccounted(prose).isEmpty, "\(prose): \(Self.unaccounted(prose))")
        }
    }

    @Test func unmarkedNumbers_staleMarkersAndUntestedNumbers_areListed() {
        #expect(Self.unaccounted("The run took 42 minutes and D(x) fell to 0.55.").count == 2)
        #expect(Self.unaccounted("In 2014 there were 10 000 images.").count == 2, "a year without an author is a number; groups of digits are one")
        let stale = Self.unaccounted("Table 1 says 225 <!-- paper: 226 -->.")
        #expect(stale.count == 2 && stale.contains { $0.contains("225 is neither") } && stale.contains { $0.contains("vouches for 226") }, "\(stale)")
        #expect(Self.unaccounted("It fell towards 10⁻³ and 3·10⁻³.").count == 2)
        #expect(Self.unaccounted("The data N(2, 1.5²).").map { $0.contains("1.5 is neither") } == [true], "a power is not part of the number")
    }

    /// A test marker is bound to a test the chapter links to and to an
    /// expression in it that holds the number; each way of losing either is caught.
    @Test func testMarkers_negativeControls_eachBrokenBindingIsListed() {
        let test = "standardError_coversTheTruthAtTheNominalRate"
        let cases = [
            // The old form: a number, no test, no expression.
            ("A test draws 400 estimates <!-- test: 400 -->.", "must name its test and expression"),
            // A test the chapter does not link to.
            ("A test draws 400 estimates <!-- test: 400 in noSuchTest `for _ in 0..<400` -->.", "links to no test of that name"),
            // An expression the test does not contain (the test draws 400, not 401).
            ("A test draws 401 estimates <!-- test: 401 in \(test) `for _ in 0..<401` -->.", "no longer contains `for _ in 0..<401`"),
            // An expression only a comment of the test contains.
            ("A binomial 400·0.95·0.05 <!-- test: 0.05 in \(test) `400·0.95·0.05` -->.", "no longer contains"),
            // An expression of the test that does not hold the number.
            ("A test draws 401 estimates <!-- test: 401 in \(test) `for _ in 0..<400` -->.", "does not hold 401"),
            // An expression of another test of the same file.
            ("V is −log 4 to 1e-10 <!-- test: 1e-10 in \(test) `abs(half.value - Self.minusLog4) < 1e-10` -->.", "no longer contains"),
        ]
        for (prose, expected) in cases {
            let problems = Self.unaccounted(prose)
            #expect(problems.contains { $0.contains(expected) }, "\(prose): \(problems)")
        }
        // A percentage may be held as a fraction, and a constant the test names holds its numbers.
        #expect(TestMarker.expression("abs(e) < 0.95", holds: "95%") && TestMarker.expression("(0..<20_000)", holds: "20 000"))
        #expect(TestMarker.expression("x < 3e-3", holds: "3·10⁻³") && !TestMarker.expression("x < 3e-3", holds: "3·10⁻⁴"))
        #expect(TestMarker.expression("51...58", holds: "58") && !TestMarker.expression("1.58", holds: "58"))
    }

    @Test func missingTest_isCaught() throws {
        let document = try Self.mutated { $0 + "\n[`noSuchTest_exists`](../Tests/ValueFunctionTests/ValueFunctionTests.swift)\n" }
        #expect(LiterateTests.check.testReferenceProblems(document).contains { $0.contains("noSuchTest_exists") })
    }

    @Test func sourceRegion_leavesOutSpecialisationAttributesOnly() throws {
        let source = """
            // [excerpt: r]
                /// Doc.
                @_specialize(where Scalar == Float)
                @discardableResult
                func f() {}
            // [end: r]
            """
        let region = try SourceRegion.extract("r", from: source, path: "x.swift")
        #expect(region == "/// Doc.\n@discardableResult\nfunc f() {}")
        #expect(throws: SourceRegion.Missing.self) { try SourceRegion.extract("other", from: source, path: "x.swift") }
    }

    @Test func numbersWithinOneUnitInTheLastPlace_match() {
        #expect(TranscriptComparison.mismatch(expected: "V = -1.3863  (n = 100)", actual: "V = -1.3864  (n = 100)") == nil)
        #expect(TranscriptComparison.mismatch(expected: "V = -1.3863", actual: "V = -1.3865") != nil)
        #expect(TranscriptComparison.mismatch(expected: "n = 100", actual: "n = 101") != nil, "integers are exact")
        #expect(TranscriptComparison.mismatch(expected: "e = 1.25e-03", actual: "e = 1.26e-03") == nil)
        #expect(TranscriptComparison.mismatch(expected: "e = 1.25e-03", actual: "e = 1.27e-03") != nil)
        #expect(TranscriptComparison.mismatch(expected: "a  9.9999 |", actual: "a 10.0000 |") == nil, "a column may widen")
        #expect(TranscriptComparison.mismatch(expected: "one\ntwo", actual: "one") != nil, "a missing line is caught")
    }
}
