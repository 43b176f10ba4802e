/// Operator precedence, loosest first:
/// `OR` < `AND` < `NOT` < comparison, `IS`, `IN`, `LIKE`, `BETWEEN` < `||` < `+ -` < `* / %`
/// < unary `- +` < `::`.
extension Parser {
    /// Parses a full expression.
    mutating func parseExpression() throws -> Expression {
        try nested { parser in try parser.parseOr() }
    }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while consume("or") {
            left = .binary(left, .or, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while consume("and") {
            left = .binary(left, .and, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if current.isWord("not"), !peek().isWord("exists") {
            advance()
            return try nested { parser in .unary(.not, try parser.parseNot()) }
        }
        return try parseComparison()
    }

    private static let comparisonOperators: [String: BinaryOperator] = [
        "=": .equal, "<>": .notEqual, "!=": .notEqual, "<": .less, "<=": .lessOrEqual,
        ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func parseComparison() throws -> Expression {
        var left = try parseConcat()
        while true {
            if current.kind == .symbol, let op = Self.comparisonOperators[current.text] {
                advance()
                left = .binary(left, op, try parseConcat())
            } else if current.isWord("is") {
                left = try parseIsPredicate(left)
            } else if current.isWord("not"),
                peek().isWord("in") || peek().isWord("between") || peek().isWord("like") || peek().isWord("ilike") {
                advance()
                left = try parseNegatablePredicate(left, negated: true)
            } else if current.isWord("in") || current.isWord("between") || current.isWord("like") || current.isWord("ilike") {
                left = try parseNegatablePredicate(left, negated: false)
            } else {
                return left
            }
        }
    }

    private mutating func parseIsPredicate(_ left: Expression) throws -> Expression {
        advance()
        let negated = consume("not")
        if consume("null") { return .isNull(left, negated: negated) }
        if consume("true") { return .isBoolean(left, true, negated: negated) }
        if consume("false") { return .isBoolean(left, false, negated: negated) }
        if consume(words: ["distinct", "from"]) {
            return .isDistinctFrom(left, try parseConcat(), negated: negated)
        }
        throw unexpected("expected NULL, TRUE, FALSE or DISTINCT FROM after IS")
    }

    private mutating func parseNegatablePredicate(_ left: Expression, negated: Bool) throws -> Expression {
        if consume("in") {
            try expect(symbol: "(", "after IN")
            if let query = try parseParenthesizedQueryIfPresent() {
                return .inSubquery(left, query, negated: negated)
            }
            let values = try parseCommaList { try $0.parseExpression() }
            try expect(symbol: ")", "after the IN list")
            return .inList(left, values, negated: negated)
        }
        if consume("between") {
            let low = try parseConcat()
            try expect("and", "between the bounds of BETWEEN")
            let high = try parseConcat()
            return .between(left, low: low, high: high, negated: negated)
        }
        let caseInsensitive = current.isWord("ilike")
        advance()
        let pattern = try parseConcat()
        var escape: Expression?
        if consume("escape") { escape = try parseConcat() }
        return .like(left, pattern: pattern, escape: escape, caseInsensitive: caseInsensitive, negated: negated)
    }

    private mutating func parseConcat() throws -> Expression {
        var left = try parseAdditive()
        while consume(symbol: "||") {
            left = .binary(left, .concat, try parseAdditive())
        }
        return left
    }

    private mutating func parseAdditive() throws -> Expression {
        var left = try parseMultiplicative()
        while true {
            if consume(symbol: "+") {
                left = .binary(left, .plus, try parseMultiplicative())
            } else if consume(symbol: "-") {
                left = .binary(left, .minus, try parseMultiplicative())
            } else {
                return left
            }
        }
    }

    private mutating func parseMultiplicative() throws -> Expression {
        var left = try parseUnary()
        while true {
            if consume(symbol: "*") {
                left = .binary(left, .multiply, try parseUnary())
            } else if consume(symbol: "/") {
                left = .binary(left, .divide, try parseUnary())
            } else if consume(symbol: "//") {
                left = .binary(left, .integerDivide, try parseUnary())
            } else if consume(symbol: "%") {
                left = .binary(left, .modulo, try parseUnary())
            } else {
                return left
            }
        }
    }

    private mutating func parseUnary() throws -> Expression {
        if consume(symbol: "-") {
            return try nested { parser in .unary(.minus, try parser.parseUnary()) }
        }
        if consume(symbol: "+") {
            return try nested { parser in .unary(.plus, try parser.parseUnary()) }
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws -> Expression {
        var expression = try parsePrimary()
        while true {
            if consume(symbol: "::") {
                expression = .cast(expression, try parseDataType(), style: .doubleColon)
            } else if current.isSymbol("["), !(expression.isStar) {
                advance()
                let index = try parseExpression()
                try expect(symbol: "]", "after the subscript")
                expression = .function(FunctionCall(
                    name: QualifiedName([Identifier("list_extract")]),
                    arguments: [FunctionArgument(value: expression), FunctionArgument(value: index)]))
            } else {
                return expression
            }
        }
    }

    /// True when the next token starts a query: `SELECT`, `WITH` or `VALUES`.
    var atQueryStart: Bool {
        current.isWord("select") || current.isWord("with") || current.isWord("values")
    }

    /// After an opening `(`, tries to read `query )`; restores the position and returns nil
    /// when the text is not a parenthesized query (`((a + b) * c)`).
    mutating func parseParenthesizedQueryIfPresent() throws -> Query? {
        if atQueryStart {
            let query = try parseQuery()
            try expect(symbol: ")", "after the subquery")
            return query
        }
        guard current.isSymbol("(") else { return nil }
        return attemptParenthesizedQuery()
    }
}

extension Expression {
    var isStar: Bool {
        if case .star = self { return true }
        return false
    }
}
