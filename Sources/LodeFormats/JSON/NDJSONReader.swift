#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LodeCore

/// Reads newline-delimited JSON (one object per line), or one JSON array of objects,
/// as ``RecordBatch``es.
///
/// ``NDJSONReadOptions/format`` picks the layout; by default a file whose first
/// non-whitespace byte is `[` is an array (as `lode demo` writes its product
/// catalog), read element by element in bounded memory however many lines each
/// element spans, and each element is a row. Otherwise blank lines are skipped and
/// each line is a row. Objects become rows: keys are matched to the schema's fields
/// by name, a missing key is null, nested objects are structs and arrays are lists.
/// Numbers keep their precision: integers are read exactly as `Int64`, and decimal
/// columns read the number's digits (or a string) exactly. The schema is given in the
/// options or inferred from the first rows (see ``JSONTypeNode``). A row that is not
/// an object or does not fit the schema is a ``BadRow`` naming the line it starts
/// on. Reads back exactly what ``NDJSONWriter`` writes.
public final class NDJSONReader: RecordBatchReader {
    public let schema: Schema
    public var badRows: [BadRow] { log.rows }

    private let options: NDJSONReadOptions
    private let window: ByteWindow
    private let root: JSONStructColumn
    /// The array's elements, when the file is one JSON array; else lines are read.
    private let elements: JSONArrayElements?
    private let scratch = ScratchBuffer()
    @exclusivity(unchecked) private var position = 0
    @exclusivity(unchecked) private var line = 1
    private var log: BadRowLog
    private var isFinished = false

    /// Opens the JSON file at `path`, inferring its schema unless the options give one.
    public convenience init(path: String, options: NDJSONReadOptions = NDJSONReadOptions()) throws {
        try self.init(window: ByteWindow(path: path, chunkSize: options.chunkSize), options: options)
    }

    /// Reads JSON text held in memory.
    public convenience init(bytes: [UInt8], options: NDJSONReadOptions = NDJSONReadOptions()) throws {
        try self.init(window: ByteWindow(bytes: bytes), options: options)
    }

    init(window: ByteWindow, options: NDJSONReadOptions) throws {
        guard options.batchSize > 0, options.inferenceRows >= 0, options.maxRowBytes > 0 else {
            throw FormatError(.invalidArgument, "batchSize and maxRowBytes must be positive, inferenceRows not negative")
        }
        self.options = options
        self.window = window
        log = BadRowLog(policy: options.onBadRow, limit: options.maxBadRows)
        var columnOptions = JSONColumnOptions()
        columnOptions.binaryEncoding = options.binaryEncoding
        columnOptions.dateFormat = try options.dateFormat.map { try DateTimeFormat($0) }
        columnOptions.timestampFormat = try options.timestampFormat.map { try DateTimeFormat($0) }
        columnOptions.rejectUnknownKeys = options.rejectUnknownKeys

        while window.count < 3 && !window.isExhausted { try window.fill() }
        let p = window.base
        var start = window.count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        var firstLine = 1
        let arrayStart = try NDJSONReader.arrayStart(window, options.format, lineStart: &start, line: &firstLine)
        position = start
        line = firstLine
        let schema: Schema
        if let arrayStart {
            schema = options.schema
                ?? NDJSONReader.inferArraySchema(window, from: arrayStart, line: firstLine, options, scratch)
            elements = JSONArrayElements(window: window, position: arrayStart, line: firstLine,
                                         maxElementBytes: options.maxRowBytes, retainsInput: false)
        } else {
            schema = try options.schema ?? NDJSONReader.inferSchema(window, from: start, options, scratch)
            elements = nil
        }
        self.schema = schema
        root = JSONStructColumn(Field("row", .struct(schema.fields), nullable: false), fields: schema.fields, columnOptions)
    }

    public func takeBadRows() -> [BadRow] { log.take() }

    public func next() throws -> RecordBatch? {
        while !isFinished {
            let batch = try readBatch()
            if batch.count > 0 { return batch }
        }
        return nil
    }

    private func readBatch() throws -> RecordBatch {
        if let elements {
            try readElements(elements)
        } else {
            try readLines()
        }
        let columns = root.finishChildren()
        guard !schema.fields.isEmpty else { return RecordBatch.empty(schema) }
        return try RecordBatch(schema: schema, columns: columns)
    }

    /// Reads array elements until the batch is full or the array ends.
    private func readElements(_ elements: JSONArrayElements) throws {
        while root.count < options.batchSize {
            switch try elements.next(reading: { readValidRow($0) }) {
            case .read:
                break
            case .complete(let bytes, let line):
                try readRow(bytes, line: line)
            case .overlong(let raw, let line):
                try log.record(BadRow(file: window.path, line: line, column: nil,
                                      reason: "array element is longer than \(options.maxRowBytes) bytes; kept its first \(options.maxRowBytes)",
                                      raw: raw))
            case nil:
                isFinished = true
                return
            }
        }
    }

    /// Reads lines until the batch is full or the input ends.
    private func readLines() throws {
        while root.count < options.batchSize {
            if let (end, next) = NDJSONReader.lineEnd(window, from: position) {
                let bytes = ByteSpan(start: window.base + position, count: end - position)
                if !isBlank(bytes) { try readRow(bytes, line: line) }
                position = next
                line += 1
            } else if position >= window.count && window.isExhausted {
                isFinished = true
                break
            } else if window.count - position >= options.maxRowBytes {
                try skipOverlongLine()
            } else {
                window.discard(upTo: position)
                position = 0
                try window.fill()
            }
        }
    }

    /// Appends the object in `bytes` (a line or an array element starting on `line`)
    /// as a row, or records it as bad.
    private func readRow(_ bytes: ByteSpan, line: Int) throws {
        let before = root.count
        do {
            var s = JSONScanner(bytes, scratch: scratch)
            s.skipWhitespace()
            guard s.current == UInt8(ascii: "{") else { throw RowFailure("expected a JSON object \(s.foundDescription)") }
            try root.parseObject(&s)
            s.skipWhitespace()
            guard s.isAtEnd else { throw RowFailure("invalid JSON: text after the object \(s.foundDescription)") }
            root.appendPresent()
        } catch let failure as RowFailure {
            root.truncate(to: before)
            try log.record(BadRow(file: window.path, line: line, column: failure.column, reason: failure.reason,
                                  raw: Array(bytes)))
        }
    }

    /// Appends the object at the start of `bytes` as a row when it is well-formed and
    /// fits the schema, returning its length; else returns `nil` and appends nothing.
    private func readValidRow(_ bytes: ByteSpan) -> Int? {
        var s = JSONScanner(bytes, scratch: scratch)
        guard s.current == UInt8(ascii: "{") else { return nil }
        let before = root.count
        do {
            try root.parseObject(&s)
        } catch {
            root.truncate(to: before)
            return nil
        }
        root.appendPresent()
        return s.position
    }

    /// Sets aside a line longer than ``NDJSONReadOptions/maxRowBytes``, keeping its
    /// first bytes up to the limit.
    private func skipOverlongLine() throws {
        var raw: [UInt8] = []
        let limit = options.maxRowBytes
        while true {
            let available = window.count - position
            let found = memchr(window.base + position, Int32(ASCII.lf), available)
            let stop = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(window.base) } ?? window.count
            let take = max(0, min(stop - position, limit - raw.count))
            raw.append(contentsOf: UnsafeBufferPointer(start: window.base + position, count: take))
            if found != nil || window.isExhausted {
                position = found == nil ? window.count : stop + 1
                break
            }
            window.discard(upTo: window.count)
            position = 0
            try window.fill()
        }
        try log.record(BadRow(file: window.path, line: line, column: nil,
                              reason: "line is longer than \(limit) bytes; kept its first \(limit)", raw: raw))
        line += 1
    }

    /// Where the line at `start` ends (before any CR) and the next begins; `nil` when
    /// the line is not complete in the window yet, or there is none.
    private static func lineEnd(_ window: ByteWindow, from start: Int) -> (end: Int, next: Int)? {
        let n = window.count
        guard start < n else { return nil }
        let base = window.base
        var end: Int
        let next: Int
        if let found = memchr(base + start, Int32(ASCII.lf), n - start) {
            end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            next = end + 1
        } else if window.isExhausted {
            end = n
            next = n
        } else {
            return nil
        }
        if end > start && base[end - 1] == ASCII.cr { end -= 1 }
        return (end, next)
    }

    /// The schema of the first `options.inferenceRows` well-formed lines, read
    /// without consuming them.
    private static func inferSchema(_ window: ByteWindow, from start: Int, _ options: NDJSONReadOptions,
                                    _ scratch: ScratchBuffer) throws -> Schema {
        let node = JSONTypeNode()
        var cursor = start
        var sampled = 0
        while sampled < options.inferenceRows {
            guard let (end, next) = lineEnd(window, from: cursor) else {
                if window.isExhausted || window.count - cursor >= options.maxRowBytes { break }
                try window.fill()
                continue
            }
            let bytes = ByteSpan(start: window.base + cursor, count: end - cursor)
            cursor = next
            if !isBlank(bytes) && node.observeRow(bytes, scratch: scratch) { sampled += 1 }
        }
        return Schema(node.schemaFields)
    }
}

/// Whether a line holds only spaces, tabs and CRs.
private func isBlank(_ bytes: ByteSpan) -> Bool {
    bytes.allSatisfy { $0 == ASCII.space || $0 == ASCII.tab || $0 == ASCII.cr }
}
