import LodeCore

/// Writes ``RecordBatch``es as newline-delimited JSON, one object per row, in a
/// canonical form that other tools' output can be compared with byte for byte.
///
/// Keys are the field names in schema order, with no spaces. Values: null → `null`;
/// boolean → `true`/`false`; integers → numbers; floats → the shortest number that
/// reads back (as Python's `repr`), NaN and ±infinity as the strings `"NaN"`,
/// `"Infinity"`, `"-Infinity"`; decimals → strings with exactly `scale` fraction
/// digits (`"-12.50"`); strings → JSON strings (`"` `\` escaped, control characters as
/// `\n` `\r` `\t` `\b` `\f` or `\u00xx`, other text as is); binary → base64 strings;
/// dates → `"YYYY-MM-DD"`; timestamps → `"YYYY-MM-DDTHH:MM:SS.fff"` with 3, 6 or 9
/// fraction digits for milli-, micro- and nanoseconds and a trailing `Z` when UTC;
/// structs → objects; lists → arrays; maps → arrays of `{"key":k,"value":v}`.
public final class NDJSONWriter {
    public let schema: Schema
    private let output: FileOutput
    private let terminator: [UInt8]
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `path`.
    public init(path: String, schema: Schema, options: NDJSONWriteOptions = NDJSONWriteOptions()) throws {
        guard options.lineTerminator == "\n" || options.lineTerminator == "\r\n" else {
            throw FormatError(.invalidArgument, "lineTerminator must be \"\\n\" or \"\\r\\n\"")
        }
        self.schema = schema
        terminator = Array(options.lineTerminator.utf8)
        output = try FileOutput(path: path)
    }

    /// Appends the rows of `batch`, whose columns must have the schema's types.
    public func write(_ batch: RecordBatch) throws {
        try checkBatch(batch, matches: schema, file: output.path)
        try NDJSONWriter.encode(batch, schema: schema, terminator: terminator) { chunk in
            buffer.append(contentsOf: chunk)
            try output.flushIfLarge(&buffer)
        }
    }

    /// Writes what is buffered and closes the file. Call it to learn of write errors;
    /// a writer dropped without it still writes its buffer, ignoring errors.
    public func close() throws {
        try output.close(flushing: &buffer)
    }

    deinit {
        try? output.close(flushing: &buffer)
    }

    /// Encodes `batch` and passes the text to `emit`.
    static func encode(_ batch: RecordBatch, schema: Schema, terminator: [UInt8],
                       _ emit: ([UInt8]) throws -> Void) throws {
        let columns = try batch.columns.map { try RenderedColumn.json($0) }
        let prefixes = schema.fields.enumerated().map { k, field -> [UInt8] in
            var key: [UInt8] = [k == 0 ? UInt8(ascii: "{") : UInt8(ascii: ",")]
            key.appendJSONString(field.name)
            key.append(UInt8(ascii: ":"))
            return key
        }
        let suffix = (schema.fields.isEmpty ? [UInt8(ascii: "{")] : []) + [UInt8(ascii: "}")] + terminator
        try emit(RowAssembler.assemble(columns, rowCount: batch.count, prefixes: prefixes, suffix: suffix))
    }

    /// The NDJSON text of `batches`, for in-memory use.
    static func encode(_ batches: [RecordBatch], schema: Schema) throws -> [UInt8] {
        var all: [UInt8] = []
        for batch in batches {
            try encode(batch, schema: schema, terminator: [ASCII.lf]) { all.append(contentsOf: $0) }
        }
        return all
    }
}
