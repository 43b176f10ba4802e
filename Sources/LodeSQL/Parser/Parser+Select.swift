extension Parser {
    /// Parses what follows `SELECT`: the list and the `FROM` ... `WINDOW` clauses.
    mutating func parseSelectCore() throws -> SelectCore {
        var core = SelectCore(items: [])
        if consume("distinct") {
            core.isDistinct = true
            if consume("on") {
                try expect(symbol: "(", "after DISTINCT ON")
                core.distinctOn = try parseCommaList { try $0.parseExpression() }
                try expect(symbol: ")", "after the DISTINCT ON expressions")
            }
        } else {
            consume("all")
        }
        core.items = try parseCommaList { try $0.parseSelectItem() }
        if consume("from") {
            core.from = try parseCommaList { try $0.parseTableReference() }
        }
        if consume("where") { core.whereClause = try parseExpression() }
        if consume(words: ["group", "by"]) {
            if current.isWord("all"), !peek().isSymbol("(") {
                advance()
                core.groupBy = [.all]
            } else {
                core.groupBy = try parseCommaList { try $0.parseGroupingElement() }
            }
        }
        if consume("having") { core.having = try parseExpression() }
        if consume("window") {
            core.windows = try parseCommaList { parser in
                let name = try parser.parseIdentifier("a window name")
                try parser.expect("as", "after the window name")
                try parser.expect(symbol: "(", "before the window specification")
                let specification = try parser.parseWindowSpecification()
                try parser.expect(symbol: ")", "after the window specification")
                return NamedWindow(name: name, specification: specification)
            }
        }
        if consume("qualify") { core.qualify = try parseExpression() }
        return core
    }

    private mutating func parseSelectItem() throws -> SelectItem {
        let expression = try parseExpression()
        if consume("as") {
            return SelectItem(expression, alias: try parseIdentifier("an alias after AS"))
        }
        if atName, !expression.isStar {
            return SelectItem(expression, alias: try parseIdentifier("an alias"))
        }
        return SelectItem(expression)
    }

    private mutating func parseGroupingElement() throws -> GroupingElement {
        if current.isWord("rollup"), peek().isSymbol("(") {
            advance()
            return .rollup(try parseParenthesizedExpressions("ROLLUP"))
        }
        if current.isWord("cube"), peek().isSymbol("(") {
            advance()
            return .cube(try parseParenthesizedExpressions("CUBE"))
        }
        if consume(words: ["grouping", "sets"]) {
            try expect(symbol: "(", "after GROUPING SETS")
            let sets = try parseCommaList { parser -> [Expression] in
                if parser.current.isSymbol("(") {
                    return try parser.parseParenthesizedExpressions("the grouping set", allowEmpty: true)
                }
                return [try parser.parseExpression()]
            }
            try expect(symbol: ")", "after the grouping sets")
            return .groupingSets(sets)
        }
        return .expression(try parseExpression())
    }

    private mutating func parseParenthesizedExpressions(_ context: String, allowEmpty: Bool = false) throws -> [Expression] {
        try expect(symbol: "(", "after \(context)")
        if allowEmpty, consume(symbol: ")") { return [] }
        let expressions = try parseCommaList { try $0.parseExpression() }
        try expect(symbol: ")", "after the expressions of \(context)")
        return expressions
    }
}
