import LodeCore

/// Statistics bytes as Lode values, and the ordering used to compare them with
/// predicate literals.
enum StatisticsValue {
    /// The value a PLAIN-encoded statistics bound holds for `leaf`, or `nil` when
    /// it cannot be used (wrong size, NaN, INT96, invalid UTF-8, out of range).
    static func decode(_ bytes: [UInt8], leaf: LeafDescriptor) -> Value? {
        func int32() -> Int32? {
            bytes.count == 4 ? bytes.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) } : nil
        }
        func int64() -> Int64? {
            bytes.count == 8 ? bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) } : nil
        }
        func decimal(_ unscaled: Int128) -> Value? {
            guard case .decimal(let p, let s) = leaf.type else { return nil }
            return .decimal(Decimal128(unscaled, precision: p, scale: s))
        }
        switch leaf.physicalType {
        case .boolean:
            return bytes.count == 1 ? .boolean(bytes[0] != 0) : nil
        case .int32:
            guard let v = int32() else { return nil }
            switch leaf.conversion {
            case .identity: return leaf.type == .date ? .date(v) : .int(Int64(v))
            case .int32ToInt8: return .int(Int64(Int8(truncatingIfNeeded: v)))
            case .int32ToInt16: return .int(Int64(Int16(truncatingIfNeeded: v)))
            case .uint8ToInt16: return .int(Int64(UInt8(truncatingIfNeeded: v)))
            case .uint16ToInt32: return .int(Int64(UInt16(truncatingIfNeeded: v)))
            case .uint32ToInt64: return .int(Int64(UInt32(bitPattern: v)))
            case .decimalFromInt32: return decimal(Int128(v))
            case .timeMillisToMicros: return .int(Int64(v) * 1000)
            default: return nil
            }
        case .int64:
            guard let v = int64() else { return nil }
            switch leaf.conversion {
            case .identity:
                if case .timestamp(let unit, let utc) = leaf.type { return .timestamp(v, unit, utc: utc) }
                return .int(v)
            case .uint64ToInt64: return v >= 0 ? .int(v) : nil
            case .decimalFromInt64: return decimal(Int128(v))
            case .timeNanosToMicros: return .int(v / 1000)
            default: return nil
            }
        case .float:
            guard bytes.count == 4 else { return nil }
            let f = bytes.withUnsafeBytes { Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
            return f.isNaN ? nil : .double(Double(f))
        case .double:
            guard bytes.count == 8 else { return nil }
            let d = bytes.withUnsafeBytes { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            return d.isNaN ? nil : .double(d)
        case .byteArray, .fixedLenByteArray:
            switch leaf.conversion {
            case .decimalFromBytes:
                guard let v = try? bytes.withUnsafeBytes({ try decimalValue($0) }) else { return nil }
                return decimal(v)
            case .float16ToFloat:
                guard bytes.count == 2 else { return nil }
                let f = halfToFloat(UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
                return f.isNaN ? nil : .double(Double(f))
            default:
                if leaf.type == .string {
                    let text = String(decoding: bytes, as: UTF8.self)
                    return text.utf8.elementsEqual(bytes) ? .string(text) : nil
                }
                return .binary(bytes)
            }
        default:
            return nil
        }
    }

    /// Whether the deprecated `min`/`max` fields (signed order) can be trusted.
    static func hasSignedOrder(_ leaf: LeafDescriptor) -> Bool {
        switch leaf.physicalType {
        case .boolean, .float, .double: return true
        case .int32, .int64:
            switch leaf.conversion {
            case .uint8ToInt16, .uint16ToInt32, .uint32ToInt64, .uint64ToInt64: return false
            default: return true
            }
        default: return false
        }
    }
}

/// The order of two values (negative, zero, positive), or `nil` when they are not
/// comparable. Numbers compare across integer, float and decimal; strings and
/// binary by their bytes; dates and timestamps across units; a string literal is
/// parsed when compared with a date or timestamp.
func compareValues(_ a: Value, _ b: Value) -> Int? {
    func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
    func bytesOrder<A: Sequence, B: Sequence>(_ x: A, _ y: B) -> Int where A.Element == UInt8, B.Element == UInt8 {
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
    case let (.string(x), .string(y)): return bytesOrder(x.utf8, y.utf8)
    case let (.binary(x), .binary(y)): return bytesOrder(x, y)
    case let (.string(x), .binary(y)): return bytesOrder(x.utf8, y)
    case let (.binary(x), .string(y)): return bytesOrder(x, y.utf8)
    case let (.date(x), .date(y)): return order(x, y)
    case let (.date(x), .timestamp(_, unit, utc)): return compareValues(.timestamp(Int64(x) * 86_400 * unit.perSecond, unit, utc: utc), b)
    case let (.timestamp(_, unit, utc), .date(y)): return compareValues(a, .timestamp(Int64(y) * 86_400 * unit.perSecond, unit, utc: utc))
    case let (.timestamp(x, u, _), .timestamp(y, v, _)):
        if u == v { return order(x, y) }
        let (fine, coarse) = u.perSecond > v.perSecond ? (u, v) : (v, u)
        let factor = fine.perSecond / coarse.perSecond
        if u == coarse {
            let (scaled, overflow) = x.multipliedReportingOverflow(by: factor)
            return overflow ? order(x, 0) : order(scaled, y)
        }
        let (scaled, overflow) = y.multipliedReportingOverflow(by: factor)
        return overflow ? order(0, y) : order(x, scaled)
    case let (.date, .string(text)):
        return Temporal.parseDate(Substring(text)).flatMap { compareValues(a, .date($0)) }
    case let (.timestamp(_, unit, utc), .string(text)):
        return Temporal.parseTimestamp(Substring(text), unit: unit).flatMap { compareValues(a, .timestamp($0, unit, utc: utc)) }
    default: return nil
    }
}

/// Decimal order across scales, exact when rescaling fits 128 bits.
private func compareDecimals(_ x: Decimal128, _ y: Decimal128) -> Int {
    func order(_ p: Int128, _ q: Int128) -> Int { p < q ? -1 : (p == q ? 0 : 1) }
    if x.scale == y.scale { return order(x.unscaled, y.unscaled) }
    let scale = max(x.scale, y.scale)
    let (a, overflowA) = x.unscaled.multipliedReportingOverflow(by: Decimal128.powerOfTen(scale - x.scale))
    let (b, overflowB) = y.unscaled.multipliedReportingOverflow(by: Decimal128.powerOfTen(scale - y.scale))
    if overflowA || overflowB {
        let p = x.doubleValue, q = y.doubleValue
        return p < q ? -1 : (p == q ? 0 : 1)
    }
    return order(a, b)
}
