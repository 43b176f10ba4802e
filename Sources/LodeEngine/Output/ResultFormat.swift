import Foundation
import LodeCore

/// How a query result is printed or saved.
public enum ResultFormat: String, CaseIterable, Sendable {
    /// DuckDB's aligned box table, with column names and types.
    case table
    /// A header line, then one line per row; NULL is an empty field.
    case csv
    /// A JSON array of objects, or one object per line (NDJSON).
    case json
    /// A Parquet file; only written to a file.
    case parquet
}

/// Renders a ``QueryResult`` as text, or writes it to a file, in a ``ResultFormat``.
///
/// ```swift
/// var renderer = ResultRenderer(format: .table)
/// renderer.maxRows = 40
/// print(try renderer.render(result), terminator: "")
/// ```
public struct ResultRenderer: Sendable {
    public var format: ResultFormat
    /// Table format: at most this many rows are shown (half from the start, half from
    /// the end), with a line saying how many there were; all when `nil`.
    public var maxRows: Int?
    /// JSON format: one object per line instead of an array.
    public var ndjson = false
    /// CSV format: the field separator.
    public var delimiter: Character = ","
    /// CSV format: whether the first line names the columns.
    public var header = true

    public init(format: ResultFormat = .table) { self.format = format }

    /// The result as text, ending in a newline; Parquet is binary and throws.
    public func render(_ result: QueryResult) throws -> String {
        switch format {
        case .table: return TableText(result: result, maxRows: maxRows).render()
        case .csv: return CSVText(delimiter: delimiter, header: header).render(result)
        case .json: return JSONRows(ndjson: ndjson).render(result)
        case .parquet:
            throw EngineError(.invalidArgument, "Parquet output is binary: write it to a file (--output FILE)")
        }
    }

    /// Writes the result to `path`, replacing any file there; nothing appears there if it fails.
    public func write(_ result: QueryResult, to path: String) throws {
        if format == .parquet {
            let writer = try TableFileWriter(path: path, schema: result.schema, format: .parquet)
            do {
                for batch in result.batches { try writer.write(try RecordBatch(schema: result.schema, columns: batch.columns)) }
                try writer.close()
            } catch {
                writer.abort()
                throw error
            }
            return
        }
        let text = try render(result)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EngineError(.io, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
