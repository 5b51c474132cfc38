import Foundation
import GANCore

// [excerpt: log-mean-exp]
/// log((1/n) Σⱼ exp(eⱼ)) without underflow or overflow, as the Parzen
/// window takes it: the largest exponent e* comes out before exponentiating,
/// ```
/// log (1/n) Σⱼ exp(eⱼ) = e* + log((1/n) Σⱼ exp(eⱼ − e*))
/// ```
/// and the sum then holds a term equal to 1.
func logMeanExp(_ values: [Double]) -> Double {
    let top = values.max()!
    let sum = values.reduce(0) { $0 + exp($1 - top) }
    return top + log(sum / Double(values.count))
}
// [end: log-mean-exp]

// [excerpt: parzen-log-density]
/// log p(x) under a Gaussian Parzen window of width σ on the rows μⱼ of
/// `centres` (n × d), in Double, one point at a time:
/// ```
/// log p(x) = log (1/n) Σⱼ exp(eⱼ) − d·log(σ√(2π)),   eⱼ = −‖x − μⱼ‖²/(2σ²)
/// ```
func parzenLogDensity(point x: [Double], centres: Matrix<Double>, width sigma: Double) -> Double {
    let d = centres.columns
    let exponents = (0..<centres.rows).map { j in
        -(0..<d).reduce(0.0) { $0 + (x[$1] - centres[j, $1]) * (x[$1] - centres[j, $1]) } / (2 * sigma * sigma)
    }
    return logMeanExp(exponents) - Double(d) * log(sigma * (2 * Double.pi).squareRoot())
}
// [end: parzen-log-density]
