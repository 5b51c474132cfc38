import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process with its stdout and stderr on pipes, started by
/// `posix_spawn`: polled without threads, killed by its id.
final class ChildProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case stillRunning
    }

    struct SpawnError: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "could not start \(path): \(String(cString: strerror(code)))" }
    }

    let pid: pid_t
    private let output: Int32
    private let errors: Int32
    private var reaped = false

    init(executable: URL, arguments: [String]) throws {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw SpawnError(path: executable.path, code: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Nothing to read: a check that waits for input waits for nothing.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        // The backtracer names the reader's file and line when the check traps.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=no"
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable.path, &actions, nil, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(path: executable.path, code: status)
        }
        pid = child
        output = outPipe[0]
        errors = errPipe[0]
    }

    deinit {
        close(output)
        close(errors)
        if !reaped { kill(); }
    }

    /// Which pipes have something to read (or have closed), waiting at most `milliseconds`.
    func poll(milliseconds: Int32) -> (output: Bool, errors: Bool, hangUp: Bool) {
        var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
        let ready = Glibc.poll(&fds, 2, max(milliseconds, 1))
        guard ready > 0 else { return (false, false, false) }
        let readable = Int16(POLLIN | POLLHUP | POLLERR)
        return (fds[0].revents & readable != 0, fds[1].revents & readable != 0,
                fds.allSatisfy { $0.revents & Int16(POLLHUP) != 0 })
    }

    func readOutput() -> Data { read(output) }
    func readErrors() -> Data { read(errors) }

    private func read(_ fd: Int32) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = Glibc.read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Data(buffer[0..<count]) : Data()
        }
    }

    /// Waits for the child to end, at most until `deadline`.
    func wait(until deadline: Date) -> Ending {
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                reaped = true
                let signal = status & 0x7F
                return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
            }
            if result < 0 && errno != EINTR { reaped = true; return .exited(-1) }
            if Date() >= deadline { return .stillRunning }
            usleep(5_000)
        }
    }

    /// SIGKILL to this child only, by its id, then reaps it.
    func kill() {
        guard !reaped else { return }
        _ = Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
    }
}
