import ExerciseChecks
import Foundation
import Testing

/// Stubs are generated from their solutions. The suite checks the generated
/// part of every reader's file (everything above the body) and never the
/// body: a reader's answer cannot fail it, a drifted signature does.
@Suite struct StubTests {
    static let workspace: ExerciseWorkspace = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return ExerciseWorkspace(root: url)
    }()

    static let numbers = Catalogue.all.map(\.info.number)

    @Test(arguments: numbers)
    func stub_outsideItsBody_isWhatTheSolutionGenerates(_ number: String) throws {
        let info = try #require(Catalogue.exercise(number)).info
        let problem = try Self.workspace.drift(info)
        #expect(problem == nil, "\(problem ?? ""); tools/exercises refresh writes the generated part again and keeps the body")
    }

    @Test func generatedStub_takesTheSolutionsSignatureAndMarksItsBodyNotAttempted() throws {
        let info = try #require(Catalogue.exercise("2.2")).info
        let stub = try Self.workspace.stub(info)
        #expect(stub.contains("public func maxoutBackward(input x: Matrix<Double>, pieces: Int, outputGradient dy: Matrix<Double>) -> Matrix<Double> {\n    notAttempted(\"2.2\")\n}\n"))
        #expect(stub.contains("import GANCore"))
        #expect(stub.contains("/// - Paper: "))
        #expect(stub.contains("/// - Answer, once you have tried: Chapter 2"))
    }

    /// From a chapter module's region: `public static`, attributes and the type's own names are made the reader's.
    @Test func generatedStub_fromAChapterModule_isAFreeFunctionWithQualifiedTypes() throws {
        let fromCore = try Self.workspace.stub(try #require(Catalogue.exercise("1.1")).info)
        #expect(fromCore.contains("\npublic func logOneMinusD<Scalar: BLASScalar>(logit a: Scalar) -> Scalar {\n"))
        #expect(!fromCore.contains("@inlinable"))
        let qualified = try Self.workspace.stub(try #require(Catalogue.exercise("1.4")).info)
        #expect(qualified.contains("public func estimate(realLogits: [Double], generatedLogits: [Double]) -> ValueFunction.Estimate {"))
    }

    /// The negative control: a renamed label above the body is drift; anything inside the body is not.
    @Test func driftCheck_catchesAChangedSignatureButNeverABody() throws {
        let info = try #require(Catalogue.exercise("3.3")).info
        let head = try Self.workspace.head(info), stub = try Self.workspace.stub(info)
        #expect(StubGenerator.drift(in: stub, head: head, path: info.file) == nil)
        let answered = head + "    let m = Double(x.rows)\n    while false { }\n    return Matrix(rows: x.rows, columns: x.columns, repeating: -1 / m)\n}\n"
        #expect(StubGenerator.drift(in: answered, head: head, path: info.file) == nil)
        let renamed = stub.replacingOccurrences(of: "bias c: Double", with: "offset c: Double")
        #expect(StubGenerator.drift(in: renamed, head: head, path: info.file)?.contains("differs from the stub generated") == true)
        let truncated = String(stub.dropLast(2))
        #expect(StubGenerator.drift(in: truncated, head: head, path: info.file)?.contains("closing brace") == true)
    }

    /// Refreshing writes the generated part again and keeps the reader's body.
    @Test func refresh_keepsTheBody() throws {
        let info = try #require(Catalogue.exercise("6.1")).info
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stubs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in [info.solution.path, "Package.swift"] {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.workspace.url(path), to: target)
        }
        let copy = ExerciseWorkspace(root: folder)
        try copy.reset(info)
        let file = copy.url(info.file)
        let body = "    values.max()!\n}\n"
        let drifted = try copy.head(info).replacingOccurrences(of: "/// - Paper:", with: "/// - Paper (edited):") + body
        try drifted.write(to: file, atomically: true, encoding: .utf8)
        #expect(try copy.drift(info) != nil)
        #expect(try copy.refresh(info))
        #expect(try String(contentsOf: file, encoding: .utf8) == copy.head(info) + body)
        #expect(try copy.drift(info) == nil)
        try copy.reset(info)
        #expect(copy.isUntouched(info))
    }
}
