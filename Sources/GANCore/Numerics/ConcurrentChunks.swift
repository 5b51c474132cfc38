import Dispatch
import Foundation

/// Runs `body` on contiguous pieces of `0..<count`, one piece per core, at
/// the same time, and returns when all are done.
///
/// For loops whose iterations are independent and write disjoint memory
/// (rows of a matrix): `body` must not mutate anything the pieces share.
/// That promise is the caller's, which is why `body` need not be `Sendable`.
/// No piece is smaller than `minimumPiece` iterations: below that, handing
/// work to another thread costs more than it saves, and `body` runs here.
public func concurrentChunks(_ count: Int, minimumPiece: Int = 1, _ body: (Range<Int>) -> Void) {
    let pieces = max(1, min(count / max(minimumPiece, 1), cores))
    guard pieces > 1 else { return body(0..<count) }
    withoutActuallyEscaping(body) { body in
        let shared = DisjointWork(body: body)
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            shared.body((count * piece / pieces)..<(count * (piece + 1) / pieces))
        }
    }
}

/// The cores this process may use, read once: the read parses files under /sys.
private let cores = ProcessInfo.processInfo.activeProcessorCount

/// Carries a closure that writes disjoint memory across threads.
private struct DisjointWork: @unchecked Sendable {
    let body: (Range<Int>) -> Void
}
