extension Parser {
    /// `UPDATE name [[AS] alias] SET column = value, ... [FROM ...] [WHERE condition]`.
    mutating func parseUpdate() throws -> Update {
        try expect("update", "")
        let table = try parseQualifiedName("a table name")
        var alias: Identifier?
        if consume("as") || atName { alias = try parseIdentifier("an alias") }
        try expect("set", "after the table to update")
        var update = Update(table: table, alias: alias, assignments: try parseAssignments())
        if consume("from") { update.from = try parseCommaList { try $0.parseTableReference() } }
        if consume("where") { update.whereClause = try parseExpression() }
        return update
    }

    /// `column = value, ...`; a qualified target keeps only its column name.
    mutating func parseAssignments() throws -> [Assignment] {
        try parseCommaList { parser in
            let name = try parser.parseQualifiedName("a column name")
            try parser.expect(symbol: "=", "after the column to assign")
            guard let column = name.base else { throw parser.unexpected("expected a column name") }
            return Assignment(column: column, value: try parser.parseExpression())
        }
    }
}
