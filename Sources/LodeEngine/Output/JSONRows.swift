import LodeCore

/// JSON text of a result: an array of objects keyed by column name (or one object per
/// line). Numbers and booleans are JSON numbers and booleans, decimals exact numbers,
/// NULL (and NaN or infinity) `null`, dates, timestamps and binary strings, lists arrays,
/// structs objects, maps objects (arrays of `{"key", "value"}` when keys are not strings).
struct JSONRows {
    let ndjson: Bool

    func render(_ result: QueryResult) -> String {
        let fields = result.schema.fields
        var objects: [String] = []
        for batch in result.batches {
            for row in 0..<batch.count {
                objects.append("{" + fields.indices.map { column in
                    JSONValue.quoted(fields[column].name) + ":" + json(batch.columns[column].value(at: row), fields[column].type)
                }.joined(separator: ",") + "}")
            }
        }
        if ndjson { return objects.map { $0 + "\n" }.joined() }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private func json(_ value: Value, _ type: DataType) -> String {
        switch (value, type) {
        case (.null, _): return "null"
        case (.boolean(let b), _): return b ? "true" : "false"
        case (.int(let i), _): return String(i)
        case (.double(let d), _):
            guard d.isFinite else { return "null" }
            return type == .float32 ? ValueDisplay.floatText(Float(d)) : formatDouble(d)
        case (.decimal, _): return value.description
        case (.list(let items), .list(let item)): return "[" + items.map { json($0, item.type) }.joined(separator: ",") + "]"
        case (.struct(let items), .struct(let children)) where items.count == children.count:
            return "{" + zip(children, items).map { JSONValue.quoted($0.name) + ":" + json($1, $0.type) }.joined(separator: ",") + "}"
        case (.map(let keys, let values), .map(let k, let v)):
            if k.type == .string {
                return "{" + zip(keys, values).map { key, value in
                    JSONValue.quoted(key.description) + ":" + json(value, v.type)
                }.joined(separator: ",") + "}"
            }
            return "[" + zip(keys, values).map { "{\"key\":\(json($0, k.type)),\"value\":\(json($1, v.type))}" }.joined(separator: ",") + "]"
        default: return JSONValue.quoted(value.description)
        }
    }
}
