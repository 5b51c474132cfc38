import Foundation

/// Checks a chapter against the sources and the program, and refreshes it.
public struct LiterateCheck: Sendable {
    /// The package's top folder: `Sources/`, `Tests/` and `Chapters/` are below it.
    public let root: URL
    /// Runs `study` with the given arguments and returns its output.
    public let run: @Sendable ([String]) throws -> String

    public init(root: URL, run: @escaping @Sendable ([String]) throws -> String) {
        self.root = root
        self.run = run
    }

    /// Every chapter file, in order.
    public func chapterFiles() throws -> [URL] {
        let folder = root.appendingPathComponent("Chapters")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Problems with the chapter's Swift blocks: unmarked, or not equal to their source region.
    public func excerptProblems(_ document: ChapterDocument) -> [String] {
        var problems = document.unmarkedSwiftBlocks.map {
            "\(document.name):\($0): a Swift block with no <!-- excerpt: PATH#REGION --> marker"
        }
        for excerpt in document.excerpts {
            do {
                let source = try currentRegion(excerpt)
                if source != excerpt.code {
                    problems.append("\(document.name):\(excerpt.lines.lowerBound): excerpt \(excerpt.sourcePath)#\(excerpt.region) differs from the source:\n"
                        + LineDiff.describe(expected: source, actual: excerpt.code))
                }
            } catch {
                problems.append("\(document.name):\(excerpt.lines.lowerBound): \(error)")
            }
        }
        return problems
    }

    /// Problems with the chapter's transcripts: the program now prints something else.
    public func transcriptProblems(_ document: ChapterDocument) -> [String] {
        document.transcripts.compactMap { transcript in
            let command = "study " + transcript.arguments.joined(separator: " ")
            do {
                var (expected, output) = (transcript.output, try run(transcript.arguments))
                if ReaderStatus.applies(to: transcript.arguments) {
                    (expected, output) = (ReaderStatus.masked(expected), ReaderStatus.masked(output))
                }
                guard let mismatch = TranscriptComparison.mismatch(expected: expected, actual: output) else { return nil }
                return "\(document.name):\(transcript.lines.lowerBound): '\(command)' prints something else now (- chapter, + program):\n\(mismatch)"
            } catch {
                return "\(document.name):\(transcript.lines.lowerBound): '\(command)' failed: \(error)"
            }
        }
    }

    /// Problems with the numbers the chapter's prose binds to its transcripts:
    /// a number that differs, a label that names no line or several, a
    /// marker that follows no number.
    public func bindingProblems(_ document: ChapterDocument) -> [String] {
        let (bindings, stray) = ProseBinding.scan(document)
        let lines = document.transcriptLines
        return stray.map { "\(document.name):\($0): a <!-- from: … --> marker that does not follow a number" }
            + bindings.compactMap { $0.problem(in: document, transcriptLines: lines) }
    }

    /// Numbers in the chapter's prose that are neither bound to a transcript,
    /// exempt, nor vouched for by a marker, markers that vouch for numbers
    /// their line does not hold (see `ProseNumbers`), and test markers whose
    /// test no longer holds their expression or number (`TestMarker`).
    public func unaccountedNumberProblems(_ document: ChapterDocument) -> [String] {
        let (numbers, stale, tested) = ProseNumbers.unaccounted(in: document)
        return numbers.map { "\(document.name):\($0.line): \($0.printed) is neither bound nor marked: \($0.context)" } + stale
            + tested.compactMap { $0.problem(in: document, root: root) }
    }

    /// Problems with the tests the chapter names: a file or a test that does not exist.
    public func testReferenceProblems(_ document: ChapterDocument) -> [String] {
        document.testReferences.compactMap { reference in
            let url = root.appendingPathComponent(reference.path)
            guard let source = try? String(contentsOf: url, encoding: .utf8) else {
                return "\(document.name): names test \(reference.testName) in \(reference.path), which does not exist"
            }
            return source.contains("func \(reference.testName)(") ? nil
                : "\(document.name): names test \(reference.testName), which \(reference.path) does not define"
        }
    }

    /// The chapter with every excerpt and transcript brought up to date.
    public func refreshed(_ document: ChapterDocument) throws -> String {
        var replacements: [(lines: Range<Int>, with: String)] = []
        for excerpt in document.excerpts {
            replacements.append((excerpt.lines, try currentRegion(excerpt)))
        }
        for transcript in document.transcripts {
            let output = try run(transcript.arguments)
            let command = (["$ study"] + transcript.arguments).joined(separator: " ")
            replacements.append((transcript.lines, command + "\n" + output))
        }
        return document.replacing(replacements)
    }

    private func currentRegion(_ excerpt: ChapterDocument.Excerpt) throws -> String {
        let url = root.appendingPathComponent(excerpt.sourcePath)
        let source = try String(contentsOf: url, encoding: .utf8)
        return try SourceRegion.extract(excerpt.region, from: source, path: excerpt.sourcePath)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// A short line-by-line difference for failure messages.
enum LineDiff {
    static func describe(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : nil, y = i < a.count ? a[i] : nil
            if x == y { continue }
            out.append("  line \(i + 1): source  \(x ?? "(none)")")
            out.append("  line \(i + 1): chapter \(y ?? "(none)")")
            if out.count > 20 { out.append("  …"); break }
        }
        return out.joined(separator: "\n")
    }
}
