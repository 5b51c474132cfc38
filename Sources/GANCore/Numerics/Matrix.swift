/// A dense row-major matrix of `Float` or `Double`, stored contiguously.
///
/// A reference type on purpose: layers keep their outputs and gradients in
/// matrices they reuse on every step, and hand them on without copying, so
/// the training step allocates nothing once the batch size is fixed. A matrix
/// either owns its storage or views a slice of another buffer (a layer's
/// weights are a view into its network's flat parameter vector).
public final class Matrix<Scalar: BLASScalar> {
    /// The shape: fixed for the matrix's life, except that `reusing` may
    /// reshape a matrix that owns a large enough buffer.
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// Everything allocated (or viewed): `rows × columns` may use less of it.
    private let allocation: UnsafeMutableBufferPointer<Scalar>
    private let ownsStorage: Bool

    /// A `rows × columns` matrix with every entry set to `value`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        allocation = .allocate(capacity: rows * columns)
        allocation.initialize(repeating: value)
        ownsStorage = true
    }

    /// A matrix holding `elements` in row-major order.
    public convenience init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(elements.count == rows * columns,
                     "Matrix \(rows)×\(columns) needs \(rows * columns) elements, got \(elements.count)")
        self.init(rows: rows, columns: columns)
        _ = storage.update(fromContentsOf: elements)
    }

    /// A column vector.
    public convenience init(column elements: [Scalar]) {
        self.init(rows: elements.count, columns: 1, elements: elements)
    }

    /// A view of `rows × columns` elements starting at `base`, which must
    /// outlive the view.
    public init(viewing base: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        allocation = UnsafeMutableBufferPointer(start: base, count: rows * columns)
        ownsStorage = false
    }

    deinit {
        if ownsStorage { allocation.deallocate() }
    }

    public var count: Int { rows * columns }
    public var base: UnsafeMutablePointer<Scalar> { allocation.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Scalar>.alignment)! }
    /// The elements, row after row: entry (i, j) is at `i * columns + j`.
    public var storage: UnsafeMutableBufferPointer<Scalar> { UnsafeMutableBufferPointer(start: base, count: count) }

    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            return storage[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "Matrix index out of range")
            storage[row * columns + column] = newValue
        }
    }

    /// The elements in row-major order, copied out.
    public var elements: [Scalar] { Array(storage) }

    /// Row `i`, copied out.
    public func row(_ i: Int) -> [Scalar] {
        Array(storage[(i * columns)..<((i + 1) * columns)])
    }

    /// An independent copy that owns its storage.
    public func copy() -> Matrix {
        let result = Matrix(rows: rows, columns: columns)
        _ = result.storage.update(fromContentsOf: storage)
        return result
    }

    /// Overwrites every entry with the entries of `other`, which must have the same shape.
    public func assign(_ other: Matrix) {
        precondition(rows == other.rows && columns == other.columns,
                     "assign: shape \(other.rows)×\(other.columns) into \(rows)×\(columns)")
        base.update(from: other.base, count: count)
    }

    public func fill(_ value: Scalar) {
        storage.update(repeating: value)
    }

    /// Reuses `existing` when it already has this shape, or reshapes it when
    /// it owns room enough; otherwise allocates. The layers' buffers are
    /// allocated on the first step and then kept, even when batches of 2m
    /// rows (the discriminator's step) and m rows (the generator's) alternate.
    /// The contents of a reshaped matrix are unspecified.
    public static func reusing(_ existing: Matrix?, rows: Int, columns: Int) -> Matrix {
        guard let existing else { return Matrix(rows: rows, columns: columns) }
        if existing.rows == rows && existing.columns == columns { return existing }
        guard existing.ownsStorage && existing.allocation.count >= rows * columns else { return Matrix(rows: rows, columns: columns) }
        existing.rows = rows
        existing.columns = columns
        return existing
    }
}
