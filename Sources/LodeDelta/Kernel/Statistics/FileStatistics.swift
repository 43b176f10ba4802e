import LodeCore

/// The statistics of one data file (PROTOCOL.md §Per-file Statistics): row count,
/// and per column its minimum, maximum and null count.
///
/// Columns are named by path, nested struct fields joined with `.` (`address.city`).
/// Values are typed by the table schema. Bounds are safe for skipping: a timestamp
/// maximum is widened by 1 ms because writers truncate to milliseconds, and string
/// bounds may be prefixes (a truncated maximum ends in U+10FFFF).
///
/// ```swift
/// let stats = try FileStatistics(json: add.stats!, schema: snapshot.schema)
/// stats.numRecords            // 1000
/// stats.maxValues["amount"]   // .decimal(…)
/// ```
public struct FileStatistics: Hashable, Sendable {
    public var numRecords: Int64?
    public var minValues: [String: Value]
    public var maxValues: [String: Value]
    public var nullCount: [String: Int64]
    /// `false` when bounds may be wider than the data (after deletion vectors).
    public var tightBounds: Bool?

    public init(numRecords: Int64? = nil, minValues: [String: Value] = [:], maxValues: [String: Value] = [:],
                nullCount: [String: Int64] = [:], tightBounds: Bool? = nil) {
        self.numRecords = numRecords
        self.minValues = minValues
        self.maxValues = maxValues
        self.nullCount = nullCount
        self.tightBounds = tightBounds
    }

    /// Parses a stats JSON string against `schema`. Values that do not fit their
    /// column's type, and columns the schema lacks, are left out (skipping treats a
    /// missing bound as unknown); text that is not JSON throws ``DeltaError``.
    public init(json text: String, schema: Schema) throws {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch let error as CoreError {
            throw DeltaError(.corruptLog, "stats: \(error.message)")
        }
        guard case .object = json else { throw DeltaError(.corruptLog, "stats is not a JSON object") }
        self.init(numRecords: json["numRecords"]?.int64Value, tightBounds: json["tightBounds"]?.boolValue)
        if case .object(let mins)? = json["minValues"] { collect(mins, fields: schema.fields, prefix: "", isMax: false) }
        if case .object(let maxs)? = json["maxValues"] { collect(maxs, fields: schema.fields, prefix: "", isMax: true) }
        if case .object(let nulls)? = json["nullCount"] { collectNulls(nulls, fields: schema.fields, prefix: "") }
    }

    private mutating func collect(_ object: JSONObject, fields: [Field], prefix: String, isMax: Bool) {
        for (key, value) in object {
            guard let field = fields.first(where: { $0.name == key }) else { continue }
            let path = prefix + key
            if case .struct(let children) = field.type {
                if case .object(let nested) = value { collect(nested, fields: children, prefix: path + ".", isMax: isMax) }
                continue
            }
            guard var parsed = StatisticsValue.parse(value, as: field.type) else { continue }
            if isMax, case .timestamp(let t, let unit, let utc) = parsed {
                let widen = unit.perSecond / 1000
                parsed = .timestamp(t.addingReportingOverflow(widen).overflow ? t : t + widen, unit, utc: utc)
            }
            if isMax { maxValues[path] = parsed } else { minValues[path] = parsed }
        }
    }

    private mutating func collectNulls(_ object: JSONObject, fields: [Field], prefix: String) {
        for (key, value) in object {
            let path = prefix + key
            let field = fields.first { $0.name == key }
            if case .object(let nested) = value {
                if case .struct(let children)? = field?.type { collectNulls(nested, fields: children, prefix: path + ".") }
                continue
            }
            if let count = value.int64Value { nullCount[path] = count }
        }
    }
}

/// Statistics values between their JSON form and Lode ``Value``s.
enum StatisticsValue {
    /// The value of a stats JSON member for a column of `type`, or `nil` when it does not fit.
    static func parse(_ json: JSONValue, as type: DataType) -> Value? {
        switch (type, json) {
        case (_, .null): return nil
        case (.boolean, .bool(let b)): return .boolean(b)
        case (.int8, _), (.int16, _), (.int32, _), (.int64, _):
            return json.int64Value.map(Value.int)
        case (.float32, _), (.float64, _):
            if case .string(let s) = json {
                switch s {
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default: return nil
                }
            }
            return json.doubleValue.map(Value.double)
        case (.decimal(let p, let s), _):
            guard let text = json.numberText ?? json.stringValue else { return nil }
            if let d = Decimal128(parsing: Substring(text), precision: p, scale: s) { return .decimal(d) }
            // Exponent forms (`1.5E+3`) go through a double, then to the column's scale.
            guard let d = Double(text), d.isFinite else { return nil }
            let scaled = (d * Double(Decimal128.powerOfTen(s))).rounded()
            guard abs(scaled) < 1e38 else { return nil }
            return .decimal(Decimal128(Int128(scaled), precision: p, scale: s))
        case (.string, .string(let s)): return .string(s)
        case (.date, .string(let s)): return Temporal.parseDate(Substring(s.prefix(10))).map(Value.date)
        case (.timestamp(let unit, let utc), .string(let s)):
            return Temporal.parseTimestamp(Substring(s), unit: unit).map { .timestamp($0, unit, utc: utc) }
        default: return nil
        }
    }
}
