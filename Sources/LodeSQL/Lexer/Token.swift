/// One lexical unit of SQL text.
public struct Token: Equatable, Sendable, CustomStringConvertible {
    /// The class of a token.
    public enum Kind: Equatable, Sendable {
        /// An unquoted word that is a reserved keyword (`SELECT`, `FROM`, ...).
        case keyword
        /// An unquoted word that is not reserved.
        case identifier
        /// A `"double quoted"` identifier.
        case quotedIdentifier
        /// Digits only: `42`.
        case integer
        /// Digits with a decimal point and no exponent: `0.06`.
        case decimal
        /// A number with an exponent: `1e-3`.
        case float
        /// A `'single quoted'` string, or an `E'...'` string with backslash escapes.
        case string
        /// A positional or anonymous parameter: `$1`, `?`.
        case parameter
        /// An operator or punctuation: `+`, `<=`, `::`, `(`, `,`, `=>`.
        case symbol
        /// The end of the input.
        case end
    }

    public var kind: Kind
    /// The exact source spelling.
    public var text: String
    /// The meaning of the token: lower-cased for unquoted words, unescaped for quoted
    /// identifiers and strings, the spelling otherwise.
    public var value: String
    public var location: SourceLocation

    public init(kind: Kind, text: String, value: String, location: SourceLocation) {
        self.kind = kind
        self.text = text
        self.value = value
        self.location = location
    }

    /// True for an unquoted word (reserved or not) whose lower-cased spelling is `word`.
    func isWord(_ word: String) -> Bool {
        (kind == .keyword || kind == .identifier) && value == word
    }

    /// True for the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }

    /// How the token is shown in error messages.
    var quotedForMessage: String {
        kind == .end ? "end of input" : "'\(text)'"
    }

    public var description: String { text }
}
