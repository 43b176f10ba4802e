import LodeCore

/// How a ``CSVReader`` reads a file. Set fields directly or chain ``with(_:_:)``:
///
/// ```swift
/// let options = CSVReadOptions()
///     .with(\.delimiter, ";")
///     .with(\.nullValues, ["", "NULL"])
///     .with(\.onBadRow, .collect)
/// ```
public struct CSVReadOptions: Sendable {
    /// The field separator, one ASCII character (`,`, `;`, `\t`, `|`).
    public var delimiter: Character = ","
    /// The quote character, or `nil` when fields are never quoted.
    public var quote: Character? = "\""
    /// An escape character inside fields (`\`); `nil` for RFC 4180, where a quote
    /// inside a quoted field is written twice.
    public var escape: Character? = nil
    /// Whether the first row names the columns. Without one, columns are named
    /// `column0`, `column1`, ….
    public var hasHeader = true
    /// Unquoted texts read as null. `""` makes an empty unquoted field null; a quoted
    /// field (`""`, `"NULL"`) in a string column is always a value. In other columns an
    /// empty field is always null.
    public var nullValues: [String] = [""]
    /// strftime-style format of dates (see ``DateTimeFormat``); `nil` for ISO `YYYY-MM-DD`.
    public var dateFormat: String? = nil
    /// strftime-style format of timestamps; `nil` for ISO-8601 (`YYYY-MM-DD HH:MM:SS[.f]`,
    /// `T` or space, optional zone).
    public var timestampFormat: String? = nil
    /// How binary columns are spelled.
    public var binaryEncoding: BinaryTextEncoding = .base64
    /// The schema to read into, applied to the columns by position (a header row is
    /// then skipped); `nil` to infer it from the first ``inferenceRows`` rows.
    public var schema: Schema? = nil
    /// Rows sampled to infer the schema.
    public var inferenceRows = LodeFormats.defaultInferenceRows
    /// The unit of inferred timestamp columns.
    public var timestampUnit: TimeUnit = .microsecond
    /// Rows per batch.
    public var batchSize = LodeFormats.defaultBatchSize
    /// What to do with a row that does not parse.
    public var onBadRow: BadRowPolicy = .fail
    /// With ``BadRowPolicy/skip`` or ``BadRowPolicy/collect``, fail once more than this
    /// many rows were bad; `nil` for no limit.
    public var maxBadRows: Int? = nil
    /// Lines to skip before the header (or the first row).
    public var skipLines = 0
    /// Whether empty lines are skipped (rather than read as a row of one null field).
    public var skipEmptyLines = true
    /// The longest row accepted; a longer one (an unbalanced quote, usually) is a bad row.
    public var maxRowBytes = 16 << 20
    /// Bytes read from the file at a time.
    public var chunkSize = 1 << 20

    public init() {}

    /// A copy with `keyPath` set to `value`.
    public func with<Value>(_ keyPath: WritableKeyPath<CSVReadOptions, Value>, _ value: Value) -> CSVReadOptions {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }
}

/// How a ``CSVWriter`` writes a file.
///
/// Fields are quoted only when needed: when they hold the delimiter, the quote, CR or
/// LF, start or end with a space, are empty strings (so they differ from null), or
/// equal ``nullText``. Dates are `YYYY-MM-DD`, timestamps
/// `YYYY-MM-DDTHH:MM:SS.ffffff` (3/6/9 digits by unit, `Z` for UTC), decimals exact,
/// floats the shortest text that reads back, `NaN`/`Infinity`/`-Infinity`, binary in
/// ``binaryEncoding`` (base64 by default), nested values as JSON text.
public struct CSVWriteOptions: Sendable {
    public var delimiter: Character = ","
    public var quote: Character = "\""
    /// Whether the first line names the columns.
    public var writeHeader = true
    /// The text of a null value.
    public var nullText = ""
    /// The line terminator, `"\n"` or `"\r\n"`.
    public var lineTerminator = "\n"
    public var binaryEncoding: BinaryTextEncoding = .base64

    public init() {}

    /// A copy with `keyPath` set to `value`.
    public func with<Value>(_ keyPath: WritableKeyPath<CSVWriteOptions, Value>, _ value: Value) -> CSVWriteOptions {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }
}

/// `character` as one ASCII byte, or an ``FormatError`` naming the option.
func asciiByte(_ character: Character, option: String) throws -> UInt8 {
    guard let byte = character.asciiValue, character != "\r\n" else {
        throw FormatError(.invalidArgument, "\(option) must be one ASCII character, got '\(character)'")
    }
    return byte
}
