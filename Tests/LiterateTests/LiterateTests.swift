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

    static let check = LiterateCheck(root: root) { arguments in
        let figures = FileManager.default.temporaryDirectory.appendingPathComponent("literate-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: figures) }
        return try StudyTranscript.run(arguments, outputDirectory: figures)
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
    func chapterTranscripts_matchTheProgram(_ name: String) throws {
        let problems = Self.check.transcriptProblems(try Self.document(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))\nRun tools/refresh-chapters to update.")
    }

    @Test(arguments: chapterNames)
    func chapterProseNumbers_agreeWithTheirTranscripts(_ name: String) throws {
        let problems = Self.check.bindingProblems(try Self.document(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
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
                      #"−1<!-- from: "total" -->"#] {
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
