/// A recursive-descent parser for Lode's SQL dialect.
///
/// ```swift
/// var parser = try Parser(sql: "select 1; select 2")
/// let statements = try parser.parseScript()
/// ```
/// Every failure throws `SQLError` with the line and column of the offending token; nesting
/// deeper than `maximumDepth` is rejected instead of exhausting the stack.
public struct Parser {
    var tokens: [Token]
    var position = 0
    var depth = 0
    /// Token positions where a parenthesized query was tried and failed, shared by the
    /// copies made for backtracking so that each position is tried at most once.
    let failedQueryAttempts = PositionSet()
    /// The deepest nesting of expressions and queries accepted.
    public static let maximumDepth = 200

    public init(sql: String) throws {
        var lexer = Lexer(sql: sql)
        self.tokens = try lexer.tokenize()
    }

    /// Parses statements separated by `;` until the end of the input.
    public mutating func parseScript() throws -> [Statement] {
        var statements: [Statement] = []
        while true {
            while consume(symbol: ";") {}
            if current.kind == .end { return statements }
            statements.append(try parseStatement())
            if current.kind != .end, !current.isSymbol(";") {
                throw unexpected("expected ';' or the end of the input after the statement")
            }
        }
    }

    /// Parses exactly one statement, optionally followed by `;`.
    public mutating func parseSingleStatement() throws -> Statement {
        let statement = try parseStatement()
        while consume(symbol: ";") {}
        if current.kind != .end {
            throw unexpected("expected the end of the input after the statement")
        }
        return statement
    }

    /// Parses one expression that must span the whole input.
    public mutating func parseStandaloneExpression() throws -> Expression {
        let expression = try parseExpression()
        if current.kind != .end {
            throw unexpected("expected the end of the input after the expression")
        }
        return expression
    }

    // MARK: Token stream

    var current: Token { tokens[min(position, tokens.count - 1)] }

    func peek(_ ahead: Int = 1) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// Consumes the word if it is next.
    @discardableResult
    mutating func consume(_ word: String) -> Bool {
        guard current.isWord(word) else { return false }
        advance()
        return true
    }

    /// Consumes the words if they all come next, in order; otherwise consumes nothing.
    @discardableResult
    mutating func consume(words: [String]) -> Bool {
        for (index, word) in words.enumerated() where !peek(index).isWord(word) { return false }
        position += words.count
        return true
    }

    @discardableResult
    mutating func consume(symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expect(_ word: String, _ context: String) throws {
        guard consume(word) else { throw unexpected("expected \(word.uppercased()) \(context)") }
    }

    mutating func expect(symbol: String, _ context: String) throws {
        guard consume(symbol: symbol) else { throw unexpected("expected '\(symbol)' \(context)") }
    }

    /// The error for an unexpected current token: `<message>, found '<token>'`.
    func unexpected(_ message: String) -> SQLError {
        let token = current
        return SQLError(
            kind: .syntax, message: "\(message), found \(token.quotedForMessage)",
            location: token.location, token: token.kind == .end ? nil : token.text)
    }

    /// Runs `body` one level deeper, failing cleanly when the nesting gets too deep.
    mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        guard depth < Parser.maximumDepth else {
            throw SQLError(
                kind: .syntax, message: "nesting deeper than \(Parser.maximumDepth) levels",
                location: current.location, token: current.text)
        }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    /// After an opening `(` (already consumed), tries to read `query )` on a copy of the
    /// parser; on success adopts the copy, otherwise leaves the position unchanged.
    mutating func attemptParenthesizedQuery() -> Query? {
        let start = position
        guard !failedQueryAttempts.contains(start) else { return nil }
        var attempt = self
        if let query = try? attempt.parseQuery(), attempt.consume(symbol: ")") {
            self = attempt
            return query
        }
        failedQueryAttempts.insert(start)
        return nil
    }

    // MARK: Names

    /// True when the current token can serve as a name: an unreserved word or a quoted one.
    var atName: Bool { current.kind == .identifier || current.kind == .quotedIdentifier }

    mutating func parseIdentifier(_ context: String) throws -> Identifier {
        switch current.kind {
        case .identifier:
            let identifier = Identifier(current.text, location: current.location)
            advance()
            return identifier
        case .quotedIdentifier:
            let identifier = Identifier(current.value, quoted: true, location: current.location)
            advance()
            return identifier
        default:
            throw unexpected("expected \(context)")
        }
    }

    mutating func parseQualifiedName(_ context: String) throws -> QualifiedName {
        var parts = [try parseIdentifier(context)]
        while current.isSymbol("."), peek().kind == .identifier || peek().kind == .quotedIdentifier {
            advance()
            parts.append(try parseIdentifier(context))
        }
        return QualifiedName(parts)
    }

    /// `(a, b, c)`: a parenthesized list of names.
    mutating func parseIdentifierList(_ context: String) throws -> [Identifier] {
        try expect(symbol: "(", "before the \(context)")
        var names = [try parseIdentifier(context)]
        while consume(symbol: ",") { names.append(try parseIdentifier(context)) }
        try expect(symbol: ")", "after the \(context)")
        return names
    }

    /// Parses `item (, item)*`.
    mutating func parseCommaList<T>(_ item: (inout Parser) throws -> T) throws -> [T] {
        var items = [try item(&self)]
        while consume(symbol: ",") { items.append(try item(&self)) }
        return items
    }
}

/// A set of token positions with reference semantics.
final class PositionSet {
    private var positions: Set<Int> = []

    func contains(_ position: Int) -> Bool { positions.contains(position) }

    func insert(_ position: Int) { positions.insert(position) }
}
