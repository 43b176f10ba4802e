import LodeCore

/// Decimal rescaling with DuckDB's rounding (half away from zero) and precision checks.
enum DecimalScaling {
    /// Powers of ten 10^0 ... 10^38.
    static let powers: [Int128] = (0...38).map { Decimal128.powerOfTen($0) }

    @inline(__always)
    static func power(_ n: Int) -> Int128 { powers[min(max(n, 0), 38)] }

    /// `value / divisor` rounded half away from zero.
    @inline(__always)
    static func roundedDivide(_ value: Int128, by divisor: Int128) -> Int128 {
        let q = value / divisor, r = value % divisor
        let twice = r.magnitude * 2
        if twice >= divisor.magnitude { return value < 0 ? q - 1 : q + 1 }
        return q
    }

    /// `value` moved from scale `from` to scale `to` within `precision` digits, or `nil`
    /// when it does not fit.
    @inline(__always)
    static func rescaled(_ value: Int128, from: Int, to: Int, precision: Int) -> Int128? {
        var result = value
        if to > from {
            let (m, o) = value.multipliedReportingOverflow(by: power(to - from))
            if o { return nil }
            result = m
        } else if to < from {
            result = roundedDivide(value, by: power(from - to))
        }
        return result.magnitude < power(precision).magnitude ? result : nil
    }

    /// ``rescaled(_:from:to:precision:)`` that throws an out-of-range error.
    static func rescale(_ value: Int128, from: Int, to: Int, precision: Int) throws -> Int128 {
        guard let result = rescaled(value, from: from, to: to, precision: precision) else {
            throw ExecutionError(.outOfRange, "decimal value does not fit DECIMAL(\(precision),\(to))")
        }
        return result
    }
}
