import Dispatch
import Synchronization

/// Which code computes every matrix product, and how the training step
/// spreads its products over the cores: process-wide settings, read on
/// every product.
public enum MatrixProducts {
    /// The code behind `Matrix.multiply`.
    public enum Path: Int, Sendable, CustomStringConvertible {
        /// OpenBLAS, with the kernel it chose for this CPU: fast, and rounded
        /// the way that kernel rounds.
        case blas
        /// `PortableProduct`: the same sums in the same order on every CPU.
        case portable

        public var description: String {
            switch self {
            case .blas: "OpenBLAS kernel \(OpenBLAS.coreName)"
            case .portable: "the portable product (the same sums in the same order on every CPU)"
            }
        }
    }

    public static var path: Path {
        get { Path(rawValue: pathStorage.load(ordering: .relaxed)) ?? .blas }
        set { pathStorage.store(newValue.rawValue, ordering: .relaxed) }
    }

    /// Runs `body` with every product on `path`, then restores the one before.
    public static func with<T>(_ path: Path, _ body: () throws -> T) rethrows -> T {
        let before = self.path
        self.path = path
        defer { self.path = before }
        return try body()
    }

    /// How the step's products share the cores.
    public enum Schedule: String, Sendable, CaseIterable {
        /// One product at a time, OpenBLAS splitting each over its threads.
        case threaded
        /// Two independent products at a time, each single-threaded on its
        /// own core: ∂L/∂W beside ∂L/∂X in every backward pass (neither needs
        /// the other), and a product with no partner as two products of half
        /// its rows. Deterministic, but not the sums of one thread: OpenBLAS
        /// blocks half a product's rows differently from all of them.
        case paired
    }

    public static var schedule: Schedule {
        get { scheduleStorage.load(ordering: .relaxed) == 1 ? .paired : .threaded }
        set {
            if newValue == .paired { OpenBLAS.threadCount = 1 }
            scheduleStorage.store(newValue == .paired ? 1 : 0, ordering: .relaxed)
        }
    }

    /// Below this many rows a half, splitting a product costs more than it saves.
    public static let smallestHalf = 16

    /// Runs `first` and `second`, at the same time when the schedule is
    /// `paired`. They must write disjoint memory. A recording of products
    /// (`recording(_:)`) follows them onto the second thread.
    public static func together(_ first: () -> Void, _ second: () -> Void, schedule: Schedule = MatrixProducts.schedule) {
        guard schedule == .paired else { first(); second(); return }
        let recorder = activeRecorder
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let pair = Pair(first: first, second: second, recorder: recorder)
                DispatchQueue.concurrentPerform(iterations: 2) { pair.run($0) }
            }
        }
    }
}

private let pathStorage = Atomic<Int>(MatrixProducts.Path.blas.rawValue)
private let scheduleStorage = Atomic<Int>(0)

/// Two closures that write disjoint memory, handed to two threads, with the
/// recording of products they belong to, if any.
private struct Pair: @unchecked Sendable {
    let first: () -> Void, second: () -> Void
    let recorder: ProductRecorder?

    func run(_ index: Int) {
        let body = index == 0 ? first : second
        guard let recorder else { return body() }
        MatrixProducts.$recorder.withValue(recorder, operation: body)
    }
}
