extension Parser {
    /// Parses one statement, dispatching on its first word.
    mutating func parseStatement() throws -> Statement {
        try nested { parser in
            let token = parser.current
            if token.isWord("select") || token.isWord("with") || token.isWord("values") || token.isSymbol("(") {
                return .query(try parser.parseQuery())
            }
            if token.isWord("create") { return .createTable(try parser.parseCreateTable()) }
            if token.isWord("insert") { return .insert(try parser.parseInsert()) }
            if token.isWord("update") { return .update(try parser.parseUpdate()) }
            if token.isWord("delete") { return .delete(try parser.parseDelete()) }
            if token.isWord("merge") { return .merge(try parser.parseMerge()) }
            if token.isWord("drop") { return .dropTable(try parser.parseDropTable()) }
            if token.isWord("copy") { return .copy(try parser.parseCopy()) }
            if token.isWord("explain") {
                parser.advance()
                let analyze = parser.consume("analyze")
                return .explain(try parser.parseStatement(), analyze: analyze)
            }
            throw parser.unexpected("expected a statement (SELECT, WITH, CREATE, INSERT, UPDATE, DELETE, MERGE, DROP, COPY or EXPLAIN)")
        }
    }
}
