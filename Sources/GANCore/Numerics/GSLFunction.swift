import CGSL

/// A GSL call failed: `status` is GSL's error code, `message` its reason.
public struct GSLError: Error, CustomStringConvertible {
    public let routine: String
    public let status: Int32
    public var description: String {
        "\(routine) failed: \(String(cString: gsl_strerror(status))) (GSL status \(status))"
    }
}

public enum GSL {
    /// GSL's default error handler aborts the process; every call here checks
    /// the returned status instead.
    private static let handlerOff: Void = { _ = gsl_set_error_handler_off() }()

    public static func prepare() { _ = handlerOff }

    /// Throws a `GSLError` for a non-success status.
    public static func check(_ status: Int32, _ routine: String) throws {
        if status != Int32(GSL_SUCCESS) { throw GSLError(routine: routine, status: status) }
    }

    /// Calls `body` with a `gsl_function` that evaluates the Swift closure `f`.
    ///
    /// The closure reaches C through the function's `params` pointer: it is
    /// boxed in a class and unboxed by a non-capturing trampoline.
    public static func withFunction<R>(
        _ f: @escaping (Double) -> Double, _ body: (UnsafeMutablePointer<gsl_function>) throws -> R
    ) rethrows -> R {
        prepare()
        let box = Unmanaged.passRetained(FunctionBox(f))
        defer { box.release() }
        var function = gsl_function(
            function: { x, params in
                Unmanaged<FunctionBox>.fromOpaque(params!).takeUnretainedValue().f(x)
            },
            params: box.toOpaque())
        return try body(&function)
    }
}

private final class FunctionBox {
    let f: (Double) -> Double
    init(_ f: @escaping (Double) -> Double) { self.f = f }
}
