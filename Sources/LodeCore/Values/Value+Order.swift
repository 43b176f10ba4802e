extension Value {
    /// The order of two non-null values (negative, zero, positive), or `nil` when they
    /// do not compare.
    ///
    /// Numbers compare across integer, float and decimal (decimals exactly while
    /// rescaling fits 128 bits); NaN compares with nothing. Strings and binary compare
    /// by their bytes. Dates and timestamps compare across units and with each other
    /// (a date is its midnight). A string compared with a date or timestamp is parsed
    /// first. Used by statistics-based pruning and predicate evaluation.
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case let (.int(x), .int(y)): return order(x, y)
        case let (.double(x), .double(y)): return x.isNaN || y.isNaN ? nil : order(x, y)
        case let (.int(x), .double(y)): return y.isNaN ? nil : order(Double(x), y)
        case let (.double(x), .int(y)): return x.isNaN ? nil : order(x, Double(y))
        case let (.decimal(x), .decimal(y)): return compareDecimals(x, y)
        case let (.decimal(x), .int(y)): return compareDecimals(x, Decimal128(Int128(y), precision: 38, scale: 0))
        case let (.int(x), .decimal(y)): return compareDecimals(Decimal128(Int128(x), precision: 38, scale: 0), y)
        case let (.decimal(x), .double(y)): return y.isNaN ? nil : order(x.doubleValue, y)
        case let (.double(x), .decimal(y)): return x.isNaN ? nil : order(x, y.doubleValue)
        case let (.boolean(x), .boolean(y)): return order(x ? 1 : 0, y ? 1 : 0)
        case let (.string(x), .string(y)): return compareBytes(x.utf8, y.utf8)
        case let (.binary(x), .binary(y)): return compareBytes(x, y)
        case let (.string(x), .binary(y)): return compareBytes(x.utf8, y)
        case let (.binary(x), .string(y)): return compareBytes(x, y.utf8)
        case let (.date(x), .date(y)): return order(x, y)
        case let (.timestamp(x, u, _), .timestamp(y, v, _)): return compareTimestamps(x, u.perSecond, y, v.perSecond)
        case let (.date(x), .timestamp(y, unit, _)): return compareTimestamps(Int64(x) * 86_400, 1, y, unit.perSecond)
        case let (.timestamp(x, unit, _), .date(y)): return compareTimestamps(x, unit.perSecond, Int64(y) * 86_400, 1)
        case let (.date, .string(text)):
            return Temporal.parseDate(Substring(text)).flatMap { compare(a, .date($0)) }
        case let (.timestamp(_, unit, utc), .string(text)):
            return Temporal.parseTimestamp(Substring(text), unit: unit).flatMap { compare(a, .timestamp($0, unit, utc: utc)) }
        case let (.string(text), .date), let (.string(text), .timestamp):
            return compare(b, .string(text)).map { -$0 }
        default: return nil
        }
    }
}

/// Exact order of `x` and `y` counted in `pu` and `pv` units per second: the coarser
/// side is scaled up, and a value too large to scale lies beyond every value of the
/// finer unit.
private func compareTimestamps(_ x: Int64, _ pu: Int64, _ y: Int64, _ pv: Int64) -> Int {
    func order(_ p: Int64, _ q: Int64) -> Int { p < q ? -1 : (p == q ? 0 : 1) }
    if pu == pv { return order(x, y) }
    if pu < pv {
        let (scaled, overflow) = x.multipliedReportingOverflow(by: pv / pu)
        return overflow ? (x < 0 ? -1 : 1) : order(scaled, y)
    }
    let (scaled, overflow) = y.multipliedReportingOverflow(by: pu / pv)
    return overflow ? (y < 0 ? 1 : -1) : order(x, scaled)
}

private func compareBytes<A: Sequence, B: Sequence>(_ x: A, _ y: B) -> Int where A.Element == UInt8, B.Element == UInt8 {
    var i = x.makeIterator(), j = y.makeIterator()
    while true {
        switch (i.next(), j.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (p?, q?): if p != q { return p < q ? -1 : 1 }
        }
    }
}

/// Decimal order across scales, exact when rescaling fits 128 bits.
private func compareDecimals(_ x: Decimal128, _ y: Decimal128) -> Int {
    func order<T: Comparable>(_ p: T, _ q: T) -> Int { p < q ? -1 : (p == q ? 0 : 1) }
    if x.scale == y.scale { return order(x.unscaled, y.unscaled) }
    let scale = max(x.scale, y.scale)
    let (a, overflowA) = x.unscaled.multipliedReportingOverflow(by: Decimal128.powerOfTen(scale - x.scale))
    let (b, overflowB) = y.unscaled.multipliedReportingOverflow(by: Decimal128.powerOfTen(scale - y.scale))
    if overflowA || overflowB { return order(x.doubleValue, y.doubleValue) }
    return order(a, b)
}

/// The smallest and largest of the values seen, grown one range at a time.
public struct ValueBounds: Sendable {
    public private(set) var min: Value?
    public private(set) var max: Value?

    public init() {}

    /// Widens the bounds to include `low...high`.
    public mutating func include(_ low: Value, _ high: Value) {
        if min == nil || (Value.compare(low, min!) ?? 0) < 0 { min = low }
        if max == nil || (Value.compare(high, max!) ?? 0) > 0 { max = high }
    }
}
