import LodeCore

/// Partition values as the log stores them (PROTOCOL.md §Partition Value
/// Serialization): text, `nil` for null.
///
/// Dates are `YYYY-MM-DD`, timestamps `YYYY-MM-DD HH:MM:SS.ffffff` (the wall clock of
/// a `timestamp_ntz`, UTC for a `timestamp`), decimals keep their scale, binary values
/// are their bytes read as text.
public enum PartitionValueText {
    /// The log text of `value`, `nil` for null.
    public static func serialize(_ value: Value) -> String? {
        switch value {
        case .null: return nil
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return doubleText(d)
        case .decimal(let d): return d.description
        case .string(let s): return s
        case .binary(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .date(let days): return Temporal.formatDate(days)
        case .timestamp(let v, let unit, _): return timestampText(v, unit: unit)
        case .list, .struct, .map: return value.description
        }
    }

    /// Reads log text back as a value of `type`; `nil` and the empty string are null.
    /// Throws when the text does not parse as `type`.
    public static func parse(_ text: String?, as type: DataType, column: String) throws -> Value {
        guard let text, !text.isEmpty else { return .null }
        func bad() -> DeltaError {
            DeltaError(.invalidArgument, "partition value '\(text)' of column '\(column)' is not a valid \(type)")
        }
        switch type {
        case .string: return .string(text)
        case .binary: return .binary(Array(text.utf8))
        case .boolean:
            switch text.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: throw bad()
            }
        case .int8, .int16, .int32, .int64:
            guard let i = Int64(text) else { throw bad() }
            return .int(i)
        case .float32, .float64:
            guard let d = Double(text) else { throw bad() }
            return .double(d)
        case .decimal(let p, let s):
            guard let d = Decimal128(parsing: Substring(text), precision: p, scale: s) else { throw bad() }
            return .decimal(d)
        case .date:
            guard let days = Temporal.parseDate(Substring(text)) else { throw bad() }
            return .date(days)
        case .timestamp(let unit, let utc):
            guard let v = Temporal.parseTimestamp(Substring(text), unit: unit) else { throw bad() }
            return .timestamp(v, unit, utc: utc)
        case .struct, .list, .map:
            throw DeltaError(.invalidArgument, "column '\(column)' of type \(type) cannot be a partition column")
        }
    }

    /// `YYYY-MM-DD HH:MM:SS.ffffff`, always six fraction digits.
    static func timestampText(_ value: Int64, unit: TimeUnit) -> String {
        let micros: Int64
        switch unit {
        case .millisecond: micros = value.multipliedReportingOverflow(by: 1000).partialValue
        case .microsecond: micros = value
        case .nanosecond: micros = value >= 0 ? value / 1000 : (value - 999) / 1000
        }
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        let base = Temporal.formatTimestamp(seconds * 1_000_000, unit: .microsecond)
        let digits = String(fraction)
        return base + "." + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Shortest round-trip text, without exponent for integral values below 10^15.
    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return String(d)
    }
}
