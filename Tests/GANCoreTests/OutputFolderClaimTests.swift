import FileFormats
import Foundation
import Testing

/// One writer per folder: a claim is exclusive until released, names its
/// holder to whoever is refused, and leaves nothing to clean up.
@Suite struct OutputFolderClaimTests {
    static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("claim-\(name)-\(UUID().uuidString)")
    }

    @Test func secondClaim_isRefusedNamingTheHolder_untilTheFirstIsReleased() throws {
        let url = Self.folder("busy")
        let first = try OutputFolder.claim(url)
        // flock belongs to the open file, so a second claim in this process meets the first like another process would.
        #expect { _ = try OutputFolder.claim(url) } throws: { error in
            guard let busy = error as? OutputFolder.Busy else { return false }
            return busy.path == url.path && busy.holder.hasPrefix("process \(getpid()) (")
                && busy.description.contains("is being written by process \(getpid())")
        }
        first.release()
        let again = try OutputFolder.claim(url)
        again.release()
    }

    @Test func claims_negativeControl_otherFoldersDoNotConflict() throws {
        let a = try OutputFolder.claim(Self.folder("a")), b = try OutputFolder.claim(Self.folder("b"))
        a.release()
        b.release()
    }

    @Test func claim_createsTheFolder_andRefusesAFileWithUnwritable() throws {
        let url = Self.folder("made").appendingPathComponent("inside")
        let claim = try OutputFolder.claim(url)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue)
        claim.release()
        let file = Self.folder("file")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputFolder.Unwritable.self) { _ = try OutputFolder.claim(file) }
    }

    @Test func heldClaim_isDroppedWithItsProcess_soAKilledWriterLeavesNothingStale() throws {
        // Another process that takes the lock (a shell's flock on fd 9, which it keeps as it becomes `sleep`),
        // then is killed with -9.
        let url = Self.folder("killed")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let lock = url.appendingPathComponent(OutputFolder.lockFileName).path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$0\"; flock --exclusive 9; exec sleep 30", lock]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        var refused: OutputFolder.Busy?
        for _ in 0..<100 where refused == nil {
            do { try OutputFolder.claim(url).release(); usleep(20_000) } catch let busy as OutputFolder.Busy { refused = busy }
        }
        let busy = try #require(refused, "the other process's lock was never seen")
        // The kernel's table names the process that called flock(2): here flock(1), which has exited, so only its pid is known.
        #expect(busy.holder.hasPrefix("process "), "\(busy.holder)")
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        try OutputFolder.claim(url).release()
    }
}
