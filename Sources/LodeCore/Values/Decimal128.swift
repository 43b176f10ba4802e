/// A fixed-point decimal of up to 38 digits: `unscaled × 10^-scale`.
public struct Decimal128: Hashable, Sendable {
    public var unscaled: Int128
    public var precision: Int
    public var scale: Int

    public init(_ unscaled: Int128, precision: Int, scale: Int) {
        self.unscaled = unscaled
        self.precision = precision
        self.scale = scale
    }

    /// Parses `-12.345`, `+7`, `.5` into a decimal with the given scale, rounding
    /// half away from zero; `nil` if the text is not a decimal number or does not fit
    /// `precision` digits.
    public init?(parsing text: Substring, precision: Int, scale: Int) {
        var digits = text.utf8[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var value: Int128 = 0
        var fractionDigits = 0
        var seenPoint = false, seenDigit = false
        var firstDropped: UInt8? = nil
        for c in digits {
            if c == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard c >= 48 && c <= 57 else { return nil }
            seenDigit = true
            if seenPoint && fractionDigits == scale {
                if firstDropped == nil { firstDropped = c }
                continue
            }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int128(c - 48))
            if o1 || o2 { return nil }
            value = a
            if seenPoint { fractionDigits += 1 }
        }
        guard seenDigit else { return nil }
        while fractionDigits < scale {
            let (m, o) = value.multipliedReportingOverflow(by: 10)
            if o { return nil }
            value = m
            fractionDigits += 1
        }
        if let d = firstDropped, d >= UInt8(ascii: "5") { value += 1 }
        guard value < Decimal128.powerOfTen(precision) else { return nil }
        self.init(negative ? -value : value, precision: precision, scale: scale)
    }

    /// 10^n for n in 0...38.
    public static func powerOfTen(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<n { p *= 10 }
        return p
    }

    public var doubleValue: Double {
        Double(unscaled) / pow10(scale)
    }

    private func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}

extension Decimal128: CustomStringConvertible {
    /// Plain notation with exactly `scale` fraction digits: `-0.05`, `120.00`.
    public var description: String {
        let negative = unscaled < 0
        var digits = String(negative ? (0 - unscaled).magnitude : unscaled.magnitude)
        guard scale > 0 else { return (negative ? "-" : "") + digits }
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }
}
