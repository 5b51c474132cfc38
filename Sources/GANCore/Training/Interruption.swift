import Foundation
import Synchronization

/// Ctrl-C as a request, not a kill: long training checks `isRequested`
/// between steps, saves a checkpoint and stops cleanly.
public enum Interruption {
    private static let requested = Atomic<Bool>(false)

    /// Installs the SIGINT handler. A second Ctrl-C while the first is being
    /// honoured restores the default action, so a stuck run can still be killed.
    public static func install() {
        // A process may start with SIGINT blocked (some launchers block every
        // signal in the child); unblock it so the handler can run.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        signal(SIGINT) { _ in
            if Interruption.requested.exchange(true, ordering: .relaxed) {
                signal(SIGINT, SIG_DFL)
            }
        }
    }

    public static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// For tests: raise or clear the request as if Ctrl-C had been pressed.
    public static func simulate(_ value: Bool) { requested.store(value, ordering: .relaxed) }
}
