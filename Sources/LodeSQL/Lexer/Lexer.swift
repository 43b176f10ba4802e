/// Splits SQL text into tokens.
///
/// ```swift
/// let tokens = try Lexer(sql: "select a from t -- all of it").tokenize()
/// ```
/// Comments (`-- ...` and nestable `/* ... */`) and white space are skipped. The last token
/// is always `.end`.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    public init(sql: String) {
        self.bytes = Array(sql.utf8)
    }

    /// Returns every token of the input, ending with a `.end` token.
    public mutating func tokenize() throws -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: index) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let position = index + ahead
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func error(_ message: String, at location: SourceLocation, token: String? = nil) -> SQLError {
        SQLError(kind: .lexical, message: message, location: location, token: token)
    }

    private mutating func skipTrivia() throws {
        while let byte = peek() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                advance()
            } else if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                while let c = peek(), c != 0x0A { advance() }
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = location
                advance(); advance()
                var depth = 1
                while depth > 0 {
                    guard let c = peek() else {
                        throw error("unterminated comment starting here", at: start, token: "/*")
                    }
                    if c == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        advance(); advance(); depth -= 1
                    } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                        advance(); advance(); depth += 1
                    } else {
                        advance()
                    }
                }
            } else {
                return
            }
        }
    }

    private mutating func next() throws -> Token {
        try skipTrivia()
        let start = location
        guard let byte = peek() else {
            return Token(kind: .end, text: "", value: "", location: start)
        }
        if (byte == UInt8(ascii: "E") || byte == UInt8(ascii: "e")), peek(1) == UInt8(ascii: "'") {
            advance()
            let value = try quoted(quote: UInt8(ascii: "'"), start: start, backslashEscapes: true)
            return Token(kind: .string, text: text(from: start.offset), value: value, location: start)
        }
        if isIdentifierStart(byte) {
            while let c = peek(), isIdentifierPart(c) { advance() }
            let spelling = text(from: start.offset)
            let lowered = spelling.lowercased()
            let kind: Token.Kind = Keywords.reserved.contains(lowered) ? .keyword : .identifier
            return Token(kind: kind, text: spelling, value: lowered, location: start)
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
            return try number(start: start)
        }
        switch byte {
        case UInt8(ascii: "'"):
            let value = try quoted(quote: byte, start: start, backslashEscapes: false)
            return Token(kind: .string, text: text(from: start.offset), value: value, location: start)
        case UInt8(ascii: "\""):
            let value = try quoted(quote: byte, start: start, backslashEscapes: false)
            if value.isEmpty {
                throw error("empty quoted identifier", at: start, token: text(from: start.offset))
            }
            return Token(kind: .quotedIdentifier, text: text(from: start.offset), value: value, location: start)
        case UInt8(ascii: "$"):
            advance()
            guard let c = peek(), isDigit(c) else {
                throw error("expected a parameter number after '$'", at: start, token: "$")
            }
            while let c = peek(), isDigit(c) { advance() }
            let spelling = text(from: start.offset)
            return Token(kind: .parameter, text: spelling, value: spelling, location: start)
        case UInt8(ascii: "?"):
            advance()
            return Token(kind: .parameter, text: "?", value: "?", location: start)
        default:
            return try symbol(start: start)
        }
    }

    private static let twoCharacterSymbols: Set<String> = ["||", "<>", "!=", "<=", ">=", "::", "=>", "//"]
    private static let oneCharacterSymbols: Set<UInt8> = Set("+-*/%=<>(),.;[]:{}".utf8)

    private mutating func symbol(start: SourceLocation) throws -> Token {
        if let first = peek(), let second = peek(1) {
            let pair = String(decoding: [first, second], as: UTF8.self)
            if Self.twoCharacterSymbols.contains(pair) {
                advance(); advance()
                return Token(kind: .symbol, text: pair, value: pair, location: start)
            }
        }
        guard let byte = peek(), Self.oneCharacterSymbols.contains(byte) else {
            let character = String(String(decoding: bytes[index...].prefix(4), as: UTF8.self).prefix(1))
            throw error("unexpected character '\(character)'", at: start, token: character)
        }
        advance()
        let spelling = String(decoding: [byte], as: UTF8.self)
        return Token(kind: .symbol, text: spelling, value: spelling, location: start)
    }

    private mutating func number(start: SourceLocation) throws -> Token {
        var kind = Token.Kind.integer
        while let c = peek(), isDigit(c) { advance() }
        if peek() == UInt8(ascii: "."), !(peek(1).map(isIdentifierStart) ?? false) {
            kind = .decimal
            advance()
            while let c = peek(), isDigit(c) { advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var ahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { ahead = 2 }
            if let digit = peek(ahead), isDigit(digit) {
                kind = .float
                for _ in 0..<ahead { advance() }
                while let c = peek(), isDigit(c) { advance() }
            }
        }
        if let c = peek(), isIdentifierStart(c) {
            while let c = peek(), isIdentifierPart(c) { advance() }
            let spelling = text(from: start.offset)
            throw error("invalid number '\(spelling)'", at: start, token: spelling)
        }
        let spelling = text(from: start.offset)
        return Token(kind: kind, text: spelling, value: spelling, location: start)
    }

    /// Reads a quoted run starting at the opening quote; a doubled quote stands for one.
    private mutating func quoted(quote: UInt8, start: SourceLocation, backslashEscapes: Bool) throws -> String {
        advance()
        var value: [UInt8] = []
        while true {
            guard let c = peek() else {
                let what = quote == UInt8(ascii: "'") ? "string" : "quoted identifier"
                throw error("unterminated \(what) starting here", at: start, token: text(from: start.offset))
            }
            if c == quote {
                if peek(1) == quote {
                    value.append(quote)
                    advance(); advance()
                    continue
                }
                advance()
                return String(decoding: value, as: UTF8.self)
            }
            if backslashEscapes, c == UInt8(ascii: "\\"), let escaped = peek(1) {
                advance(); advance()
                switch escaped {
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                case UInt8(ascii: "r"): value.append(0x0D)
                case UInt8(ascii: "0"): value.append(0x00)
                default: value.append(escaped)
                }
                continue
            }
            value.append(c)
            advance()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    private func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
    }
}
