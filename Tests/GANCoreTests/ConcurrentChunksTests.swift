import GANCore
import Testing

/// `concurrentChunks`: every index handed out once, whatever the count.
@Suite struct ConcurrentChunksTests {
    /// How many times each index of 0..<count was visited by `split`.
    static func visits(_ count: Int, _ split: (Int, (Range<Int>) -> Void) -> Void) -> [Int] {
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(count, 1))
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        let base = counts.baseAddress!
        split(count) { range in for i in range { base[i] += 1 } }
        return Array(counts.prefix(count))
    }

    @Test(arguments: [0, 1, 2, 3, 7, 1000, 1001])
    func everyIndexIsVisitedExactlyOnce(count: Int) {
        #expect(Self.visits(count) { concurrentChunks($0, $1) } == [Int](repeating: 1, count: count))
    }

    @Test(arguments: [0, 5, 99, 100, 101, 250])
    func withAMinimumPiece_everyIndexIsVisitedExactlyOnce(count: Int) {
        #expect(Self.visits(count) { concurrentChunks($0, minimumPiece: 100, $1) } == [Int](repeating: 1, count: count))
    }

    @Test func negativeControl_aSplitThatOverlapsIsCaught() {
        let overlapping: (Int, (Range<Int>) -> Void) -> Void = { count, body in
            body(0..<(count / 2 + 1))
            body((count / 2)..<count)
        }
        #expect(Self.visits(10, overlapping) != [Int](repeating: 1, count: 10))
    }
}
