extension Parser {
    /// Multi-word type names, keyed by their first word, longest first.
    private static let multiWordTypes: [String: [[String]]] = [
        "double": [["double", "precision"]],
        "character": [["character", "varying"]],
        "timestamp": [["timestamp", "with", "time", "zone"], ["timestamp", "without", "time", "zone"]],
        "time": [["time", "with", "time", "zone"], ["time", "without", "time", "zone"]],
    ]

    /// Parses a type name: `INTEGER`, `DECIMAL(15,2)`, `VARCHAR(20)`, `DOUBLE PRECISION`,
    /// `TIMESTAMP WITH TIME ZONE`, `INT[]`, `LIST(INT)`, `STRUCT(a INT)`, `MAP(K, V)`.
    mutating func parseDataType() throws -> DataTypeName {
        try nested { parser in
            var type = try parser.parseBaseDataType()
            while parser.current.isSymbol("["), parser.peek().isSymbol("]") {
                parser.advance()
                parser.advance()
                type = .list(type)
            }
            return type
        }
    }

    private mutating func parseBaseDataType() throws -> DataTypeName {
        guard current.kind == .identifier || current.kind == .quotedIdentifier else {
            throw unexpected("expected a type name")
        }
        let first = current.value
        var words = [first]
        var matched = false
        for candidate in Self.multiWordTypes[first] ?? [] where consume(words: candidate) {
            words = candidate
            matched = true
            break
        }
        if !matched { advance() }
        let name = words.joined(separator: " ")
        switch name {
        case "list" where current.isSymbol("("):
            advance()
            let element = try parseDataType()
            try expect(symbol: ")", "after the list element type")
            return .list(element)
        case "map" where current.isSymbol("("):
            advance()
            let key = try parseDataType()
            try expect(symbol: ",", "between the map key and value types")
            let value = try parseDataType()
            try expect(symbol: ")", "after the map value type")
            return .map(key: key, value: value)
        case "struct" where current.isSymbol("("), "row" where current.isSymbol("("):
            advance()
            let fields = try parseCommaList { parser in
                DataTypeName.StructField(name: try parser.parseIdentifier("a field name"), type: try parser.parseDataType())
            }
            try expect(symbol: ")", "after the struct fields")
            return .structure(fields)
        default:
            break
        }
        var parameters: [String] = []
        if consume(symbol: "(") {
            parameters = try parseCommaList { parser in
                let token = parser.current
                guard token.kind == .integer else { throw parser.unexpected("expected an integer type modifier") }
                parser.advance()
                return token.text
            }
            try expect(symbol: ")", "after the type modifiers")
        }
        return .named(name, parameters: parameters)
    }
}
