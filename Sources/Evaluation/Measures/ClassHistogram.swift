import GANCore

/// How a set of images spreads over the classes a classifier assigns them:
/// a check for the mode collapse §6 warns of ("the Helvetica scenario").
///
/// ```
/// count_c    = |{ n : label_n = c }|,   c ∈ 0..<classes
/// fraction_c = count_c / N
/// ```
/// Real Fashion-MNIST is balanced (every class 1/10 of the test set); a
/// generator that has collapsed onto a few modes puts most of its samples in
/// a few classes, and the smallest fraction and the number of classes above
/// a threshold (3%, 5%) show it in two numbers.
/// - Paper: §6 (the Helvetica scenario); counting the classes reached is the
///   mode counting that later work on mode collapse reports.
public struct ClassHistogram: Sendable, Equatable {
    /// count_c for every class c.
    public let counts: [Int]
    /// N, the number of labels.
    public let total: Int

    public var classes: Int { counts.count }

    /// Counts `labels`, each of which must lie in 0..<classes.
    public init(labels: some Sequence<some BinaryInteger>, classes: Int) {
        precondition(classes >= 1, "a class histogram needs at least one class, got \(classes)")
        var counts = [Int](repeating: 0, count: classes)
        for label in labels {
            precondition(label >= 0 && label < classes, "class label \(label) outside 0..<\(classes)")
            counts[Int(label)] += 1
        }
        precondition(counts.reduce(0, +) > 0, "a class histogram needs at least one label")
        self.counts = counts
        total = counts.reduce(0, +)
    }

    /// A histogram from its counts (as a record stores it).
    public init(counts: [Int]) {
        precondition(!counts.isEmpty && counts.allSatisfy { $0 >= 0 } && counts.reduce(0, +) > 0,
                     "class counts must be non-negative, at least one, with a positive total: \(counts)")
        self.counts = counts
        total = counts.reduce(0, +)
    }

    /// fraction_c for every class c; they sum to 1.
    public var fractions: [Double] { counts.map { Double($0) / Double(total) } }

    /// The smallest fraction over all classes: 0 when some class is never predicted.
    public var smallestFraction: Double { fractions.min()! }

    /// How many classes hold at least `fraction` of the labels (3% → 0.03).
    public func classesReaching(_ fraction: Double) -> Int {
        fractions.count { $0 >= fraction }
    }

    /// The histogram as a table: class, count, percentage. `names` label the
    /// rows (Fashion-MNIST's "T-shirt/top", …); by default the class number.
    public func table(names: [String]? = nil) -> [String] {
        precondition(names == nil || names!.count == classes, "\(names?.count ?? 0) names for \(classes) classes")
        var table = TextTable("class", "count", "% of \(total)")
        for (c, count) in counts.enumerated() {
            table.add(names?[c] ?? String(c), String(count), fixed(100 * Double(count) / Double(total), 1))
        }
        return table.lines
    }
}
