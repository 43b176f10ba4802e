/// An error reading or writing a text format. Carries the file, line and column
/// where they are known, so a message names where the problem is.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A row that does not parse, under ``BadRowPolicy/fail``; ``FormatError/badRow`` holds it.
        case badRow = "bad row"
        /// Too many bad rows under ``BadRowPolicy/skip`` or ``BadRowPolicy/collect``.
        case tooManyBadRows = "too many bad rows"
        /// Schema text that does not parse.
        case invalidSchema = "invalid schema"
        /// A schema or batch that does not match the file or the writer.
        case schemaMismatch = "schema mismatch"
        /// Valid input or a valid type that this format does not read or write.
        case unsupported
        case invalidArgument = "invalid argument"
        case io = "I/O error"
    }

    public var kind: Kind
    public var message: String
    public var file: String?
    /// 1-based line in the file.
    public var line: Int?
    /// The column (field) concerned.
    public var column: String?
    /// 1-based character position in a text being parsed, such as schema text.
    public var position: Int?
    /// The offending row, for ``Kind/badRow``.
    public var badRow: BadRow?

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil,
                column: String? = nil, position: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.position = position
    }

    /// The error raised for `row` under ``BadRowPolicy/fail``.
    public init(badRow row: BadRow) {
        self.init(.badRow, row.reason, file: row.file, line: row.line, column: row.column)
        badRow = row
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let line { location.append("line \(line)") }
        if let column { location.append("column '\(column)'") }
        if let position { location.append("position \(position)") }
        let prefix = location.isEmpty ? "" : location.joined(separator: ", ") + ": "
        return "\(prefix)\(kind.rawValue): \(message)"
    }
}
