extension Parser {
    /// Parses `[WITH ...] body [ORDER BY ...] [LIMIT n] [OFFSET n]`.
    mutating func parseQuery() throws -> Query {
        try nested { parser in
            var with: WithClause?
            if parser.consume("with") {
                let recursive = parser.consume("recursive")
                with = WithClause(isRecursive: recursive, tables: try parser.parseCommaList { try $0.parseCommonTableExpression() })
            }
            var query = Query(with: with, body: try parser.parseSetOperations(minimumPrecedence: 0))
            if parser.consume(words: ["order", "by"]) {
                query.orderBy = try parser.parseCommaList { try $0.parseOrderItem() }
            }
            while true {
                if query.limit == nil, parser.consume("limit") {
                    query.limit = parser.consume("all") ? nil : try parser.parseExpression()
                } else if query.offset == nil, parser.consume("offset") {
                    query.offset = try parser.parseExpression()
                    if !parser.consume("rows") { parser.consume("row") }
                } else {
                    break
                }
            }
            return query
        }
    }

    private mutating func parseCommonTableExpression() throws -> CommonTableExpression {
        let name = try parseIdentifier("a name for the WITH query")
        var columns: [Identifier] = []
        if current.isSymbol("(") { columns = try parseIdentifierList("column names of the WITH query") }
        try expect("as", "after the name of the WITH query")
        consume(words: ["not", "materialized"])
        consume("materialized")
        try expect(symbol: "(", "before the WITH query")
        let query = try parseQuery()
        try expect(symbol: ")", "after the WITH query")
        return CommonTableExpression(name: name, columns: columns, query: query)
    }

    private static func setOperator(_ token: Token) -> (SetOperator, precedence: Int)? {
        guard token.kind == .keyword else { return nil }
        switch token.value {
        case "union": return (.union, 1)
        case "except": return (.except, 1)
        case "intersect": return (.intersect, 2)
        default: return nil
        }
    }

    /// Set operations by precedence climbing: `INTERSECT` binds tighter than `UNION`/`EXCEPT`.
    private mutating func parseSetOperations(minimumPrecedence: Int) throws -> QueryBody {
        var left = try parseQueryTerm()
        while let (op, precedence) = Self.setOperator(current), precedence > minimumPrecedence {
            advance()
            let all = consume("all")
            if !all { consume("distinct") }
            let right = try nested { parser in try parser.parseSetOperations(minimumPrecedence: precedence) }
            left = .setOperation(op, all: all, left, right)
        }
        return left
    }

    private mutating func parseQueryTerm() throws -> QueryBody {
        if consume("select") { return .select(try parseSelectCore()) }
        if consume("values") {
            return .values(try parseCommaList { parser in
                try parser.expect(symbol: "(", "before the row values")
                let row = try parser.parseCommaList { try $0.parseExpression() }
                try parser.expect(symbol: ")", "after the row values")
                return row
            })
        }
        if consume(symbol: "(") {
            let query = try parseQuery()
            try expect(symbol: ")", "after the parenthesized query")
            if query.with == nil, query.orderBy.isEmpty, query.limit == nil, query.offset == nil {
                if case .setOperation = query.body { return .nested(query) }
                return query.body
            }
            return .nested(query)
        }
        throw unexpected("expected SELECT, VALUES or '(' to start a query")
    }
}
