/// One boxed value of any ``DataType``: the slow path used for display, tests,
/// row-oriented formats and literals. Columnar code works on ``ColumnArray`` buffers.
public enum Value: Hashable, Sendable {
    case null
    case boolean(Bool)
    /// Any integer type, widened.
    case int(Int64)
    /// `float32` or `float64`, widened.
    case double(Double)
    case decimal(Decimal128)
    case string(String)
    case binary([UInt8])
    /// Days since 1970-01-01.
    case date(Int32)
    /// Units since 1970-01-01 00:00:00 (UTC when `utc`).
    case timestamp(Int64, TimeUnit, utc: Bool)
    case list([Value])
    case `struct`([Value])
    case map(keys: [Value], values: [Value])

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

extension Value: CustomStringConvertible {
    /// The value as DuckDB prints it: `2024-01-31`, `2024-01-31 12:00:00.5`, `12.50`.
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return formatDouble(d)
        case .decimal(let d): return d.description
        case .string(let s): return s
        case .binary(let bytes): return bytes.map { byte in
                (0x20..<0x7f).contains(byte) && byte != 0x5c
                    ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }.joined()
        case .date(let days): return Temporal.formatDate(days)
        case .timestamp(let v, let unit, let utc): return Temporal.formatTimestamp(v, unit: unit) + (utc ? "+00" : "")
        case .list(let items): return "[" + items.map(\.nestedDescription).joined(separator: ", ") + "]"
        case .struct(let items): return "{" + items.map(\.nestedDescription).joined(separator: ", ") + "}"
        case .map(let keys, let values):
            return "{" + zip(keys, values).map { "\($0.nestedDescription)=\($1.nestedDescription)" }
                .joined(separator: ", ") + "}"
        }
    }

    private var nestedDescription: String {
        if case .string(let s) = self { return "'\(s)'" }
        return description
    }
}

/// Shortest text that reads back as the same double (`1.5`, `1e+20`, `inf`, `nan`).
public func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
    return String(d)
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
