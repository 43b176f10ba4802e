extension Parser {
    /// `DROP TABLE [IF EXISTS] name, ...`.
    mutating func parseDropTable() throws -> DropTable {
        try expect("drop", "")
        try expect("table", "after DROP (only DROP TABLE is supported)")
        let ifExists = consume(words: ["if", "exists"])
        return DropTable(ifExists: ifExists, names: try parseCommaList { try $0.parseQualifiedName("a table name") })
    }
}
