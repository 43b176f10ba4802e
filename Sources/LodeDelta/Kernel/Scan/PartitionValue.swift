import LodeCore

/// Partition values as the log writes them (PROTOCOL.md §Partition Value Serialization).
public enum PartitionValue {
    /// The directory name writers use for a null partition value.
    public static let hiveDefault = "__HIVE_DEFAULT_PARTITION__"

    /// The value of a partition column from its log text: JSON null, an empty string
    /// and `__HIVE_DEFAULT_PARTITION__` are null; dates are `YYYY-MM-DD`; timestamps
    /// are accepted as Spark writes them (`2000-01-01T12:00:00.000000Z`) and as
    /// delta-rs does (`2000-01-01 12:00:00.000000`, read as UTC).
    ///
    /// Throws ``DeltaError`` (`corruptLog`) for text that does not fit `type`.
    public static func parse(_ text: String?, as type: DataType, column: String) throws -> Value {
        guard let text, !text.isEmpty, text != hiveDefault else { return .null }
        func bad() -> DeltaError {
            DeltaError(.corruptLog, "partition value '\(text)' of column '\(column)' is not a valid \(type.deltaTypeName ?? "\(type)")")
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
            guard let v = Int64(text.trimmingSpaces) else { throw bad() }
            let range: ClosedRange<Int64>
            switch type {
            case .int8: range = Int64(Int8.min)...Int64(Int8.max)
            case .int16: range = Int64(Int16.min)...Int64(Int16.max)
            case .int32: range = Int64(Int32.min)...Int64(Int32.max)
            default: range = Int64.min...Int64.max
            }
            guard range.contains(v) else { throw bad() }
            return .int(v)
        case .float32, .float64:
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default:
                guard let v = Double(text.trimmingSpaces) else { throw bad() }
                return .double(v)
            }
        case .decimal(let precision, let scale):
            guard let v = Decimal128(parsing: Substring(text.trimmingSpaces), precision: precision, scale: scale) else { throw bad() }
            return .decimal(v)
        case .date:
            guard let days = Temporal.parseDate(Substring(text)) else { throw bad() }
            return .date(days)
        case .timestamp(let unit, let utc):
            guard let v = Temporal.parseTimestamp(Substring(text), unit: unit) else { throw bad() }
            return .timestamp(v, unit, utc: utc)
        default:
            throw DeltaError(.unsupportedFeature, "partition column '\(column)' has type \(type), which cannot be a partition column")
        }
    }

    /// The log text of a partition value: `nil` for null, dates `YYYY-MM-DD`,
    /// timestamps `YYYY-MM-DD HH:MM:SS.ffffff` (as delta-rs and Spark write them,
    /// UTC for `timestamp`), decimals with their scale, booleans `true`/`false`.
    public static func text(_ value: Value) -> String? {
        switch value {
        case .null: return nil
        case .boolean(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isNaN ? "NaN" : d.isInfinite ? (d > 0 ? "Infinity" : "-Infinity") : formatDouble(d)
        case .decimal(let d): return d.description
        case .string(let s): return s
        case .binary(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .date(let days): return Temporal.formatDate(days)
        case .timestamp(let v, let unit, _):
            let micros: Int64
            switch unit {
            case .microsecond: micros = v
            case .millisecond: micros = v.multipliedReportingOverflow(by: 1000).partialValue
            case .nanosecond: micros = v >= 0 ? v / 1000 : (v - 999) / 1000
            }
            var seconds = micros / 1_000_000, fraction = micros % 1_000_000
            if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
            let digits = String(fraction)
            return Temporal.formatTimestamp(seconds * 1_000_000, unit: .microsecond) + "."
                + String(repeating: "0", count: 6 - digits.count) + digits
        case .list, .struct, .map: return nil
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
