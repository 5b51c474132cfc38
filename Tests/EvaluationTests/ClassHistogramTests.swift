import Evaluation
import GANCore
import Testing

/// Chapter 6's check for mode collapse: predicted classes counted.
@Suite struct ClassHistogramTests {
    @Test func classHistogram_knownLabels_giveKnownFractions() {
        let histogram = ClassHistogram(labels: [0, 0, 1, 2, 2, 2], classes: 4)
        #expect(histogram.counts == [2, 1, 3, 0])
        #expect(histogram.total == 6)
        let expected: [Double] = [2.0 / 6, 1.0 / 6, 3.0 / 6, 0]
        #expect(histogram.fractions == expected)
        #expect(histogram.smallestFraction == 0, "class 3 is never predicted")
        #expect(histogram.classesReaching(0.3) == 2)
        #expect(histogram.classesReaching(1.0 / 6) == 3, "the threshold itself counts as reached")
    }

    @Test func classHistogram_balancedLabels_reachEveryThreshold() {
        let histogram = ClassHistogram(labels: (0..<10_000).map { UInt8($0 % 10) }, classes: 10)
        #expect(histogram.fractions.allSatisfy { $0 == 0.1 })
        #expect(histogram.smallestFraction == 0.1)
        #expect(histogram.classesReaching(0.03) == 10 && histogram.classesReaching(0.05) == 10)
    }

    @Test func classHistogram_negativeControl_collapsedLabelsReachFewClasses() {
        // 97% in class 0, 1% in each of classes 1, 2, 3: a collapsed generator.
        let labels = [Int](repeating: 0, count: 970) + (1...3).flatMap { [Int](repeating: $0, count: 10) }
        let histogram = ClassHistogram(labels: labels, classes: 10)
        #expect(histogram.classesReaching(0.03) == 1 && histogram.classesReaching(0.005) == 4)
        #expect(histogram.smallestFraction == 0)
        #expect(histogram != ClassHistogram(labels: (0..<1000).map { $0 % 10 }, classes: 10))
    }

    @Test func classHistogram_table_hasOneRowPerClass() {
        let histogram = ClassHistogram(labels: [0, 1, 1, 1], classes: 2)
        let lines = histogram.table(names: ["T-shirt/top", "Trouser"])
        #expect(lines.count == 4, "header, rule, two classes")
        #expect(lines[2].hasPrefix("T-shirt/top") && lines[2].hasSuffix("25.0"))
        #expect(lines[3].hasPrefix("Trouser") && lines[3].hasSuffix("75.0"))
    }
}
