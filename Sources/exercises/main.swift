// `exercises reset N.M|N|all`: writes the stubs of the reader's exercises
// from their solutions (the reader's answers in them are lost).
// `exercises refresh`: writes every stub's generated part again and keeps
// the bodies, after a solution's signature or an exercise's words changed.
// `exercises check`: reports stubs whose generated part drifted from the solutions.
// This tool does not compile the reader's code, so it works when a stub does not compile.
import ExerciseChecks
import Foundation

func fail(_ message: String, _ status: Int32) -> Never {
    FileHandle.standardError.write(Data("exercises: \(message)\n".utf8))
    exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, ["reset", "refresh", "check"].contains(mode), arguments.count <= 2 else {
    fail("usage: exercises reset N.M|N|all | refresh | check", 64)
}
let word = arguments.count == 2 && arguments[1] != "all" ? arguments[1] : nil
if mode == "reset" && arguments.count != 2 { fail("reset needs an exercise (2.1), a chapter (2) or 'all'", 64) }
guard let exercises = Catalogue.select(word) else {
    fail("no exercise '\(word ?? "")'; the exercises are \(Catalogue.validNumbers)", 64)
}
do {
    let workspace = try ExerciseWorkspace.locate()
    var problems = 0
    for exercise in exercises {
        let info = exercise.info
        switch mode {
        case "reset":
            try workspace.reset(info)
            print("reset \(info.number): \(info.file)")
        case "refresh":
            if try workspace.refresh(info) { print("refreshed \(info.number): \(info.file)") }
        default:
            if let problem = try workspace.drift(info) {
                print(problem)
                problems += 1
            }
        }
    }
    if mode == "check" { print(problems == 0 ? "every stub's generated part matches its solution" : "\(problems) stubs drifted: tools/exercises refresh") }
    exit(problems == 0 ? 0 : 1)
} catch {
    fail("\(error)", 1)
}
