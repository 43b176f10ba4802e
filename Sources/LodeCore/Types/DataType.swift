/// The logical type of a column.
///
/// Lode's types follow Arrow and Delta Lake: every primitive has one physical
/// representation in a ``ColumnArray`` (see ``DataType/storage``), and nested types
/// hold their children as ``Field``s.
public indirect enum DataType: Hashable, Sendable {
    case boolean
    case int8, int16, int32, int64
    case float32, float64
    /// A fixed-point decimal with up to 38 digits, stored as a scaled `Int128`.
    case decimal(precision: Int, scale: Int)
    /// UTF-8 text.
    case string
    case binary
    /// Days since 1970-01-01.
    case date
    /// An instant (`utc: true`, stored as UTC) or a wall-clock time without zone
    /// (`utc: false`), counted in `unit`s since 1970-01-01 00:00:00.
    case timestamp(TimeUnit, utc: Bool)
    case `struct`([Field])
    case list(Field)
    /// A map whose entries are a key field (never null) and a value field.
    case map(key: Field, value: Field)

    /// Microsecond timestamp with UTC semantics, the Delta Lake `timestamp`.
    public static let timestampUTC = DataType.timestamp(.microsecond, utc: true)
    /// Microsecond timestamp without time zone, the Delta Lake `timestamp_ntz`.
    public static let timestampNTZ = DataType.timestamp(.microsecond, utc: false)

    /// Largest precision a ``decimal(precision:scale:)`` may have.
    public static let maxDecimalPrecision = 38

    public var isNested: Bool {
        switch self {
        case .struct, .list, .map: return true
        default: return false
        }
    }

    public var isInteger: Bool {
        switch self {
        case .int8, .int16, .int32, .int64: return true
        default: return false
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .int8, .int16, .int32, .int64, .float32, .float64, .decimal: return true
        default: return false
        }
    }
}

/// The resolution of a timestamp.
public enum TimeUnit: String, Hashable, Sendable, CaseIterable {
    case millisecond, microsecond, nanosecond

    /// How many of this unit make one second.
    public var perSecond: Int64 {
        switch self {
        case .millisecond: return 1_000
        case .microsecond: return 1_000_000
        case .nanosecond: return 1_000_000_000
        }
    }
}

extension DataType: CustomStringConvertible {
    /// SQL-style spelling, e.g. `DECIMAL(10,2)`, `TIMESTAMP`, `LIST<INT>`.
    public var description: String {
        switch self {
        case .boolean: return "BOOLEAN"
        case .int8: return "TINYINT"
        case .int16: return "SMALLINT"
        case .int32: return "INT"
        case .int64: return "BIGINT"
        case .float32: return "FLOAT"
        case .float64: return "DOUBLE"
        case .decimal(let p, let s): return "DECIMAL(\(p),\(s))"
        case .string: return "VARCHAR"
        case .binary: return "BLOB"
        case .date: return "DATE"
        case .timestamp(let unit, let utc):
            let suffix = unit == .microsecond ? "" : "(\(unit.rawValue))"
            return (utc ? "TIMESTAMPTZ" : "TIMESTAMP") + suffix
        case .struct(let fields):
            return "STRUCT<" + fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ">"
        case .list(let item): return "LIST<\(item.type)>"
        case .map(let k, let v): return "MAP<\(k.type), \(v.type)>"
        }
    }
}
