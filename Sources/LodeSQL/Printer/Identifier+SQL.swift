extension Identifier {
    /// The identifier as SQL: its spelling, double-quoted when written with quotes.
    public var sql: String {
        isQuoted ? quoted(spelling, by: "\"") : spelling
    }
}

extension QualifiedName {
    /// The name as SQL: `layer.table`.
    public var sql: String { parts.map(\.sql).joined(separator: ".") }
}

extension DataTypeName {
    /// The type as SQL: `DECIMAL(15,2)`, `INTEGER[]`, `STRUCT(a INTEGER)`.
    public var sql: String {
        switch self {
        case .named(let name, let parameters):
            let upper = name.uppercased()
            return parameters.isEmpty ? upper : "\(upper)(\(parameters.joined(separator: ",")))"
        case .list(let element):
            return element.sql + "[]"
        case .structure(let fields):
            return "STRUCT(" + fields.map { "\($0.name.sql) \($0.type.sql)" }.joined(separator: ", ") + ")"
        case .map(let key, let value):
            return "MAP(\(key.sql), \(value.sql))"
        }
    }
}

/// Quotes text as a SQL string literal, doubling embedded quotes.
func quotedString(_ text: String) -> String {
    quoted(text, by: "'")
}

/// Wraps text in `quote`, doubling the quotes inside.
func quoted(_ text: String, by quote: Character) -> String {
    var result = String(quote)
    for character in text {
        result.append(character)
        if character == quote { result.append(quote) }
    }
    result.append(quote)
    return result
}

extension Literal {
    /// The literal as SQL: `42`, `0.06`, `'it''s'`, `DATE '1998-12-01'`, `INTERVAL '3' DAY`.
    public var sql: String {
        switch self {
        case .integer(let text), .decimal(let text), .float(let text): return text
        case .string(let text): return quotedString(text)
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .null: return "NULL"
        case .typed(let type, let text): return "\(type.sql) \(quotedString(text))"
        case .interval(let text, let unit):
            return unit.map { "INTERVAL \(quotedString(text)) \($0.uppercased())" } ?? "INTERVAL \(quotedString(text))"
        }
    }
}
