/// LodeSQL turns SQL text into a syntax tree.
///
/// It owns the lexer (`Lexer`, `Token`), the abstract syntax tree (`Statement`, `Query`,
/// `Expression`, ...), the parser (`Parser`) and a printer that renders the tree back to SQL.
/// It knows nothing about catalogs, types of columns or execution: resolving names and
/// planning belong to the layers above, and parsing never needs them.
public enum SQL {
    /// Parses one statement; a trailing `;` is allowed.
    public static func parseStatement(_ sql: String) throws -> Statement {
        var parser = try Parser(sql: sql)
        return try parser.parseSingleStatement()
    }

    /// Parses a script of statements separated by `;`; empty statements are skipped.
    public static func parseScript(_ sql: String) throws -> [Statement] {
        var parser = try Parser(sql: sql)
        return try parser.parseScript()
    }

    /// Parses a standalone expression such as `a + 1 > b`.
    public static func parseExpression(_ sql: String) throws -> Expression {
        var parser = try Parser(sql: sql)
        return try parser.parseStandaloneExpression()
    }
}
