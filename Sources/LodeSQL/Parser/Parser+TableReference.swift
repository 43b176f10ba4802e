extension Parser {
    /// Parses one `FROM` entry with the joins that follow it.
    mutating func parseTableReference() throws -> TableReference {
        var left = try parseTablePrimary()
        while true {
            if consume(words: ["cross", "join"]) {
                left = .join(left, .cross, try parseTablePrimary(), .none)
                continue
            }
            let natural = consume("natural")
            let kind: JoinKind
            if consume("join") || consume(words: ["inner", "join"]) {
                kind = .inner
            } else if let outer = parseOuterJoinKind() {
                kind = outer
            } else {
                if natural { throw unexpected("expected JOIN after NATURAL") }
                return left
            }
            let right = try parseTablePrimary()
            if natural {
                left = .join(left, kind, right, .natural)
            } else if consume("on") {
                left = .join(left, kind, right, .on(try parseExpression()))
            } else if consume("using") {
                left = .join(left, kind, right, .using(try parseIdentifierList("USING column names")))
            } else {
                throw unexpected("expected ON or USING after the joined table")
            }
        }
    }

    private mutating func parseOuterJoinKind() -> JoinKind? {
        let kinds: [(String, JoinKind)] = [("left", .left), ("right", .right), ("full", .full)]
        for (word, kind) in kinds where current.isWord(word) {
            if consume(words: [word, "join"]) || consume(words: [word, "outer", "join"]) { return kind }
        }
        return nil
    }

    private mutating func parseTablePrimary() throws -> TableReference {
        try nested { parser in try parser.parseTablePrimaryUnnested() }
    }

    private mutating func parseTablePrimaryUnnested() throws -> TableReference {
        let lateral = consume("lateral")
        if consume(symbol: "(") {
            if atQueryStart || current.isSymbol("("), let query = attemptParenthesizedQuery() {
                return .subquery(query, lateral: lateral, alias: try parseTableAlias())
            }
            if lateral { throw unexpected("expected a subquery after LATERAL") }
            let inner = try parseTableReference()
            try expect(symbol: ")", "after the parenthesized join")
            return inner
        }
        if lateral { throw unexpected("expected '(' after LATERAL") }
        let name = try parseQualifiedName("a table name")
        if current.isSymbol("(") {
            advance()
            var arguments: [FunctionArgument] = []
            if !current.isSymbol(")") { arguments = try parseCommaList { try $0.parseFunctionArgument() } }
            try expect(symbol: ")", "after the argument list")
            return .function(name, arguments: arguments, alias: try parseTableAlias())
        }
        var timeTravel: TimeTravel?
        if consume(words: ["version", "as", "of"]) {
            timeTravel = .version(try parseExpression())
        } else if consume(words: ["timestamp", "as", "of"]) {
            timeTravel = .timestamp(try parseExpression())
        } else if consume(words: ["for", "system_time", "as", "of"]) {
            timeTravel = .timestamp(try parseExpression())
        }
        return .table(name, timeTravel: timeTravel, alias: try parseTableAlias())
    }

    /// `[AS] alias [(columns)]`; nil when no alias follows.
    mutating func parseTableAlias() throws -> TableAlias? {
        let explicit = consume("as")
        guard explicit || atName, !startsTimeTravel else {
            if explicit { throw unexpected("expected an alias after AS") }
            return nil
        }
        let name = try parseIdentifier("an alias")
        var columns: [Identifier] = []
        if current.isSymbol("(") { columns = try parseIdentifierList("column aliases") }
        return TableAlias(name: name, columns: columns)
    }

    private var startsTimeTravel: Bool {
        (current.isWord("version") || current.isWord("timestamp")) && peek().isWord("as") && peek(2).isWord("of")
    }
}
