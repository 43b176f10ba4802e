import LodeCore

/// Reads a CSV file as a sequence of ``RecordBatch``es of ``CSVReadOptions/batchSize`` rows.
///
/// The file is read in chunks, so memory stays bounded by about one batch of rows
/// whatever the file's size. The schema is given in the options or inferred from the
/// first rows (see ``CSVTypeInference``); rows that do not parse are handled by
/// ``CSVReadOptions/onBadRow``.
///
/// ```swift
/// let reader = try CSVReader(path: "sales.csv", options: CSVReadOptions().with(\.onBadRow, .collect))
/// for batch in try reader.readAll() { … }
/// let quarantine = reader.takeBadRows()
/// ```
public final class CSVReader: RecordBatchReader {
    public let schema: Schema
    public var badRows: [BadRow] { log.rows }

    let options: CSVReadOptions
    let window: ByteWindow
    let tokenizer: CSVTokenizer
    let cells: CSVCellReader
    let decoder: CSVBatchDecoder
    /// Offset in the window of the next row to read.
    var position: Int
    /// 1-based line of the next row.
    var line: Int
    let rows = CSVRows()
    var log: BadRowLog
    var isFinished = false

    /// A batch ends early once its rows span this many bytes, keeping string
    /// offsets within 32 bits.
    static let maxBatchBytes = 256 << 20

    /// Opens the CSV file at `path`, reading its header and inferring its schema
    /// unless the options give one.
    public convenience init(path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        try self.init(window: ByteWindow(path: path, chunkSize: options.chunkSize), options: options)
    }

    /// Reads CSV text held in memory.
    public convenience init(bytes: [UInt8], options: CSVReadOptions = CSVReadOptions()) throws {
        try self.init(window: ByteWindow(bytes: bytes), options: options)
    }

    init(window: ByteWindow, options: CSVReadOptions) throws {
        guard options.batchSize > 0, options.inferenceRows >= 0, options.maxRowBytes > 0, options.skipLines >= 0 else {
            throw FormatError(.invalidArgument, "batchSize and maxRowBytes must be positive, inferenceRows and skipLines not negative")
        }
        let delimiter = try asciiByte(options.delimiter, option: "delimiter")
        let quote = try options.quote.map { try asciiByte($0, option: "quote") }
        let escape = try options.escape.map { try asciiByte($0, option: "escape") }
        let special = [delimiter] + (quote.map { [$0] } ?? []) + (escape.map { [$0] } ?? [])
        guard !special.contains(ASCII.cr), !special.contains(ASCII.lf) else {
            throw FormatError(.invalidArgument, "delimiter, quote and escape cannot be line ends")
        }
        guard quote != delimiter, escape != delimiter else {
            throw FormatError(.invalidArgument, "quote and escape must differ from the delimiter")
        }
        let dateFormat = try options.dateFormat.map { try DateTimeFormat($0) }
        let timestampFormat = try options.timestampFormat.map { try DateTimeFormat($0) }

        self.options = options
        self.window = window
        tokenizer = CSVTokenizer(delimiter: delimiter, quote: quote, escape: escape)
        cells = CSVCellReader(quote: quote, escape: escape, nullValues: options.nullValues)
        log = BadRowLog(policy: options.onBadRow, limit: options.maxBadRows)

        var prelude = CSVPrelude(window: window, tokenizer: tokenizer, cells: cells, options: options)
        let schema = try prelude.readSchema(dateFormat: dateFormat, timestampFormat: timestampFormat)
        position = prelude.position
        line = prelude.line
        self.schema = schema
        decoder = try CSVBatchDecoder(schema: schema, cells: cells, dateFormat: dateFormat,
                                      timestampFormat: timestampFormat, binaryEncoding: options.binaryEncoding)
        if schema.count == 0 { isFinished = true }
    }

    public func takeBadRows() -> [BadRow] { log.take() }

    public func next() throws -> RecordBatch? {
        while !isFinished {
            let batch = try readBatch()
            if batch.count > 0 { return batch }
        }
        return nil
    }
}

/// The part of a CSV file before its rows: byte order mark, skipped lines, header,
/// and the sample rows a schema is inferred from.
struct CSVPrelude {
    let window: ByteWindow
    let tokenizer: CSVTokenizer
    let cells: CSVCellReader
    let options: CSVReadOptions
    var position = 0
    var line = 1

    init(window: ByteWindow, tokenizer: CSVTokenizer, cells: CSVCellReader, options: CSVReadOptions) {
        self.window = window
        self.tokenizer = tokenizer
        self.cells = cells
        self.options = options
    }

    /// Reads up to the first data row and returns the schema, given or inferred.
    mutating func readSchema(dateFormat: DateTimeFormat?, timestampFormat: DateTimeFormat?) throws -> Schema {
        try skipByteOrderMark()
        for _ in 0..<options.skipLines { try skipLine() }
        var names: [String]? = nil
        if options.hasHeader {
            let header = CSVRows(fieldCapacity: 64)
            if let (fields, next, lines) = try tokenize(from: position, into: header, context: "header") {
                names = try headerNames(header, fields: fields)
                position = next
                line += lines
            }
        }
        if let schema = options.schema {
            if let names, names.count != schema.count {
                throw FormatError(.schemaMismatch, "the header has \(names.count) columns, the schema \(schema.count)",
                                  file: window.path, line: line - 1)
            }
            return schema
        }
        let sample = CSVRows()
        var inference: CSVTypeInference? = nil
        var columnCount = names?.count
        var cursor = position
        var sampled = 0
        while sampled < options.inferenceRows {
            let firstField = sample.fieldCount
            guard let (fields, next, _) = try tokenize(from: cursor, into: sample, context: nil) else { break }
            cursor = next
            if columnCount == nil { columnCount = fields }
            guard fields == columnCount, let count = columnCount else {
                sample.truncateFields(to: firstField)
                continue
            }
            if inference == nil {
                inference = CSVTypeInference(columnCount: count, dateFormat: dateFormat, timestampFormat: timestampFormat)
            }
            for column in 0..<count {
                let k = firstField + column
                let value = cells.content(window.base, sample.starts[k], sample.ends[k], sample.flags[k])
                inference?.observe(value, column: column, cells: cells)
            }
            sample.truncateFields(to: 0)
            sampled += 1
        }
        let count = columnCount ?? 0
        let columnNames = names ?? (0..<count).map { "column\($0)" }
        let types = inference?.types(timestampUnit: options.timestampUnit)
            ?? Array(repeating: DataType.string, count: count)
        return Schema(zip(columnNames, types).map { Field($0, $1) })
    }

    /// Tokenizes one row at `start`, skipping blank lines and rows that do not
    /// tokenize; returns its field count, the next row's offset and the lines it
    /// spans, or `nil` at the end of input (or of the usable sample).
    private mutating func tokenize(from start: Int, into rows: CSVRows,
                                   context: String?) throws -> (fields: Int, next: Int, lines: Int)? {
        var start = start
        var skippedLines = 0
        let firstField = rows.fieldCount
        while true {
            switch tokenizer.tokenizeRow(window.base, count: window.count, from: start, atEndOfInput: window.isExhausted,
                                         skipEmptyLines: options.skipEmptyLines, into: rows) {
            case .row(_, let next, let lines):
                return (rows.fieldCount - firstField, next, skippedLines + lines)
            case .blank(let next):
                start = next
                skippedLines += 1
            case .malformed(let reason, _, let next, let lines):
                if let context {
                    throw FormatError(.badRow, "\(context): \(reason)", file: window.path, line: line + skippedLines)
                }
                start = next
                skippedLines += lines
            case .needMore:
                if window.count - start >= options.maxRowBytes {
                    if let context {
                        throw FormatError(.badRow, "\(context) is longer than \(options.maxRowBytes) bytes",
                                          file: window.path, line: line + skippedLines)
                    }
                    return nil
                }
                try window.fill()
            case .finished:
                return nil
            }
        }
    }

    private mutating func skipByteOrderMark() throws {
        while window.count < 3 && !window.isExhausted { try window.fill() }
        let p = window.base
        if window.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { position = 3 }
    }

    private mutating func skipLine() throws {
        while true {
            if let (_, next) = tokenizer.lineEnd(window.base, count: window.count, from: position,
                                                 atEndOfInput: window.isExhausted) {
                position = next
                line += 1
                return
            }
            try window.fill()
        }
    }

    private func headerNames(_ header: CSVRows, fields: Int) throws -> [String] {
        var names: [String] = []
        var used = Set<String>()
        for k in 0..<fields {
            let bytes = cells.content(window.base, header.starts[k], header.ends[k], header.flags[k])
            guard isValidUTF8(bytes) else {
                throw FormatError(.badRow, "the header holds invalid UTF-8", file: window.path, line: line)
            }
            var name = String(decoding: trimmingBlanks(bytes), as: UTF8.self)
            if name.isEmpty { name = "column\(k)" }
            let base = name
            var suffix = 1
            while used.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert(name)
            names.append(name)
        }
        return names
    }
}
