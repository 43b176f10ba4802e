import LodeCore
import LodeFormats
import LodeParquet

/// Reads a file of any ``FileFormat`` as a stream of record batches.
public protocol TableFileReader: AnyObject {
    var schema: Schema { get }
    /// The next batch, or `nil` at the end of the file.
    func next() throws -> RecordBatch?
    /// Rows that did not parse since the last call (text formats with
    /// ``BadRowPolicy/collect``); always empty for Parquet.
    func takeBadRows() -> [BadRow]
}

/// Options for reading a table file; each format uses the part that concerns it.
public struct TableFileReadOptions: Sendable {
    /// The schema to read text formats into; inferred when `nil`.
    public var schema: Schema?
    public var csv = CSVReadOptions()
    public var ndjson = NDJSONReadOptions()
    public var onBadRow: BadRowPolicy = .fail
    /// Top-level columns to read from Parquet (all when `nil`).
    public var columns: [String]?

    public init(schema: Schema? = nil) { self.schema = schema }
}

/// Opens `path` for reading as `format` (from the extension when `nil`).
public func openTableFile(_ path: String, format: FileFormat? = nil, options: TableFileReadOptions = .init()) throws
    -> any TableFileReader {
    switch try format ?? FileFormat(path: path) {
    case .csv:
        var csv = options.csv
        csv.schema = options.schema ?? csv.schema
        csv.onBadRow = options.onBadRow
        if path.lowercased().hasSuffix(".tsv") && csv.delimiter == "," { csv.delimiter = "\t" }
        return TextTableReader(try CSVReader(path: path, options: csv))
    case .ndjson:
        var ndjson = options.ndjson
        ndjson.schema = options.schema ?? ndjson.schema
        ndjson.onBadRow = options.onBadRow
        return TextTableReader(try NDJSONReader(path: path, options: ndjson))
    case .parquet:
        return try ParquetTableReader(ParquetReader(path: path), columns: options.columns)
    }
}

/// A CSV or NDJSON reader seen as a ``TableFileReader``.
final class TextTableReader: TableFileReader {
    private let reader: any RecordBatchReader

    init(_ reader: any RecordBatchReader) { self.reader = reader }

    var schema: Schema { reader.schema }
    func next() throws -> RecordBatch? { try reader.next() }
    func takeBadRows() -> [BadRow] { reader.takeBadRows() }
}

/// A Parquet file read row group by row group.
final class ParquetTableReader: TableFileReader {
    let schema: Schema
    private var batches: ParquetBatchIterator

    init(_ reader: ParquetReader, columns: [String]?) throws {
        batches = try reader.batches(columns: columns)
        schema = reader.schema.project(batches.columns)
    }

    func next() throws -> RecordBatch? { try batches.next() }
    func takeBadRows() -> [BadRow] { [] }
}
