// `literate refresh [CHAPTER.md …]`: rewrites the chapters' excerpts from
// Sources/ and their transcripts from the program's output.
// `literate check`: reports what has drifted, without changing anything.
// Both report prose numbers that disagree with their transcripts or are
// neither bound nor marked (Sources/Literate/ProseBinding.swift, ProseNumbers.swift).
import Foundation
import Literate
import StudyCLI

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, ["refresh", "check"].contains(mode) else {
    FileHandle.standardError.write(Data("usage: literate refresh|check [Chapters/NAME.md ...]\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let figures = FileManager.default.temporaryDirectory.appendingPathComponent("literate-figures-\(getpid())")
defer { try? FileManager.default.removeItem(at: figures) }
let check = LiterateCheck(root: root) { try StudyTranscript.run($0, outputDirectory: figures) }

do {
    let files = arguments.count > 1 ? arguments.dropFirst().map { URL(fileURLWithPath: $0) } : try check.chapterFiles()
    for file in files where !FileManager.default.isReadableFile(atPath: file.path) {
        FileHandle.standardError.write(Data("literate: \(file.path): no such chapter file (give paths like Chapters/06-Experiments.md)\n".utf8))
        exit(66)
    }
    var problems = 0
    for file in files {
        let document = try ChapterDocument(contentsOf: file)
        if mode == "refresh" {
            let text = try check.refreshed(document)
            if text != document.text {
                try text.write(to: file, atomically: true, encoding: .utf8)
                print("refreshed \(file.lastPathComponent)")
            } else {
                print("unchanged \(file.lastPathComponent)")
            }
        }
        let current = try ChapterDocument(contentsOf: file)
        let found = check.excerptProblems(current) + check.testReferenceProblems(current) + check.bindingProblems(current)
            + check.unaccountedNumberProblems(current)
            + (mode == "check" ? check.transcriptProblems(current) : [])
        found.forEach { print($0) }
        problems += found.count
    }
    exit(problems == 0 ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("literate: \(error)\n".utf8))
    exit(1)
}
