#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LodeCore
import LodeParquet
import LodeStorage

/// Writes a table's rows into Parquet data files, one Hive-style folder per
/// partition, starting a new file whenever one reaches the target size, and
/// describes each finished file as an `add` action with statistics (taken from the
/// file's Parquet footer, see ``FileStatistics/init(footer:schema:columns:)``).
///
/// Partition columns are not stored in the files (their values live in the log and
/// the folder names). Files are written straight under their final names: until a
/// commit lists them they are invisible to readers, and VACUUM removes those a
/// failed writer leaves behind.
final class DataFileWriter {
    struct Options {
        /// A file is finished once it holds about this many bytes.
        var targetFileSize = 100 * 1024 * 1024
        var parquet = ParquetWriteOptions()
        /// The `dataChange` flag of the adds (false for OPTIMIZE's rewrites).
        var dataChange = true
        /// The table properties that choose the columns with statistics
        /// (`delta.dataSkippingNumIndexedCols`, `delta.dataSkippingStatsColumns`).
        var properties: [String: String] = [:]
    }

    let store: any ObjectStore
    /// The table's folder in the store (`""` for its root).
    let tableRoot: String
    /// The table schema, partition columns included.
    let tableSchema: Schema
    let partitionColumns: [String]
    let options: Options
    let clock: DeltaClock
    /// The schema of the data files: the table's columns without the partition columns.
    let fileSchema: Schema
    private let statisticsColumns: StatisticsColumns
    private let dataColumnIndices: [Int]
    private let partitionColumnIndices: [Int]
    private var open: [String: OpenFile] = [:]
    private var openOrder: [String] = []
    private(set) var finished: [AddFile] = []
    private var fileCounter = 0
    private var rowsFinished = 0
    private var bytesFinished = 0
    /// Store paths of every file started, finished or not.
    private(set) var writtenPaths: [String] = []

    init(store: any ObjectStore, tableRoot: String = "", tableSchema: Schema, partitionColumns: [String],
         options: Options = Options(), clock: DeltaClock = .system) throws {
        self.store = store
        self.tableRoot = tableRoot
        self.tableSchema = tableSchema
        self.partitionColumns = partitionColumns
        var options = options
        options.parquet.maxRowGroupBytes = max(1, min(options.parquet.maxRowGroupBytes, options.targetFileSize))
        self.options = options
        self.clock = clock
        var partitionIndices: [Int] = []
        for column in partitionColumns {
            guard let index = tableSchema.fields.firstIndex(where: { $0.name == column }) else {
                throw DeltaError(.invalidArgument, "partition column '\(column)' is not in the schema")
            }
            partitionIndices.append(index)
        }
        partitionColumnIndices = partitionIndices
        dataColumnIndices = tableSchema.fields.indices.filter { !partitionIndices.contains($0) }
        fileSchema = tableSchema.project(dataColumnIndices)
        statisticsColumns = StatisticsColumns(schema: fileSchema, properties: options.properties)
    }

    /// Writes `batch`, whose schema must be the table schema.
    func write(_ batch: RecordBatch) throws {
        guard batch.count > 0 else { return }
        if partitionColumnIndices.isEmpty {
            try append(batch.project(dataColumnIndices), partition: [])
            return
        }
        let columns = partitionColumnIndices.map { batch.columns[$0] }
        for (values, rows) in PartitionGrouping.groups(columns, rowCount: batch.count) {
            try append(batch.take(rows).project(dataColumnIndices), partition: values)
        }
    }

    /// Finishes every open file and returns the adds of all files written.
    func finish() throws -> [AddFile] {
        for key in openOrder {
            if let file = open[key] { try close(file) }
        }
        open = [:]
        openOrder = []
        return finished
    }

    /// Abandons the write: removes every file it started (none is committed yet).
    func abort() {
        for key in openOrder { open[key]?.writer.abandon() }
        open = [:]
        openOrder = []
        removeWrittenFiles()
    }

    /// Deletes the files written, after the commit that would have listed them failed.
    func removeWrittenFiles() {
        for path in writtenPaths { try? store.delete(path) }
    }

    /// Appends `batch` to the open file of its partition, in slices small enough that
    /// a file is finished close to the target size.
    private func append(_ batch: RecordBatch, partition: [String?]) throws {
        let key = partition.map { $0.map { "v" + $0 } ?? "n" }.joined(separator: "\u{0}")
        var start = 0
        while start < batch.count {
            let file: OpenFile
            if let existing = open[key] {
                file = existing
            } else {
                file = try startFile(partition: partition)
                open[key] = file
                openOrder.append(key)
            }
            let rows = min(batch.count - start, sliceRows())
            try file.write(start == 0 && rows == batch.count ? batch : batch.slice(start..<(start + rows)))
            start += rows
            if file.writer.bytesWritten >= options.targetFileSize {
                try close(file)
                open[key] = nil
                openOrder.removeAll { $0 == key }
            }
        }
    }

    /// Rows to write before checking a file's size: about a quarter of the target
    /// size at the bytes per row seen in finished files, between 64 and 65,536.
    private func sliceRows() -> Int {
        guard rowsFinished > 0, bytesFinished > 0 else { return options.targetFileSize >= 64 << 20 ? 65_536 : 1_024 }
        let perRow = max(1, bytesFinished / rowsFinished)
        return min(65_536, max(64, options.targetFileSize / perRow / 4))
    }

    private func startFile(partition: [String?]) throws -> OpenFile {
        let directory = PartitionPath.directory(Array(zip(partitionColumns, partition)).map { ($0, $1) })
        let name = String(format: "part-%05d-", fileCounter) + UUID().uuidString.lowercased() + "-c000"
            + Self.codecExtension(options.parquet.compression) + ".parquet"
        fileCounter += 1
        let path = directory.isEmpty ? name : directory + "/" + name
        let storePath = tableRoot.isEmpty ? path : tableRoot + "/" + path
        writtenPaths.append(storePath)
        let writer = try DataFileOutput(store: store, path: storePath, schema: fileSchema, options: options.parquet)
        return OpenFile(path: path, partition: partition, writer: writer)
    }

    private func close(_ file: OpenFile) throws {
        let (size, footer) = try file.writer.finish()
        rowsFinished += Int(footer.numRows)
        bytesFinished += size
        let statistics = FileStatistics(footer: footer, schema: fileSchema, columns: statisticsColumns)
        var values: [String: String?] = [:]
        for (column, value) in zip(partitionColumns, file.partition) { values[column] = .some(value) }
        let modified = (try? store.head(file.writer.path).lastModified) ?? clock.milliseconds()
        finished.append(AddFile(path: PartitionPath.uriEncode(file.path), partitionValues: values, size: Int64(size),
                                modificationTime: modified, dataChange: options.dataChange,
                                stats: statistics.jsonString(schema: fileSchema)))
    }

    static func codecExtension(_ codec: CompressionCodec) -> String {
        switch codec {
        case .snappy: return ".snappy"
        case .zstd: return ".zstd"
        case .gzip: return ".gz"
        case .lz4, .lz4Raw: return ".lz4"
        case .brotli: return ".br"
        default: return ""
        }
    }

    /// A data file being written; its statistics come from its Parquet footer.
    private final class OpenFile {
        let path: String
        let partition: [String?]
        let writer: DataFileOutput

        init(path: String, partition: [String?], writer: DataFileOutput) {
            self.path = path
            self.partition = partition
            self.writer = writer
        }

        func write(_ batch: RecordBatch) throws { try writer.write(batch) }
    }
}

/// One Parquet file going to an object store: straight to disk for a local store,
/// through memory and a single `put` otherwise.
final class DataFileOutput {
    let path: String
    private let store: any ObjectStore
    private let writer: ParquetWriter
    private let memory: ParquetMemorySink?
    private let localPath: String?

    init(store: any ObjectStore, path: String, schema: Schema, options: ParquetWriteOptions) throws {
        self.store = store
        self.path = path
        if let local = store as? LocalFileSystemStore {
            let full = local.root + "/" + path
            let folder = String(full[..<(full.lastIndex(of: "/") ?? full.endIndex)])
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw DeltaError(.io, "cannot create the folder \(folder): \(error.localizedDescription)")
            }
            localPath = full
            memory = nil
            writer = try ParquetWriter(path: full, schema: schema, options: options)
        } else {
            let sink = ParquetMemorySink()
            localPath = nil
            memory = sink
            writer = try ParquetWriter(sink: sink, schema: schema, options: options)
        }
    }

    var bytesWritten: Int { writer.bytesWritten }

    func write(_ batch: RecordBatch) throws { try writer.write(batch) }

    /// Completes the file and returns its size in bytes and its footer.
    func finish() throws -> (size: Int, footer: FileMetaData) {
        let footer = try writer.close()
        if let memory {
            try store.put(path, data: memory.bytes)
            return (memory.bytes.count, footer)
        }
        return (writer.bytesWritten, footer)
    }

    /// Gives up on the file, removing what was written of it.
    func abandon() {
        if let localPath { unlink(localPath) }
    }
}
