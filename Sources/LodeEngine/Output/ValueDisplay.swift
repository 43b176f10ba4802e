import LodeCore

/// How values and types read in result tables and CSV: as DuckDB's shell shows them.
enum ValueDisplay {
    /// `NULL`, `12.50`, `2024-01-31`, `[1, 2]`, `{'x': 1}`.
    static func text(_ value: Value, _ type: DataType) -> String {
        switch (value, type) {
        case (.null, _): return "NULL"
        case (.double(let d), .float32): return floatText(Float(d))
        case (.list(let items), .list(let item)):
            return "[" + items.map { nested($0, item.type) }.joined(separator: ", ") + "]"
        case (.struct(let items), .struct(let fields)) where items.count == fields.count:
            return "{" + zip(fields, items).map { "'\($0.name)': \(nested($1, $0.type))" }.joined(separator: ", ") + "}"
        case (.map(let keys, let values), .map(let k, let v)):
            return "{" + zip(keys, values).map { "\(nested($0, k.type))=\(nested($1, v.type))" }.joined(separator: ", ") + "}"
        default: return value.description
        }
    }

    private static func nested(_ value: Value, _ type: DataType) -> String {
        if case .string(let s) = value { return "'\(s)'" }
        return text(value, type)
    }

    static func floatText(_ f: Float) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        if f == f.rounded(), abs(f) < 1e7 { return String(Int64(f)) + ".0" }
        return String(f)
    }

    /// DuckDB's lower-case type name: `int32`, `varchar`, `decimal(15,2)`, `int32[]`.
    static func typeName(_ type: DataType) -> String {
        switch type {
        case .boolean: return "boolean"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .float32: return "float"
        case .float64: return "double"
        case .decimal(let p, let s): return "decimal(\(p),\(s))"
        case .string: return "varchar"
        case .binary: return "blob"
        case .date: return "date"
        case .timestamp(let unit, let utc):
            let base = utc ? "timestamp with time zone" : "timestamp"
            switch unit {
            case .microsecond: return base
            case .millisecond: return utc ? base : "timestamp_ms"
            case .nanosecond: return utc ? base : "timestamp_ns"
            }
        case .list(let item): return typeName(item.type) + "[]"
        case .struct(let fields): return "struct(" + fields.map { "\($0.name) \(typeName($0.type))" }.joined(separator: ", ") + ")"
        case .map(let k, let v): return "map(\(typeName(k.type)), \(typeName(v.type)))"
        }
    }
}
