import LodeCore

/// Parses the small SQL condition language of ``PartitionPredicate``: comparisons
/// (`= == != <> < <= > >=`), `IN (…)`, `IS [NOT] NULL`, `AND`, `OR`, `NOT` and
/// parentheses over partition columns and literals (`'text'`, numbers, `TRUE`,
/// `FALSE`, `NULL`, `DATE '…'`, `TIMESTAMP '…'`). Column names may be quoted with
/// `"…"` or `` `…` ``.
struct PredicateParser {
    enum Token: Equatable {
        case identifier(String, quoted: Bool)
        case string(String)
        case number(String)
        case symbol(String)
        case end
    }

    private let text: String
    private let columns: [Field]
    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0

    init(text: String, columns: [Field]) throws {
        self.text = text
        self.columns = columns
        tokens = try Self.tokenize(text)
    }

    mutating func parse() throws -> PartitionPredicate.Node {
        guard tokens.count > 1 else { throw error("the predicate is empty", at: 0) }
        let node = try parseOr()
        guard case .end = current else { throw error("unexpected \(describe(current))", at: offset) }
        return node
    }

    // MARK: Grammar

    private mutating func parseOr() throws -> PartitionPredicate.Node {
        var node = try parseAnd()
        while keyword("OR") { node = .or(node, try parseAnd()) }
        return node
    }

    private mutating func parseAnd() throws -> PartitionPredicate.Node {
        var node = try parseNot()
        while keyword("AND") { node = .and(node, try parseNot()) }
        return node
    }

    private mutating func parseNot() throws -> PartitionPredicate.Node {
        if keyword("NOT") { return .not(try parseNot()) }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> PartitionPredicate.Node {
        if symbol("(") {
            let node = try parseOr()
            guard symbol(")") else { throw error("expected ')' but found \(describe(current))", at: offset) }
            return node
        }
        if keyword("TRUE") { return .constant(true) }
        if keyword("FALSE") { return .constant(false) }
        let columnOffset = offset
        guard case .identifier(let name, _) = current else {
            throw error("expected a partition column but found \(describe(current))", at: offset)
        }
        advance()
        guard let field = columns.first(where: { $0.name == name })
                ?? columns.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            let known = columns.isEmpty ? "the table has no partition columns"
                : "partition columns: " + columns.map(\.name).joined(separator: ", ")
            throw error("'\(name)' is not a partition column (\(known)); only partition predicates are supported",
                        at: columnOffset)
        }
        if keyword("IS") {
            let negated = keyword("NOT")
            guard keyword("NULL") else { throw error("expected NULL after IS", at: offset) }
            return .isNull(column: field.name, negated: negated)
        }
        let negated = keyword("NOT")
        if keyword("IN") {
            guard symbol("(") else { throw error("expected '(' after IN", at: offset) }
            var literals: [Value] = []
            repeat { literals.append(try parseLiteral(for: field)) } while symbol(",")
            guard symbol(")") else { throw error("expected ')' to close the IN list", at: offset) }
            return .isIn(column: field.name, literals: literals, negated: negated)
        }
        if negated { throw error("expected IN after NOT", at: offset) }
        guard case .symbol(let op) = current,
              let comparison = Self.comparison(op) else {
            throw error("expected a comparison (=, !=, <, <=, >, >=, IN, IS NULL) after '\(name)'", at: offset)
        }
        advance()
        let literal = try parseLiteral(for: field)
        if literal.isNull {
            throw error("comparing with NULL is never true; use '\(name) IS NULL'", at: columnOffset)
        }
        return .compare(column: field.name, op: comparison, literal: literal)
    }

    /// A literal read as the type of `field`.
    private mutating func parseLiteral(for field: Field) throws -> Value {
        let literalOffset = offset
        var text: String
        switch current {
        case .string(let s): text = s
        case .number(let n): text = n
        case .symbol("-"):
            advance()
            guard case .number(let n) = current else { throw error("expected a number after '-'", at: offset) }
            text = "-" + n
        case .identifier(let word, quoted: false):
            switch word.uppercased() {
            case "NULL": advance(); return .null
            case "TRUE", "FALSE": text = word.lowercased()
            case "DATE", "TIMESTAMP", "TIMESTAMP_NTZ":
                advance()
                guard case .string(let s) = current else {
                    throw error("expected a quoted value after \(word.uppercased())", at: offset)
                }
                text = s
            default: throw error("expected a literal value for '\(field.name)' but found '\(word)'", at: offset)
            }
        default: throw error("expected a literal value for '\(field.name)' but found \(describe(current))", at: offset)
        }
        advance()
        do {
            let value = try PartitionValue.parse(text, as: field.type, column: field.name)
            if value.isNull, case .string = field.type { return .string("") }
            return value
        } catch {
            throw self.error("'\(text)' is not a valid \(field.type) for partition column '\(field.name)'", at: literalOffset)
        }
    }

    private static func comparison(_ op: String) -> PartitionPredicate.ComparisonOperator? {
        switch op {
        case "=", "==": return .equal
        case "!=", "<>": return .notEqual
        case "<": return .less
        case "<=": return .lessOrEqual
        case ">": return .greater
        case ">=": return .greaterOrEqual
        default: return nil
        }
    }

    // MARK: Tokens

    private var current: Token { tokens[position].token }
    private var offset: Int { tokens[position].offset }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private mutating func keyword(_ word: String) -> Bool {
        if case .identifier(let name, quoted: false) = current, name.uppercased() == word {
            advance()
            return true
        }
        return false
    }

    private mutating func symbol(_ s: String) -> Bool {
        if case .symbol(s) = current {
            advance()
            return true
        }
        return false
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .identifier(let name, _): return "'\(name)'"
        case .string(let s): return "'\(s)'"
        case .number(let n): return n
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the predicate"
        }
    }

    private func error(_ message: String, at offset: Int) -> DeltaError {
        DeltaError(.invalidArgument, "predicate \"\(text)\" at character \(offset + 1): \(message)")
    }

    private static func tokenize(_ text: String) throws -> [(token: Token, offset: Int)] {
        let chars = Array(text)
        var tokens: [(Token, Int)] = []
        var i = 0
        func fail(_ message: String, _ at: Int) -> DeltaError {
            DeltaError(.invalidArgument, "predicate \"\(text)\" at character \(at + 1): \(message)")
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c == "'" || c == "\"" || c == "`" {
                var value = ""
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { value.append(c); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(chars[i])
                    i += 1
                }
                guard closed else { throw fail("unterminated quote \(c)", start) }
                tokens.append((c == "'" ? .string(value) : .identifier(value, quoted: true), start))
            } else if c.isLetter || c == "_" {
                while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") { i += 1 }
                tokens.append((.identifier(String(chars[start..<i]), quoted: false), start))
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                while i < chars.count && (chars[i].isNumber || chars[i] == "." || chars[i] == "e" || chars[i] == "E"
                                          || ((chars[i] == "+" || chars[i] == "-") && (chars[i - 1] == "e" || chars[i - 1] == "E"))) {
                    i += 1
                }
                tokens.append((.number(String(chars[start..<i])), start))
            } else {
                let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
                if ["<=", ">=", "!=", "<>", "=="].contains(two) {
                    tokens.append((.symbol(two), start))
                    i += 2
                } else if "=<>(),-".contains(c) {
                    tokens.append((.symbol(String(c)), start))
                    i += 1
                } else {
                    throw fail("unexpected character '\(c)'", start)
                }
            }
        }
        tokens.append((.end, chars.count))
        return tokens
    }
}
