import Foundation
import LodeCore
import LodeFormats
import LodeParquet

/// Writes record batches to a file of any ``FileFormat``.
///
/// The file appears under its name only when ``close()`` succeeds: batches go to a
/// temporary file beside it, renamed into place at the end, so a failed or
/// interrupted write never leaves a partial file behind. ``abort()`` removes the
/// temporary file.
public final class TableFileWriter {
    public let path: String
    public let format: FileFormat
    private let temporaryPath: String
    private var sink: Sink
    public private(set) var rowCount = 0

    private enum Sink {
        case csv(CSVWriter)
        case ndjson(NDJSONWriter)
        case parquet(ParquetWriter)
    }

    /// Options for writing; each format uses the part that concerns it.
    public struct Options: Sendable {
        public var csv = CSVWriteOptions()
        public var ndjson = NDJSONWriteOptions()
        public var parquet = ParquetWriteOptions()
        public init() {}
    }

    public init(path: String, schema: Schema, format: FileFormat? = nil, options: Options = .init()) throws {
        self.path = path
        self.format = try format ?? FileFormat(path: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        temporaryPath = folder + "/.\(name).\(UUID().uuidString.prefix(8)).tmp"
        switch self.format {
        case .csv:
            var csv = options.csv
            if path.lowercased().hasSuffix(".tsv") && csv.delimiter == "," { csv.delimiter = "\t" }
            sink = .csv(try CSVWriter(path: temporaryPath, schema: schema, options: csv))
        case .ndjson: sink = .ndjson(try NDJSONWriter(path: temporaryPath, schema: schema, options: options.ndjson))
        case .parquet: sink = .parquet(try ParquetWriter(path: temporaryPath, schema: schema, options: options.parquet))
        }
    }

    public func write(_ batch: RecordBatch) throws {
        switch sink {
        case .csv(let w): try w.write(batch)
        case .ndjson(let w): try w.write(batch)
        case .parquet(let w): try w.write(batch)
        }
        rowCount += batch.count
    }

    /// Finishes the file and moves it into place, replacing any file of that name.
    public func close() throws {
        do {
            switch sink {
            case .csv(let w): try w.close()
            case .ndjson(let w): try w.close()
            case .parquet(let w): _ = try w.close()
            }
            guard rename(temporaryPath, path) == 0 else {
                throw EngineError(.io, "cannot move the finished file into place at \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            abort()
            throw error
        }
    }

    /// Gives up on the file: nothing appears at ``path``.
    public func abort() {
        unlink(temporaryPath)
    }
}
