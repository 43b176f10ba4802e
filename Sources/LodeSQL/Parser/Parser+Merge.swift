extension Parser {
    /// `MERGE INTO target [[AS] alias] USING source ON condition WHEN ... THEN ...`.
    mutating func parseMerge() throws -> Merge {
        try expect("merge", "")
        try expect("into", "after MERGE")
        let target = try parseQualifiedName("a target table name")
        var alias: Identifier?
        if consume("as") || atName { alias = try parseIdentifier("an alias") }
        try expect("using", "after the MERGE target")
        let source = try parseTableReference()
        try expect("on", "after the MERGE source")
        let condition = try parseExpression()
        var clauses: [MergeClause] = []
        while current.isWord("when") { clauses.append(try parseMergeClause()) }
        if clauses.isEmpty { throw unexpected("expected WHEN MATCHED or WHEN NOT MATCHED") }
        return Merge(target: target, targetAlias: alias, source: source, condition: condition, clauses: clauses)
    }

    private mutating func parseMergeClause() throws -> MergeClause {
        try expect("when", "")
        let match: MergeClause.Match
        if consume("matched") {
            match = .matched
        } else if consume(words: ["not", "matched"]) {
            if consume(words: ["by", "source"]) {
                match = .notMatchedBySource
            } else {
                consume(words: ["by", "target"])
                match = .notMatched
            }
        } else {
            throw unexpected("expected MATCHED or NOT MATCHED after WHEN")
        }
        var condition: Expression?
        if consume("and") { condition = try parseExpression() }
        try expect("then", "after the WHEN condition of MERGE")
        return MergeClause(match: match, condition: condition, action: try parseMergeAction(match))
    }

    private mutating func parseMergeAction(_ match: MergeClause.Match) throws -> MergeClause.Action {
        if consume(words: ["do", "nothing"]) { return .doNothing }
        if match != .notMatched {
            if consume("delete") { return .delete }
            if consume("update") {
                try expect("set", "after UPDATE")
                if consume(symbol: "*") { return .updateAll }
                return .update(try parseAssignments())
            }
            throw unexpected("expected UPDATE, DELETE or DO NOTHING")
        }
        guard consume("insert") else { throw unexpected("expected INSERT or DO NOTHING") }
        if consume(symbol: "*") { return .insertAll }
        var columns: [Identifier] = []
        if current.isSymbol("(") { columns = try parseIdentifierList("column names") }
        try expect("values", "in the MERGE INSERT action")
        try expect(symbol: "(", "after VALUES")
        let values = try parseCommaList { try $0.parseExpression() }
        try expect(symbol: ")", "after the inserted values")
        return .insert(columns: columns, values: values)
    }
}
