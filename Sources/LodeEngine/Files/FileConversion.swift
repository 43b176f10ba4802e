import Foundation
import LodeCore
import LodeFormats

/// Copies a table from one file to another, converting between CSV, NDJSON and
/// Parquet, with rows that do not parse failed, skipped or set aside.
///
/// ```swift
/// var conversion = FileConversion(input: "orders.csv", output: "orders.parquet")
/// conversion.badRows = .quarantine(path: "orders.bad.ndjson")
/// let summary = try conversion.run()
/// ```
public struct FileConversion: Sendable {
    public var input: String
    public var output: String
    public var inputFormat: FileFormat?
    public var outputFormat: FileFormat?
    public var read = TableFileReadOptions()
    public var write = TableFileWriter.Options()
    public var badRows: BadRowHandling = .fail

    /// What to do with input rows that do not parse.
    public enum BadRowHandling: Sendable, Equatable {
        /// Stop with an error naming the file, line and reason; no output is written.
        case fail
        /// Leave them out.
        case skip
        /// Leave them out of the output and write them, with their reasons, as NDJSON
        /// objects `{file, line, column, reason, raw}` to `path`.
        case quarantine(path: String)
    }

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }

    /// Runs the conversion; `progress` is called after each batch with the rows so far.
    @discardableResult
    public func run(progress: ((Int) -> Void)? = nil) throws -> ConversionSummary {
        let started = Date()
        var read = self.read
        switch badRows {
        case .fail: read.onBadRow = .fail
        case .skip: read.onBadRow = .skip
        case .quarantine: read.onBadRow = .collect
        }
        let reader = try openTableFile(input, format: inputFormat, options: read)
        let writer = try TableFileWriter(path: output, schema: reader.schema, format: outputFormat, options: write)
        var quarantine: BadRowFile?
        do {
            if case .quarantine(let path) = badRows { quarantine = try BadRowFile(path: path) }
            while let batch = try reader.next() {
                try writer.write(batch)
                try quarantine?.append(reader.takeBadRows())
                progress?(writer.rowCount)
            }
            try quarantine?.append(reader.takeBadRows())
            try writer.close()
            try quarantine?.close()
        } catch {
            writer.abort()
            throw error
        }
        return ConversionSummary(rows: writer.rowCount, badRows: quarantine?.count ?? 0, schema: reader.schema,
                                 seconds: Date().timeIntervalSince(started))
    }
}

/// What a ``FileConversion`` did.
public struct ConversionSummary: Sendable {
    public var rows: Int
    /// Rows set aside to the quarantine file.
    public var badRows: Int
    public var schema: Schema
    public var seconds: Double
}

/// Bad rows written as NDJSON objects with their file, line, column, reason and raw text.
final class BadRowFile {
    static let schema = Schema([
        Field("file", .string), Field("line", .int64), Field("column", .string),
        Field("reason", .string, nullable: false), Field("raw", .string, nullable: false),
    ])
    private let writer: TableFileWriter
    private(set) var count = 0

    init(path: String) throws {
        writer = try TableFileWriter(path: path, schema: Self.schema, format: .ndjson)
    }

    func append(_ rows: [BadRow]) throws {
        guard !rows.isEmpty else { return }
        let columns: [any ColumnArray] = [
            BinaryArray(strings: rows.map(\.file)),
            PrimitiveArray<Int64>(.int64, rows.map { Int64($0.line) }),
            BinaryArray(strings: rows.map(\.column)),
            BinaryArray(strings: rows.map(\.reason)),
            BinaryArray(strings: rows.map(\.text)),
        ]
        try writer.write(try RecordBatch(schema: Self.schema, columns: columns))
        count += rows.count
    }

    func close() throws { try writer.close() }
}
