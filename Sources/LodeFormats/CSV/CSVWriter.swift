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
        try encoder.appendRows(batch, to: &buffer)
        try output.flushIfLarge(&buffer)
    }

    /// Writes what is buffered and closes the file. Call it to learn of write errors;
    /// a writer dropped without it still writes its buffer, ignoring errors.
    public func close() throws {
        try output.close(flushing: &buffer)
    }

    deinit {
        try? output.close(flushing: &buffer)
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

    /// Appends the rows of `batch`.
    func appendRows(_ batch: RecordBatch, to out: inout [UInt8]) throws {
        let columns = try batch.columns.map { try render($0) }
        let prefixes = (0..<columns.count).map { $0 == 0 ? [UInt8]() : [delimiter] }
        let text = RowAssembler.assemble(columns, rowCount: batch.count, prefixes: prefixes, suffix: terminator)
        if out.isEmpty { out = text } else { out += text }
    }

    private func appendNonFinite(_ v: Double, _ out: inout [UInt8]) {
        if v.isNaN { out.appendASCII("NaN") } else if v < 0 { out.appendASCII("-Infinity") } else { out.appendASCII("Infinity") }
    }

    /// The CSV text of each value of `array`, quoted where needed.
    func render(_ array: any ColumnArray) throws -> RenderedColumn {
        let n = array.count
        let quoteNumbers = Array("0123456789.-+eEInfinityNaTZ:".utf8).contains { $0 == delimiter || $0 == quote }
        @inline(__always) func plain(_ validity: Bitmap?, _ body: (Int, inout [UInt8]) -> Void) -> RenderedColumn {
            RenderedColumn(count: n, validity: validity, nullText: nullText) { i, out in
                let start = out.count
                body(i, &out)
                if quoteNumbers { quoteIfNeeded(&out, from: start, isString: false) }
            }
        }
        switch array {
        case let a as BooleanArray:
            return plain(a.validity) { i, out in a.storage[i] ? out.appendASCII("true") : out.appendASCII("false") }
        case let a as PrimitiveArray<Int8>: return plain(a.validity) { i, out in out.appendInteger(Int64(a.storage[i])) }
        case let a as PrimitiveArray<Int16>: return plain(a.validity) { i, out in out.appendInteger(Int64(a.storage[i])) }
        case let a as PrimitiveArray<Int32> where a.dataType == .int32:
            return plain(a.validity) { i, out in out.appendInteger(Int64(a.storage[i])) }
        case let a as PrimitiveArray<Int64> where a.dataType == .int64:
            return plain(a.validity) { i, out in out.appendInteger(a.storage[i]) }
        case let a as PrimitiveArray<Float>:
            return plain(a.validity) { i, out in
                let v = a.storage[i]
                if v.isFinite { out.appendShortest(v) } else { appendNonFinite(Double(v), &out) }
            }
        case let a as PrimitiveArray<Double>:
            return plain(a.validity) { i, out in
                let v = a.storage[i]
                if v.isFinite { out.appendShortest(v) } else { appendNonFinite(v, &out) }
            }
        case let a as PrimitiveArray<Int128>:
            guard case .decimal(_, let scale) = a.dataType else { break }
            return plain(a.validity) { i, out in out.appendDecimal(a.storage[i], scale: scale) }
        case let a as PrimitiveArray<Int32> where a.dataType == .date:
            return plain(a.validity) { i, out in out.appendDate(a.storage[i]) }
        case let a as PrimitiveArray<Int64>:
            guard case .timestamp(let unit, let utc) = a.dataType else { break }
            return plain(a.validity) { i, out in out.appendTimestamp(a.storage[i], unit: unit, utc: utc) }
        case let a as BinaryArray:
            let isString = a.dataType == .string
            return a.bytes.withUnsafeBufferPointer { bytes in
                RenderedColumn(count: n, validity: a.validity, nullText: nullText) { i, out in
                    let start = out.count
                    let value = ByteSpan(rebasing: bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])])
                    if isString { out.append(contentsOf: value) } else { appendBinaryText(value, binaryEncoding, to: &out) }
                    quoteIfNeeded(&out, from: start, isString: true)
                }
            }
        default:
            break
        }
        let view = try ColumnView(array)
        return RenderedColumn(count: n, validity: array.validity, nullText: nullText) { i, out in
            let start = out.count
            out.appendJSONValue(view, i)
            quoteIfNeeded(&out, from: start, isString: false)
        }
    }

    /// Quotes the field written from `start` if it holds the delimiter, the quote, CR
    /// or LF, has a leading or trailing space, is an empty string, or reads as null.
    private func quoteIfNeeded(_ out: inout [UInt8], from start: Int, isString: Bool) {
        let end = out.count
        let (needsQuotes, quotes) = out.withUnsafeBufferPointer { bytes -> (Bool, Int) in
            if start == end { return (isString, 0) }
            var needsQuotes = bytes[start] == ASCII.space || bytes[end - 1] == ASCII.space
            var quotes = 0
            for j in start..<end {
                let c = bytes[j]
                if c == delimiter || c == ASCII.cr || c == ASCII.lf { needsQuotes = true }
                if c == quote {
                    needsQuotes = true
                    quotes += 1
                }
            }
            if !needsQuotes && isString && !nullText.isEmpty && end - start == nullText.count
                && UnsafeBufferPointer(rebasing: bytes[start..<end]).elementsEqual(nullText) {
                needsQuotes = true
            }
            return (needsQuotes, quotes)
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
