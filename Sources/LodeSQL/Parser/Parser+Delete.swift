extension Parser {
    /// `DELETE FROM name [[AS] alias] [WHERE condition]`.
    mutating func parseDelete() throws -> Delete {
        try expect("delete", "")
        try expect("from", "after DELETE")
        var delete = Delete(table: try parseQualifiedName("a table name"))
        if consume("as") || atName { delete.alias = try parseIdentifier("an alias") }
        if consume("where") { delete.whereClause = try parseExpression() }
        return delete
    }
}
