extension Parser {
    /// `INSERT INTO name [(columns)] query | VALUES (...), ...`.
    mutating func parseInsert() throws -> Insert {
        try expect("insert", "")
        try expect("into", "after INSERT")
        let table = try parseQualifiedName("a table name")
        var columns: [Identifier] = []
        if current.isSymbol("("), !peek().isWord("select"), !peek().isWord("with"), !peek().isWord("values") {
            columns = try parseIdentifierList("column names")
        }
        guard atQueryStart || current.isSymbol("(") else {
            throw unexpected("expected VALUES or a query after the INSERT target")
        }
        return Insert(table: table, columns: columns, source: try parseQuery())
    }
}
