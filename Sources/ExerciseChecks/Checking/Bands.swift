/// How to read a relative error, in the bands CS231n's notes on gradient
/// checking give: above 1e-2 the gradient is probably wrong, below 1e-7 it
/// is right, and in between it is doubtful, more so the higher it is (an
/// error near 1e-4 can come from a kink, as in maxout or a hinge, where the
/// finite difference straddles it; the checks keep their inputs away from kinks).
public enum ErrorBand {
    public static func describe(_ error: Double) -> String {
        switch error {
        case ..<1e-7: "right (below 1e-7)"
        case ..<1e-4: "close, but a smooth function should do better (1e-7 to 1e-4)"
        case ..<1e-2: "doubtful (1e-4 to 1e-2)"
        default: "wrong (above 1e-2)"
        }
    }
}
