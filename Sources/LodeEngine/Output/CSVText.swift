import LodeCore

/// CSV text of a result: a header line, then one line per row. NULL is an empty field
/// and the empty string is `""`; fields holding the delimiter, a quote or a line break
/// are quoted, quotes doubled.
struct CSVText {
    let delimiter: Character
    let header: Bool

    func render(_ result: QueryResult) -> String {
        var out = ""
        let fields = result.schema.fields
        if header { out += fields.map { quoted($0.name) }.joined(separator: String(delimiter)) + "\n" }
        for batch in result.batches {
            for row in 0..<batch.count {
                out += fields.indices.map { column -> String in
                    let value = batch.columns[column].value(at: row)
                    if value.isNull { return "" }
                    return quoted(ValueDisplay.text(value, fields[column].type), emptyQuoted: true)
                }.joined(separator: String(delimiter)) + "\n"
            }
        }
        return out
    }

    private func quoted(_ text: String, emptyQuoted: Bool = false) -> String {
        if text.isEmpty { return emptyQuoted ? "\"\"" : "" }
        let needs = text.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needs else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
