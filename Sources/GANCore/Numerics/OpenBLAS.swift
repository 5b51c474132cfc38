import CGSL

/// What the BLAS behind every matrix product is doing.
public enum OpenBLAS {
    /// The kernel OpenBLAS chose for this CPU (or was told to by `OPENBLAS_CORETYPE`).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }
}
