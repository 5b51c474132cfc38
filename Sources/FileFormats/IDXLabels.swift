import Foundation
import GANCore

/// Class labels from an IDX file (`…-labels-idx1-ubyte`, plain or gzip'd):
/// one byte per image, 0–9 for MNIST and Fashion-MNIST.
public struct IDXLabels: Sendable, Hashable {
    public let values: [UInt8]

    public var count: Int { values.count }

    public init(values: [UInt8]) {
        self.values = values
    }

    /// Reads an IDX label file (magic 0x00000801), gzip'd or plain.
    ///
    /// Throws a `DataFileError` naming the file when it is missing, is not
    /// IDX labels, is truncated or corrupt, or declares absurd sizes.
    public init(contentsOf url: URL) throws(DataFileError) {
        self.init(values: try IDXFile.read(url, as: .labels).data)
    }

    /// The labels in `range`, as a new value.
    public func labels(_ range: Range<Int>) -> IDXLabels {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "labels(\(range)) outside 0..<\(count)")
        return IDXLabels(values: Array(values[range]))
    }
}
