extension Parser {
    /// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name (columns) | AS query`.
    mutating func parseCreateTable() throws -> CreateTable {
        try expect("create", "")
        let orReplace = consume(words: ["or", "replace"])
        try expect("table", "after CREATE (only CREATE TABLE is supported)")
        let ifNotExists = consume(words: ["if", "not", "exists"])
        var create = CreateTable(orReplace: orReplace, ifNotExists: ifNotExists, name: try parseQualifiedName("a table name"))
        if current.isSymbol("("), !peek().isWord("select"), !peek().isWord("with") {
            advance()
            create.columns = try parseCommaList { try $0.parseColumnDefinition() }
            try expect(symbol: ")", "after the column definitions")
        }
        if consume("as") {
            create.query = try parseQuery()
        } else if create.columns.isEmpty {
            throw unexpected("expected '(' with column definitions or AS with a query after the table name")
        }
        return create
    }

    private mutating func parseColumnDefinition() throws -> ColumnDefinition {
        var column = ColumnDefinition(name: try parseIdentifier("a column name"), type: try parseDataType())
        while true {
            if consume(words: ["not", "null"]) {
                column.nullable = false
            } else if consume("null") {
                column.nullable = true
            } else if consume("default") {
                column.defaultValue = try parseExpression()
            } else if consume(words: ["primary", "key"]) {
                column.isPrimaryKey = true
            } else {
                return column
            }
        }
    }
}
