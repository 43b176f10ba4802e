import LodeCore

/// Writes ``RecordBatch``es as CSV (see ``CSVWriteOptions`` for how values are spelled).
///
/// ```swift
/// let writer = try CSVWriter(path: "out.csv", schema: batch.schema)
/// try writer.write(batch)
/// try writer.close()
/// ```
public final class CSVWriter {
    public let schema: Schema
    private let output: FileOutput
    private let encoder: CSVEncoder
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `path` and writes the header.
    public init(path: String, schema: Schema, options: CSVWriteOptions = CSVWriteOptions()) throws {
        self.schema = schema
        encoder = try CSVEncoder(schema: schema, options: options)
        output = try FileOutput(path: path)
        if options.writeHeader { encoder.appendHeader(to: &buffer) }
    }

    /// Appends the rows of `batch`, whose columns must have the schema's types.
    public func write(_ batch: RecordBatch) throws {
        try checkBatch(batch, matches: schema, file: output.path)
        let views = try batch.columns.map { try ColumnView($0) }
        for row in 0..<batch.count {
            encoder.appendRow(views, row, to: &buffer)
            if buffer.count >= 1 << 20 { try output.flush(&buffer) }
        }
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        try output.close(flushing: &buffer)
    }
}

/// Spells rows as CSV text.
struct CSVEncoder {
    let schema: Schema
    let delimiter: UInt8
    let quote: UInt8
    let nullText: [UInt8]
    let terminator: [UInt8]
    let binaryEncoding: BinaryTextEncoding

    init(schema: Schema, options: CSVWriteOptions) throws {
        delimiter = try asciiByte(options.delimiter, option: "delimiter")
        quote = try asciiByte(options.quote, option: "quote")
        guard delimiter != quote, ![ASCII.cr, ASCII.lf].contains(delimiter), ![ASCII.cr, ASCII.lf].contains(quote) else {
            throw FormatError(.invalidArgument, "delimiter and quote must differ and not be line ends")
        }
        guard options.lineTerminator == "\n" || options.lineTerminator == "\r\n" else {
            throw FormatError(.invalidArgument, "lineTerminator must be \"\\n\" or \"\\r\\n\"")
        }
        self.schema = schema
        nullText = Array(options.nullText.utf8)
        terminator = Array(options.lineTerminator.utf8)
        binaryEncoding = options.binaryEncoding
    }

    func appendHeader(to out: inout [UInt8]) {
        for (k, field) in schema.fields.enumerated() {
            if k > 0 { out.append(delimiter) }
            let start = out.count
            out.append(contentsOf: field.name.utf8)
            quoteIfNeeded(&out, from: start, isString: true)
        }
        out.append(contentsOf: terminator)
    }

    func appendRow(_ views: [ColumnView], _ row: Int, to out: inout [UInt8]) {
        for (k, view) in views.enumerated() {
            if k > 0 { out.append(delimiter) }
            appendField(view, row, to: &out)
        }
        out.append(contentsOf: terminator)
    }

    private func appendField(_ view: ColumnView, _ i: Int, to out: inout [UInt8]) {
        let start = out.count
        switch view {
        case .boolean(let a):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            a.storage[i] ? out.appendASCII("true") : out.appendASCII("false")
        case .int8(let a): a.isNull(i) ? out.append(contentsOf: nullText) : out.appendInteger(Int64(a.storage[i]))
        case .int16(let a): a.isNull(i) ? out.append(contentsOf: nullText) : out.appendInteger(Int64(a.storage[i]))
        case .int32(let a): a.isNull(i) ? out.append(contentsOf: nullText) : out.appendInteger(Int64(a.storage[i]))
        case .int64(let a): a.isNull(i) ? out.append(contentsOf: nullText) : out.appendInteger(a.storage[i])
        case .float32(let a):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            let v = a.storage[i]
            if v.isFinite { out.appendShortest(v) } else { appendNonFinite(Double(v), &out) }
        case .float64(let a):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            let v = a.storage[i]
            if v.isFinite { out.appendShortest(v) } else { appendNonFinite(v, &out) }
        case .decimal(let a, let scale):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            out.appendDecimal(a.storage[i], scale: scale)
        case .date(let a):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            out.appendDate(a.storage[i])
        case .timestamp(let a, let unit, let utc):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            out.appendTimestamp(a.storage[i], unit: unit, utc: utc)
        case .string(let a):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            out.append(contentsOf: a.bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])])
            quoteIfNeeded(&out, from: start, isString: true)
            return
        case .binary(let a):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            a.bytes.withUnsafeBufferPointer { bytes in
                appendBinaryText(ByteSpan(rebasing: bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])]), binaryEncoding, to: &out)
            }
            quoteIfNeeded(&out, from: start, isString: true)
            return
        case .structure(let a, _, _):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            out.appendJSONValue(view, i)
        case .list(let a, _), .map(let a, _, _):
            if a.isNull(i) { return out.append(contentsOf: nullText) }
            out.appendJSONValue(view, i)
        }
        quoteIfNeeded(&out, from: start, isString: false)
    }

    private func appendNonFinite(_ v: Double, _ out: inout [UInt8]) {
        if v.isNaN { out.appendASCII("NaN") } else if v < 0 { out.appendASCII("-Infinity") } else { out.appendASCII("Infinity") }
    }

    /// Quotes the field written from `start` if it holds the delimiter, the quote, CR
    /// or LF, has a leading or trailing space, is an empty string, or reads as null.
    private func quoteIfNeeded(_ out: inout [UInt8], from start: Int, isString: Bool) {
        let end = out.count
        var needsQuotes = false
        var quotes = 0
        if start == end {
            needsQuotes = isString
        } else {
            if out[start] == ASCII.space || out[end - 1] == ASCII.space { needsQuotes = true }
            for j in start..<end {
                let c = out[j]
                if c == delimiter || c == ASCII.cr || c == ASCII.lf { needsQuotes = true }
                if c == quote {
                    needsQuotes = true
                    quotes += 1
                }
            }
            if !needsQuotes && isString && !nullText.isEmpty && end - start == nullText.count
                && out[start..<end].elementsEqual(nullText) {
                needsQuotes = true
            }
        }
        guard needsQuotes else { return }
        let field = Array(out[start..<end])
        out.removeLast(end - start)
        out.reserveCapacity(out.count + field.count + quotes + 2)
        out.append(quote)
        for c in field {
            if c == quote { out.append(quote) }
            out.append(c)
        }
        out.append(quote)
    }
}
