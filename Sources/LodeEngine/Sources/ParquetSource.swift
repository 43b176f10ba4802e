import LodeCore
import LodeParquet
import LodePlan

/// Parquet files read as one table: `read_parquet('orders/*.parquet')`.
///
/// ```swift
/// let source = try ParquetSource(paths: ["lake/raw/*.parquet"])
/// let streams = try source.scan(ScanRequest(columns: [0, 3], columnIDs: ids, partitions: 2))
/// ```
///
/// Opening reads every file's footer (no data): the schema is the first file's, and
/// every other file must hold the same columns (matched by name) with the same types.
/// A scan hands out row groups one at a time to its streams, so that several threads
/// share even a single file, reads only the requested columns, and skips row groups
/// whose statistics rule out the request's filters.
public final class ParquetSource: TableSource {
    public let displayName: String
    public let schema: Schema
    public let estimatedRowCount: Int?
    let files: [ParquetDataFile]
    let metrics = ScanMetrics()

    /// Opens the files that `paths` name; each may be a glob pattern (`*`, `?`, `**`).
    public init(paths: [String]) throws {
        displayName = "read_parquet(" + (paths.count == 1 ? "'\(paths[0])'" : "[" + paths.map { "'\($0)'" }.joined(separator: ", ") + "]") + ")"
        let names = try FileGlob.expand(paths)
        var files: [ParquetDataFile] = []
        var schema: Schema?
        var rows = 0
        for name in names {
            let reader = try naming(name) { try ParquetReader(path: name) }
            let tableSchema = schema ?? reader.schema
            schema = tableSchema
            files.append(try ParquetDataFile(reader: reader, schema: tableSchema))
            rows += reader.metadata.rowGroups.reduce(0) { $0 + max(0, Int($1.numRows)) }
        }
        self.files = files
        self.schema = schema ?? Schema([])
        self.estimatedRowCount = rows
    }

    public func scan(_ request: ScanRequest) throws -> [any BatchStream] {
        let output = try request.outputSchema(of: schema, source: displayName)
        let predicate = FilterTranslation(request: request, schema: schema).predicate()
        var tasks: [RowGroupTask] = []
        for file in files {
            let groups = predicate.map { file.reader.rowGroupsMatching($0) }
                ?? Array(0..<file.reader.rowGroupCount)
            tasks += groups.map { RowGroupTask(file: file, rowGroup: $0) }
        }
        let work = ScanWork(tasks, limit: request.limit)
        return (0..<request.streamCount(tasks: tasks.count)).map { _ in
            ParquetScanStream(schema: output, columns: request.columns, work: work, metrics: metrics)
        }
    }
}

/// One file of a ``ParquetSource`` and where the table's columns are in it.
final class ParquetDataFile: Sendable {
    let reader: ParquetReader
    /// For each table column, its top-level index in the file.
    let positions: [Int]

    init(reader: ParquetReader, schema: Schema) throws {
        var positions: [Int] = []
        for field in schema.fields {
            guard let index = reader.schema.index(of: field.name) else {
                throw EngineError(.badData, "\(reader.name) has no column '\(field.name)', which the first file of the scan has")
            }
            let found = reader.schema.fields[index]
            guard found.type == field.type else {
                throw EngineError(.badData, "\(reader.name): column '\(field.name)' is \(found.type), the first file of the scan has \(field.type)")
            }
            positions.append(index)
        }
        self.reader = reader
        self.positions = positions
    }
}

/// A row group of a file, the unit of Parquet scan work.
struct RowGroupTask {
    let file: ParquetDataFile
    let rowGroup: Int
}

/// One stream of a ``ParquetSource`` scan: takes row groups from the shared work until
/// none is left.
final class ParquetScanStream: BatchStream {
    let schema: Schema
    private let columns: [Int]
    private let work: ScanWork<RowGroupTask>
    private let metrics: ScanMetrics

    init(schema: Schema, columns: [Int], work: ScanWork<RowGroupTask>, metrics: ScanMetrics) {
        self.schema = schema
        self.columns = columns
        self.work = work
        self.metrics = metrics
    }

    func next() throws -> RecordBatch? {
        while let task = work.next() {
            let reader = task.file.reader
            let rows = reader.rowCount(ofRowGroup: task.rowGroup)
            guard rows > 0 else { continue }
            let granted = work.claim(rows)
            guard granted > 0 else { return nil }
            let positions = task.file.positions
            let read = try naming(reader.name) {
                try reader.readRowGroup(task.rowGroup, columns: columns.map { positions[$0] })
            }
            metrics.rowGroupRead()
            let batch = try naming(reader.name) { try RecordBatch(schema: schema, columns: read.columns) }
            return granted < rows ? batch.slice(0..<granted) : batch
        }
        return nil
    }
}
