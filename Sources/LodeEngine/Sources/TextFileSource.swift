import LodeCore
import LodeFormats
import LodePlan

/// CSV or JSON files read as one table: `read_csv('raw/*.csv')`, `read_json('events.json')`.
///
/// ```swift
/// var options = TableFileReadOptions()
/// options.csv.delimiter = ";"
/// let source = try TextFileSource(paths: ["raw/*.csv"], format: .csv, options: options)
/// ```
///
/// The schema is `options.schema`, or inferred from the files (the first
/// ``TextSchemaInference/maxFiles`` of them) and merged; every file is read into it. NDJSON covers both newline-delimited JSON and files holding one JSON array
/// (``NDJSONReadOptions/format``). A scan hands whole files to its streams.
public final class TextFileSource: TableSource {
    public let displayName: String
    public let schema: Schema
    public var estimatedRowCount: Int? { nil }
    let files: [String]
    let format: FileFormat
    let options: TableFileReadOptions
    let metrics = ScanMetrics()

    /// Opens the files `paths` name (each may be a glob pattern) and settles the schema.
    public init(paths: [String], format: FileFormat, options: TableFileReadOptions) throws {
        guard format != .parquet else {
            throw EngineError(.invalidArgument, "Parquet files are read by ParquetSource (read_parquet), not as text")
        }
        let function = format == .csv ? "read_csv" : "read_json"
        displayName = function + "(" + (paths.count == 1 ? "'\(paths[0])'" : "[" + paths.map { "'\($0)'" }.joined(separator: ", ") + "]") + ")"
        files = try FileGlob.expand(paths)
        self.format = format
        if let schema = options.schema {
            self.schema = schema
        } else {
            self.schema = try TextSchemaInference.infer(files, format: format, options: options)
        }
        var fixed = options
        fixed.schema = schema
        self.options = fixed
    }

    public func scan(_ request: ScanRequest) throws -> [any BatchStream] {
        let output = try request.outputSchema(of: schema, source: displayName)
        let work = ScanWork(files, limit: request.limit)
        return (0..<request.streamCount(tasks: files.count)).map { _ in
            TextFileScanStream(source: self, output: output, columns: request.columns, work: work)
        }
    }
}

/// One stream of a ``TextFileSource`` scan: reads whole files, one after another.
final class TextFileScanStream: BatchStream {
    let schema: Schema
    private let source: TextFileSource
    private let columns: [Int]
    private let work: ScanWork<String>
    private var current: (path: String, reader: any TableFileReader)?

    init(source: TextFileSource, output: Schema, columns: [Int], work: ScanWork<String>) {
        self.source = source
        self.schema = output
        self.columns = columns
        self.work = work
    }

    func next() throws -> RecordBatch? {
        while true {
            if let (path, reader) = current {
                guard let batch = try naming(path, { try reader.next() }) else {
                    current = nil
                    continue
                }
                guard batch.count > 0 else { continue }
                let granted = work.claim(batch.count)
                guard granted > 0 else {
                    current = nil
                    return nil
                }
                let projected = try naming(path) { try RecordBatch(schema: schema, columns: columns.map { batch.columns[$0] }) }
                return granted < batch.count ? projected.slice(0..<granted) : projected
            }
            guard let path = work.next() else { return nil }
            current = (path, try naming(path) { try openTableFile(path, format: source.format, options: source.options) })
            source.metrics.fileOpened()
        }
    }
}
