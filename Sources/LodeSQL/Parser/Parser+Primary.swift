extension Parser {
    /// Parses literals, names, calls, parenthesized expressions and the keyword-led forms
    /// (`CASE`, `CAST`, `EXISTS`, `INTERVAL`, `EXTRACT`, ...).
    mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .integer:
            advance()
            return .literal(.integer(token.text))
        case .decimal:
            advance()
            return .literal(.decimal(token.text))
        case .float:
            advance()
            return .literal(.float(token.text))
        case .string:
            advance()
            return .literal(.string(token.value))
        case .parameter:
            advance()
            return .parameter(token.text)
        case .symbol:
            return try parseSymbolPrimary()
        case .keyword:
            return try parseKeywordPrimary()
        case .identifier, .quotedIdentifier:
            return try parseNamePrimary()
        case .end:
            throw unexpected("expected an expression")
        }
    }

    private mutating func parseSymbolPrimary() throws -> Expression {
        if consume(symbol: "*") { return .star(qualifier: nil) }
        if consume(symbol: "(") {
            if let query = try parseParenthesizedQueryIfPresent() {
                return .subquery(query)
            }
            let inner = try parseExpression()
            try expect(symbol: ")", "to close the parenthesized expression")
            return inner
        }
        if consume(symbol: "[") {
            var elements: [Expression] = []
            if !current.isSymbol("]") { elements = try parseCommaList { try $0.parseExpression() } }
            try expect(symbol: "]", "after the list elements")
            return .list(elements)
        }
        throw unexpected("expected an expression")
    }

    private mutating func parseKeywordPrimary() throws -> Expression {
        let token = current
        switch token.value {
        case "null":
            advance()
            return .literal(.null)
        case "true":
            advance()
            return .literal(.boolean(true))
        case "false":
            advance()
            return .literal(.boolean(false))
        case "case":
            return try parseCase()
        case "cast", "try_cast":
            advance()
            try expect(symbol: "(", "after \(token.text.uppercased())")
            let value = try parseExpression()
            try expect("as", "before the target type of the cast")
            let type = try parseDataType()
            try expect(symbol: ")", "after the target type of the cast")
            return .cast(value, type, style: token.value == "cast" ? .cast : .tryCast)
        case "exists":
            advance()
            return try parseExists(negated: false)
        case "not":
            advance()
            guard consume("exists") else { throw unexpected("expected EXISTS after NOT") }
            return try parseExists(negated: true)
        case "interval":
            advance()
            return try parseInterval()
        case "current_date", "current_time", "current_timestamp":
            advance()
            if current.isSymbol("("), peek().isSymbol(")") {
                advance()
                advance()
            }
            return .function(FunctionCall(name: QualifiedName([Identifier(token.text, location: token.location)]), arguments: []))
        case "left", "right":
            guard peek().isSymbol("(") else { break }
            advance()
            return try parseFunctionCall(QualifiedName([Identifier(token.text, location: token.location)]))
        default:
            break
        }
        throw unexpected("expected an expression")
    }

    private mutating func parseExists(negated: Bool) throws -> Expression {
        try expect(symbol: "(", "after EXISTS")
        let query = try parseQuery()
        try expect(symbol: ")", "after the EXISTS subquery")
        return .exists(query, negated: negated)
    }

    private mutating func parseInterval() throws -> Expression {
        let value: String
        switch current.kind {
        case .string, .integer, .decimal:
            value = current.value
            advance()
        default:
            throw unexpected("expected a quoted interval value after INTERVAL")
        }
        let units: Set<String> = [
            "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
            "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
            "microsecond", "microseconds", "quarter", "quarters",
        ]
        if current.kind == .identifier, units.contains(current.value) {
            let unit = current.value
            advance()
            return .literal(.interval(value, unit: unit))
        }
        return .literal(.interval(value, unit: nil))
    }

    private mutating func parseCase() throws -> Expression {
        advance()
        var operand: Expression?
        if !current.isWord("when"), !current.isWord("end") { operand = try parseExpression() }
        var branches: [WhenBranch] = []
        while consume("when") {
            let condition = try parseExpression()
            try expect("then", "after the WHEN condition")
            branches.append(WhenBranch(condition: condition, result: try parseExpression()))
        }
        if branches.isEmpty { throw unexpected("expected WHEN in CASE") }
        var otherwise: Expression?
        if consume("else") { otherwise = try parseExpression() }
        try expect("end", "to close CASE")
        return .caseWhen(operand: operand, branches: branches, otherwise: otherwise)
    }

    private static let typedLiteralNames: Set<String> = ["date", "time", "timestamp", "timestamptz"]

    private mutating func parseNamePrimary() throws -> Expression {
        let token = current
        if token.kind == .identifier {
            if Self.typedLiteralNames.contains(token.value), peek().kind == .string {
                advance()
                let value = current.value
                advance()
                return .literal(.typed(.named(token.value), value))
            }
            if token.value == "timestamp", peek().isWord("with") || peek().isWord("without") {
                let type = try parseDataType()
                guard current.kind == .string else { throw unexpected("expected a quoted timestamp after the type") }
                let value = current.value
                advance()
                return .literal(.typed(type, value))
            }
            if token.value == "extract", peek().isSymbol("(") {
                return try parseExtract()
            }
            if token.value == "substring", peek().isSymbol("("), isSubstringWithKeywords() {
                return try parseSubstring()
            }
            if token.value == "trim", peek().isSymbol("("), isTrimWithKeywords() {
                return try parseTrimWithKeywords()
            }
            if token.value == "position", peek().isSymbol("("), isPositionWithIn() {
                return try parsePositionWithIn()
            }
        }
        var parts = [try parseIdentifier("a name")]
        while current.isSymbol(".") {
            advance()
            if consume(symbol: "*") { return .star(qualifier: QualifiedName(parts)) }
            parts.append(try parseIdentifier("a name after '.'"))
        }
        let name = QualifiedName(parts)
        if current.isSymbol("(") { return try parseFunctionCall(name) }
        return .column(name)
    }

    private mutating func parseExtract() throws -> Expression {
        advance()
        advance()
        let field: String
        switch current.kind {
        case .identifier, .keyword, .string:
            field = current.value.lowercased()
            advance()
        default:
            throw unexpected("expected a date part such as YEAR in EXTRACT")
        }
        try expect("from", "after the EXTRACT field")
        let value = try parseExpression()
        try expect(symbol: ")", "to close EXTRACT")
        return .extract(field: field, value)
    }

    /// True when the `SUBSTRING(` at the cursor uses the `FROM`/`FOR` form.
    private func isSubstringWithKeywords() -> Bool { argumentsUseKeyword(["from", "for"]) }

    private mutating func parseSubstring() throws -> Expression {
        advance()
        advance()
        let value = try parseExpression()
        var start: Expression?
        var length: Expression?
        if consume("from") { start = try parseExpression() }
        if consume("for") { length = try parseExpression() }
        try expect(symbol: ")", "to close SUBSTRING")
        return .substring(value, from: start, for: length)
    }
}
