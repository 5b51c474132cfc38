import GANCore
/// An opaque 8-bit sRGB colour.
///
/// Figures are written as 8-bit PNGs, so colours are kept in the same
/// encoding and never leave it.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour written as `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
    }

    /// A neutral grey with all three channels at `level`.
    public init(gray level: UInt8) {
        self.init(red: level, green: level, blue: level)
    }

    public var description: String {
        let hex = (UInt32(red) << 16) | (UInt32(green) << 8) | UInt32(blue)
        let digits = String(hex, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// The colour a fraction `t` of the way towards `other`.
    public func mixed(with other: RGBColor, _ t: Double) -> RGBColor {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * min(max(t, 0), 1)).rounded())
        }
        return RGBColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }

    public static let black = RGBColor(hex: 0x000000)
    public static let white = RGBColor(hex: 0xFFFFFF)

    // The Okabe–Ito palette: its colours stay distinct under the common
    // forms of colour blindness and in greyscale print.
    public static let orange = RGBColor(hex: 0xE69F00)
    public static let skyBlue = RGBColor(hex: 0x56B4E9)
    public static let green = RGBColor(hex: 0x009E73)
    public static let yellow = RGBColor(hex: 0xF0E442)
    public static let blue = RGBColor(hex: 0x0072B2)
    public static let vermillion = RGBColor(hex: 0xD55E00)
    public static let purple = RGBColor(hex: 0xCC79A7)

    /// Series colours in the order plots hand them out: black, green and
    /// blue first, as in Figure 1 of the paper (data, generator, discriminator).
    public static let palette: [RGBColor] = [.black, .green, .blue, .orange, .vermillion, .purple, .skyBlue, .yellow]
}
