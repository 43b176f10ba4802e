/// The standard-SQL call forms that separate arguments by keywords, read as plain calls:
/// `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)` as `trim`/`ltrim`/`rtrim(s [, chars])`
/// and `POSITION(needle IN haystack)` as `position(haystack, needle)`.
extension Parser {
    /// True when the `TRIM(` at the cursor uses the keyword form.
    func isTrimWithKeywords() -> Bool {
        let first = peek(2)
        if first.isWord("both") || first.isWord("leading") || first.isWord("trailing") {
            let next = peek(3)
            return !(next.isSymbol(")") || next.isSymbol(","))
        }
        return argumentsUseKeyword(["from"])
    }

    /// Parses `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)` from the `TRIM` name on.
    mutating func parseTrimWithKeywords() throws -> Expression {
        let nameToken = current
        advance()
        advance()
        var name = "trim"
        if consume("leading") {
            name = "ltrim"
        } else if consume("trailing") {
            name = "rtrim"
        } else {
            consume("both")
        }
        var characters: Expression?
        if !current.isWord("from") { characters = try parseExpression() }
        try expect("from", "before the string to trim")
        let value = try parseExpression()
        try expect(symbol: ")", "to close TRIM")
        var arguments = [FunctionArgument(value: value)]
        if let characters { arguments.append(FunctionArgument(value: characters)) }
        return .function(FunctionCall(name: QualifiedName([Identifier(name, location: nameToken.location)]), arguments: arguments))
    }

    /// True when the `POSITION(` at the cursor reads `POSITION(needle IN haystack)`.
    func isPositionWithIn() -> Bool { argumentsUseKeyword(["in"]) }

    /// True when the argument list opening after the function name at the cursor holds one
    /// of `words` at its own level before any comma (`SUBSTRING(s FROM 2)`, `TRIM(x FROM s)`).
    func argumentsUseKeyword(_ words: [String]) -> Bool {
        var level = 0
        var ahead = 1
        while true {
            let token = peek(ahead)
            if token.kind == .end { return false }
            if token.isSymbol("(") { level += 1 }
            if token.isSymbol(")") {
                level -= 1
                if level == 0 { return false }
            }
            if level == 1, words.contains(where: token.isWord) { return true }
            if level == 1, token.isSymbol(",") { return false }
            ahead += 1
        }
    }

    /// Parses `POSITION(needle IN haystack)` from the `POSITION` name on.
    mutating func parsePositionWithIn() throws -> Expression {
        let nameToken = current
        advance()
        advance()
        let needle = try nested { parser in try parser.parseConcat() }
        try expect("in", "between the searched-for string and the string in POSITION")
        let haystack = try parseExpression()
        try expect(symbol: ")", "to close POSITION")
        return .function(FunctionCall(
            name: QualifiedName([Identifier("position", location: nameToken.location)]),
            arguments: [FunctionArgument(value: haystack), FunctionArgument(value: needle)]))
    }
}
