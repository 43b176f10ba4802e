import LodeCore

/// Parses a schema written as SQL column definitions:
///
/// ```swift
/// let schema = try parseSchema("id BIGINT NOT NULL, name VARCHAR, amount DECIMAL(10,2), tags VARCHAR[]")
/// ```
///
/// Columns are separated by commas (or new lines). Names are identifiers or
/// `"quoted"` (with `""` for a quote). Types, in any case: `BOOLEAN`/`BOOL`;
/// `TINYINT`; `SMALLINT`; `INT`/`INTEGER`; `BIGINT`; `FLOAT`/`REAL`; `DOUBLE` (also
/// `DOUBLE PRECISION`); `DECIMAL(p,s)`/`NUMERIC(p,s)` (`DECIMAL(p)` has scale 0, bare
/// `DECIMAL` is `DECIMAL(18,3)`); `VARCHAR`/`TEXT`/`STRING` (a length is ignored);
/// `BLOB`/`BINARY`/`BYTEA`; `DATE`; `TIMESTAMP` (no time zone, microseconds;
/// `TIMESTAMP(3|6|9)` or `TIMESTAMP(millisecond)` choose the unit) and `TIMESTAMPTZ`
/// (`TIMESTAMP WITH TIME ZONE`, UTC); `STRUCT<name TYPE, …>`; `LIST<T>`, `ARRAY<T>` or
/// `T[]`; `MAP<K, V>`. A column or struct field may end with `NOT NULL` or `NULL`.
/// Errors name the 1-based character position.
public func parseSchema(_ text: String) throws -> Schema {
    var parser = SchemaParser(text)
    return try parser.parseSchema()
}

/// Parses the type part alone, e.g. `"DECIMAL(10,2)"` or `"STRUCT<a INT>"`.
public func parseDataType(_ text: String) throws -> DataType {
    var parser = SchemaParser(text)
    let type = try parser.parseType()
    parser.skipSpace()
    guard parser.isAtEnd else { throw parser.error("unexpected \(parser.currentDescription) after the type") }
    return type
}

struct SchemaParser {
    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    var isAtEnd: Bool { i >= chars.count }

    mutating func parseSchema() throws -> Schema {
        var fields: [Field] = []
        var names = Set<String>()
        skipSpace()
        guard !isAtEnd else { throw error("the schema is empty") }
        while true {
            let start = i
            let field = try parseField()
            guard names.insert(field.name.lowercased()).inserted else {
                throw error("duplicate column name '\(field.name)'", at: start)
            }
            fields.append(field)
            let sawNewline = skipSpace()
            if isAtEnd { break }
            if chars[i] == "," {
                i += 1
                skipSpace()
                if isAtEnd { break }
                continue
            }
            guard sawNewline else { throw error("expected ',' or the end, found \(currentDescription)") }
        }
        return Schema(fields)
    }

    /// `name TYPE [NOT NULL | NULL]`.
    private mutating func parseField(allowColon: Bool = false) throws -> Field {
        skipSpace()
        guard !isAtEnd else { throw error("expected a column name, found the end") }
        let name = try parseName()
        skipSpace()
        if allowColon, !isAtEnd, chars[i] == ":" { i += 1 }
        let type = try parseType()
        var nullable = true
        let save = i
        skipSpace()
        if keyword("NOT") {
            skipSpace()
            guard keyword("NULL") else { throw error("expected NULL after NOT, found \(currentDescription)") }
            nullable = false
        } else if keyword("NULL") {
            nullable = true
        } else {
            i = save
        }
        return Field(name, type, nullable: nullable)
    }

    private mutating func parseName() throws -> String {
        let c = chars[i]
        if c == "\"" || c == "`" {
            let start = i
            i += 1
            var name = ""
            while true {
                guard i < chars.count else { throw error("unterminated quoted name", at: start) }
                if chars[i] == c {
                    if i + 1 < chars.count, chars[i + 1] == c {
                        name.append(c)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                name.append(chars[i])
                i += 1
            }
            guard !name.isEmpty else { throw error("a column name cannot be empty", at: start) }
            return name
        }
        guard c.isLetter || c == "_" else { throw error("expected a column name, found \(currentDescription)") }
        return word()
    }

    mutating func parseType() throws -> DataType {
        skipSpace()
        let start = i
        guard !isAtEnd, chars[i].isLetter || chars[i] == "_" else {
            throw error("expected a type name, found \(currentDescription)")
        }
        var type = try parseBaseType(word().uppercased(), start: start)
        while true {
            let save = i
            skipSpace()
            if i + 1 < chars.count, chars[i] == "[", chars[i + 1] == "]" {
                i += 2
                type = .list(Field("element", type))
            } else {
                i = save
                return type
            }
        }
    }

    private mutating func parseBaseType(_ name: String, start: Int) throws -> DataType {
        switch name {
        case "BOOLEAN", "BOOL", "LOGICAL": return .boolean
        case "TINYINT", "INT1": return .int8
        case "SMALLINT", "INT2", "SHORT": return .int16
        case "INT", "INTEGER", "INT4", "SIGNED": return .int32
        case "BIGINT", "INT8", "LONG": return .int64
        case "FLOAT", "REAL", "FLOAT4": return .float32
        case "DOUBLE", "FLOAT8":
            let save = i
            skipSpace()
            if !keyword("PRECISION") { i = save }
            return .float64
        case "DECIMAL", "NUMERIC", "DEC":
            guard let arguments = try parseArguments() else { return .decimal(precision: 18, scale: 3) }
            guard arguments.count <= 2, let precision = Int(arguments[0]),
                  arguments.count == 1 || Int(arguments[1]) != nil else {
                throw error("DECIMAL takes (precision) or (precision, scale)", at: start)
            }
            let scale = arguments.count == 2 ? Int(arguments[1]) ?? 0 : 0
            guard (1...DataType.maxDecimalPrecision).contains(precision) else {
                throw error("DECIMAL precision must be 1 to \(DataType.maxDecimalPrecision), got \(precision)", at: start)
            }
            guard (0...precision).contains(scale) else {
                throw error("DECIMAL scale must be 0 to the precision \(precision), got \(scale)", at: start)
            }
            return .decimal(precision: precision, scale: scale)
        case "VARCHAR", "TEXT", "STRING", "CHAR", "BPCHAR", "NVARCHAR", "CHARACTER":
            _ = try parseArguments()
            return .string
        case "BLOB", "BINARY", "VARBINARY", "BYTEA", "BYTES":
            _ = try parseArguments()
            return .binary
        case "DATE": return .date
        case "DATETIME", "TIMESTAMP_NTZ": return .timestamp(try parseTimeUnit(start) ?? .microsecond, utc: false)
        case "TIMESTAMP_MS": return .timestamp(.millisecond, utc: false)
        case "TIMESTAMP_US": return .timestamp(.microsecond, utc: false)
        case "TIMESTAMP_NS": return .timestamp(.nanosecond, utc: false)
        case "TIMESTAMPTZ", "TIMESTAMP_LTZ": return .timestamp(try parseTimeUnit(start) ?? .microsecond, utc: true)
        case "TIMESTAMP":
            let unit = try parseTimeUnit(start) ?? .microsecond
            let save = i
            skipSpace()
            let with: Bool? = keyword("WITH") ? true : keyword("WITHOUT") ? false : nil
            if let with {
                for word in ["TIME", "ZONE"] {
                    skipSpace()
                    guard keyword(word) else { throw error("expected \(word), found \(currentDescription)") }
                }
                return .timestamp(unit, utc: with)
            }
            i = save
            return .timestamp(unit, utc: false)
        case "STRUCT", "ROW":
            skipSpace()
            guard let close = opening() else { throw error("expected '<' after STRUCT, found \(currentDescription)") }
            var fields: [Field] = []
            var names = Set<String>()
            skipSpace()
            if !isAtEnd, chars[i] == close {
                throw error("a STRUCT needs at least one field")
            }
            while true {
                let fieldStart = i
                let field = try parseField(allowColon: true)
                guard names.insert(field.name.lowercased()).inserted else {
                    throw error("duplicate field name '\(field.name)'", at: fieldStart)
                }
                fields.append(field)
                skipSpace()
                if try closing(close) { break }
            }
            return .struct(fields)
        case "LIST", "ARRAY":
            skipSpace()
            guard let close = opening() else { throw error("expected '<' after \(name), found \(currentDescription)") }
            let item = try parseType()
            skipSpace()
            guard !isAtEnd, chars[i] == close else { throw error("expected '\(close)', found \(currentDescription)") }
            i += 1
            return .list(Field("element", item))
        case "MAP":
            skipSpace()
            guard let close = opening() else { throw error("expected '<' after MAP, found \(currentDescription)") }
            let key = try parseType()
            skipSpace()
            guard !isAtEnd, chars[i] == "," else { throw error("expected ',' between MAP key and value types, found \(currentDescription)") }
            i += 1
            let value = try parseType()
            skipSpace()
            guard !isAtEnd, chars[i] == close else { throw error("expected '\(close)', found \(currentDescription)") }
            i += 1
            return .map(key: Field("key", key, nullable: false), value: Field("value", value))
        default:
            throw error("unknown type '\(String(chars[start..<i]))'", at: start)
        }
    }

    /// A `(unit)` after TIMESTAMP: 3, 6, 9 or millisecond, microsecond, nanosecond (ms, us, ns).
    private mutating func parseTimeUnit(_ start: Int) throws -> TimeUnit? {
        guard let arguments = try parseArguments() else { return nil }
        guard arguments.count == 1 else { throw error("TIMESTAMP takes one unit", at: start) }
        switch arguments[0].lowercased() {
        case "3", "ms", "millisecond", "milliseconds": return .millisecond
        case "6", "us", "microsecond", "microseconds": return .microsecond
        case "9", "ns", "nanosecond", "nanoseconds": return .nanosecond
        default: throw error("TIMESTAMP unit must be 3, 6 or 9 (milli-, micro-, nanoseconds), got '\(arguments[0])'", at: start)
        }
    }

    /// A parenthesized, comma-separated list of words or numbers, if one follows.
    private mutating func parseArguments() throws -> [String]? {
        let save = i
        skipSpace()
        guard !isAtEnd, chars[i] == "(" else {
            i = save
            return nil
        }
        let open = i
        i += 1
        var arguments: [String] = []
        while true {
            skipSpace()
            let start = i
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
            guard i > start else { throw error("expected a number, found \(currentDescription)") }
            arguments.append(String(chars[start..<i]))
            skipSpace()
            guard !isAtEnd else { throw error("unclosed '('", at: open) }
            if chars[i] == "," {
                i += 1
                continue
            }
            guard chars[i] == ")" else { throw error("expected ',' or ')', found \(currentDescription)") }
            i += 1
            return arguments
        }
    }

    /// Consumes `<` or `(` and returns the matching closer.
    private mutating func opening() -> Character? {
        guard !isAtEnd, chars[i] == "<" || chars[i] == "(" else { return nil }
        defer { i += 1 }
        return chars[i] == "<" ? ">" : ")"
    }

    /// Consumes `,` (returning false) or `close` (returning true).
    private mutating func closing(_ close: Character) throws -> Bool {
        guard !isAtEnd else { throw error("expected ',' or '\(close)', found the end") }
        if chars[i] == "," {
            i += 1
            return false
        }
        guard chars[i] == close else { throw error("expected ',' or '\(close)', found \(currentDescription)") }
        i += 1
        return true
    }

    private mutating func word() -> String {
        let start = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "$" { i += 1 }
        return String(chars[start..<i])
    }

    /// Consumes `word` (any case) if it is next as a whole word.
    private mutating func keyword(_ word: String) -> Bool {
        let save = i
        let found = self.word()
        if found.uppercased() == word { return true }
        i = save
        return false
    }

    /// Skips whitespace; returns whether it held a line break.
    @discardableResult
    mutating func skipSpace() -> Bool {
        var newline = false
        while i < chars.count, chars[i].isWhitespace {
            if chars[i].isNewline { newline = true }
            i += 1
        }
        return newline
    }

    var currentDescription: String { isAtEnd ? "the end" : "'\(chars[i])'" }

    func error(_ message: String, at position: Int? = nil) -> FormatError {
        FormatError(.invalidSchema, message, position: (position ?? i) + 1)
    }
}
