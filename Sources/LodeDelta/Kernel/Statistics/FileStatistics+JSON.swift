import LodeCore

extension FileStatistics {
    /// The longest string prefix (in characters) a bound keeps.
    public static let stringPrefixLength = 32
    /// Appended to a truncated string maximum so that it stays an upper bound.
    public static let truncatedMaxSuffix = "\u{10FFFF}"

    /// The statistics as the `stats` JSON string of an `add`, nested like `schema`:
    /// `{"numRecords":…,"minValues":{…},"maxValues":{…},"nullCount":{…}}`. Dates are
    /// `YYYY-MM-DD`, timestamps `2024-01-31T12:00:00.123Z` (no `Z` without time zone),
    /// decimals JSON numbers with their scale.
    public func jsonString(schema: Schema) -> String {
        var o = JSONObject()
        o.append("numRecords", .int(numRecords ?? 0))
        o.append("minValues", .object(nested(schema.fields, prefix: "") { minValues[$0].flatMap(Self.json) }))
        o.append("maxValues", .object(nested(schema.fields, prefix: "") { maxValues[$0].flatMap(Self.json) }))
        o.append("nullCount", .object(nested(schema.fields, prefix: "") { nullCount[$0].map(JSONValue.int) }))
        if let tightBounds { o.append("tightBounds", .bool(tightBounds)) }
        return JSONValue.object(o).serialized()
    }

    private func nested(_ fields: [Field], prefix: String, _ leaf: (String) -> JSONValue?) -> JSONObject {
        var object = JSONObject()
        for field in fields {
            let path = prefix + field.name
            if case .struct(let children) = field.type {
                let inner = nested(children, prefix: path + ".", leaf)
                if !inner.isEmpty { object.append(field.name, .object(inner)) }
            } else if let value = leaf(path) {
                object.append(field.name, value)
            }
        }
        return object
    }

    /// A bound as stats JSON; `nil` for values the format does not carry.
    static func json(_ value: Value) -> JSONValue? {
        switch value {
        case .int(let i): return .int(i)
        case .double(let d): return d.isFinite ? .double(d) : nil
        case .decimal(let d): return .number(d.description)
        case .string(let s): return .string(s)
        case .date(let days): return .string(Temporal.formatDate(days))
        case .timestamp(let v, let unit, let utc):
            let perMilli = unit.perSecond / 1000
            let millis = v >= 0 ? v / perMilli : (v - perMilli + 1) / perMilli
            var seconds = millis / 1000, fraction = millis % 1000
            if fraction < 0 { fraction += 1000; seconds -= 1 }
            let base = Temporal.formatTimestamp(seconds * 1000, unit: .millisecond)
            let digits = String(fraction)
            let text = base.prefix(10) + "T" + base.dropFirst(11) + "." + String(repeating: "0", count: 3 - digits.count) + digits
            return .string(String(text) + (utc ? "Z" : ""))
        default: return nil
        }
    }
}
