import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and a scheduler's SIGTERM as a request, not a kill: long
/// training checks `isRequested` between steps, saves a checkpoint and stops
/// cleanly, exiting with 128 + the signal's number as a shell would report.
public enum Interruption {
    /// The signal received, 0 for none.
    private static let received = Atomic<Int32>(0)

    /// Installs the SIGINT and SIGTERM handlers. A second signal while the
    /// first is being honoured restores the default action, so a stuck run
    /// can still be killed.
    public static func install() {
        // A process may start with these signals blocked (some launchers
        // block every signal in the child); unblock them so the handler runs.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        for number in [SIGINT, SIGTERM] {
            signal(number) { number in
                if Interruption.received.exchange(number, ordering: .relaxed) != 0 {
                    signal(SIGINT, SIG_DFL)
                    signal(SIGTERM, SIG_DFL)
                }
            }
        }
    }

    public static var isRequested: Bool { received.load(ordering: .relaxed) != 0 }

    /// The signal that asked to stop (SIGINT or SIGTERM), or nil.
    public static var receivedSignal: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// For tests: raise or clear the request as if Ctrl-C had been pressed.
    public static func simulate(_ value: Bool) { received.store(value ? SIGINT : 0, ordering: .relaxed) }
}
