import LodeCore

/// How the rows of a JSON file are laid out.
public enum JSONFormat: String, Sendable, Hashable, CaseIterable {
    /// One JSON object per line (NDJSON, JSON Lines).
    case newlineDelimited = "newline_delimited"
    /// One JSON array whose elements are the rows, spread over any number of lines.
    case array
    /// An array when the first non-whitespace byte (after any UTF-8 byte order mark)
    /// is `[`, else newline-delimited.
    case auto
}

/// How an ``NDJSONReader`` reads a file. Set fields directly or chain ``with(_:_:)``.
public struct NDJSONReadOptions: Sendable {
    /// How rows are laid out in the file.
    public var format: JSONFormat = .auto
    /// The schema to read into; `nil` to infer it from the first ``inferenceRows``
    /// rows (see ``JSONTypeNode``).
    public var schema: Schema? = nil
    /// Rows sampled to infer the schema.
    public var inferenceRows = LodeFormats.defaultInferenceRows
    /// Rows per batch.
    public var batchSize = LodeFormats.defaultBatchSize
    /// What to do with a row that does not parse.
    public var onBadRow: BadRowPolicy = .fail
    /// With ``BadRowPolicy/skip`` or ``BadRowPolicy/collect``, fail once more than this
    /// many rows were bad; `nil` for no limit.
    public var maxBadRows: Int? = nil
    /// Whether an object key the schema lacks makes the row bad; by default such keys
    /// are ignored.
    public var rejectUnknownKeys = false
    /// strftime-style format of date strings; `nil` for ISO `YYYY-MM-DD`.
    public var dateFormat: String? = nil
    /// strftime-style format of timestamp strings; `nil` for ISO-8601 with optional zone.
    public var timestampFormat: String? = nil
    /// How binary values are spelled in strings.
    public var binaryEncoding: BinaryTextEncoding = .base64
    /// The longest line (or array element) accepted; a longer one is a bad row.
    public var maxRowBytes = 16 << 20
    /// Bytes read from the file at a time.
    public var chunkSize = 1 << 20

    public init() {}

    /// A copy with `keyPath` set to `value`.
    public func with<Value>(_ keyPath: WritableKeyPath<NDJSONReadOptions, Value>, _ value: Value) -> NDJSONReadOptions {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }
}

/// How an ``NDJSONWriter`` writes a file. The representation itself is fixed (see
/// ``NDJSONWriter``); only the line terminator may change.
public struct NDJSONWriteOptions: Sendable {
    /// `"\n"` or `"\r\n"`.
    public var lineTerminator = "\n"

    public init() {}

    public func with<Value>(_ keyPath: WritableKeyPath<NDJSONWriteOptions, Value>, _ value: Value) -> NDJSONWriteOptions {
        var copy = self
        copy[keyPath: keyPath] = value
        return copy
    }
}
