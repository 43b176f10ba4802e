/// The error thrown by the SQL layer, with the position of the offending text.
///
/// Its description reads like
/// `syntax error at line 3, column 14: expected ')' after the argument list, found 'FROM'`.
public struct SQLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The phase that failed.
    public enum Kind: String, Equatable, Sendable {
        /// The text could not be split into tokens (unterminated string, stray character).
        case lexical
        /// The tokens do not form a valid statement.
        case syntax
    }

    public var kind: Kind
    /// What went wrong, without the position prefix.
    public var message: String
    /// 1-based line of the offending text.
    public var line: Int
    /// 1-based column (in characters) of the offending text.
    public var column: Int
    /// 0-based UTF-8 byte offset of the offending text.
    public var offset: Int
    /// The source spelling of the offending token, if any (empty at end of input).
    public var token: String?

    public init(kind: Kind, message: String, location: SourceLocation, token: String? = nil) {
        self.kind = kind
        self.message = message
        self.line = location.line
        self.column = location.column
        self.offset = location.offset
        self.token = token
    }

    public var description: String {
        "\(kind.rawValue) error at line \(line), column \(column): \(message)"
    }
}
