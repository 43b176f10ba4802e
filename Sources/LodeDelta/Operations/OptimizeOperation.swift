import LodeCore
import LodeParquet

/// Compacts small files: in each partition, files below the target size are packed
/// into bins of about the target size, and every bin of at least
/// ``withMinFileCount(_:)`` files is rewritten as one file.
///
/// ```swift
/// let result = try OptimizeOperation(table: table).withTargetSize(256 << 20).execute()
/// print("\(result.filesRemoved) files compacted into \(result.filesAdded)")
/// ```
///
/// The commit marks its adds and removes `dataChange=false`: readers of the change
/// stream skip it, and concurrent appends never conflict with it.
public struct OptimizeOperation: Sendable {
    public let table: DeltaTable
    var targetSize: Int?
    var minFileCount = 2
    var parquet: ParquetWriteOptions = {
        var options = ParquetWriteOptions()
        options.compression = .snappy
        return options
    }()
    var clock = DeltaClock.system
    var maxCommitAttempts = 100

    public init(table: DeltaTable) { self.table = table }

    /// Bytes a compacted file aims for (default `delta.targetFileSize`, 100 MiB).
    public func withTargetSize(_ bytes: Int?) -> Self { var c = self; c.targetSize = bytes; return c }
    /// Fewest files worth rewriting together (default 2).
    public func withMinFileCount(_ count: Int) -> Self { var c = self; c.minFileCount = max(2, count); return c }
    /// Codec of the compacted files (snappy by default; zstd compresses better).
    public func withCompression(_ codec: CompressionCodec, level: Int? = nil) -> Self {
        var c = self; c.parquet.compression = codec; c.parquet.compressionLevel = level; return c
    }
    public func withClock(_ clock: DeltaClock) -> Self { var c = self; c.clock = clock; return c }
    public func withMaxCommitAttempts(_ attempts: Int) -> Self { var c = self; c.maxCommitAttempts = attempts; return c }

    @discardableResult
    public func execute() throws -> OptimizeResult {
        let snapshot = try table.snapshot()
        try checkWritable(snapshot, operation: "OPTIMIZE", removesData: false)
        let properties = TableProperties(snapshot.properties)
        let target = targetSize ?? properties.targetFileSize
        guard target > 0 else {
            throw DeltaError(.invalidArgument, "the target size must be positive", table: table.paths.displayName)
        }
        let bins = plan(snapshot.files, target: target)
        var result = OptimizeResult(version: nil, filesAdded: 0, filesRemoved: 0,
                                    consideredFiles: snapshot.files.count, partitionsOptimized: Set(bins.map(\.key)).count)
        guard !bins.isEmpty else { return result }
        var options = DataFileWriter.Options()
        options.parquet = parquet
        options.targetFileSize = Int.max
        options.dataChange = false
        options.properties = snapshot.properties
        var adds: [AddFile] = []
        var removed: [AddFile] = []
        var writers: [DataFileWriter] = []
        do {
            for bin in bins {
                let writer = try DataFileWriter(store: table.store, tableRoot: table.paths.tableRoot,
                                                tableSchema: snapshot.schema, partitionColumns: snapshot.partitionColumns,
                                                options: options, clock: clock)
                writers.append(writer)
                for file in bin.files { try rewrite(file, snapshot: snapshot, into: writer) }
                adds += try writer.finish()
                removed += bin.files
            }
        } catch {
            for writer in writers { writer.abort() }
            throw error
        }
        let now = clock.milliseconds()
        var operation = TableOperation(name: "OPTIMIZE")
        operation.changesData = false
        operation.parameters = ["predicate": TableOperation.jsonListString([]),
                                "targetSize": TableOperation.jsonString(String(target)),
                                "zOrderBy": TableOperation.jsonListString([])]
        operation.metrics = [
            "numAddedFiles": String(adds.count), "numRemovedFiles": String(removed.count),
            "numAddedBytes": String(adds.reduce(Int64(0)) { $0 + $1.size }),
            "numRemovedBytes": String(removed.reduce(Int64(0)) { $0 + $1.size }),
            "partitionsOptimized": String(result.partitionsOptimized),
            "totalConsideredFiles": String(snapshot.files.count),
            "totalFilesSkipped": String(snapshot.files.count - removed.count),
        ]
        var transaction = Transaction(store: table.store, paths: table.paths, readVersion: snapshot.version,
                                      configuration: snapshot.properties, operation: operation)
        transaction.actions = removed.map { .remove($0.removal(at: now, dataChange: false)) } + adds.map { .add($0) }
        transaction.reads.files = Set(removed.map(\.path))
        transaction.clock = clock
        transaction.maxAttempts = maxCommitAttempts
        let outcome: Transaction.Outcome
        do {
            outcome = try transaction.commit()
        } catch {
            for writer in writers { writer.removeWrittenFiles() }
            throw error
        }
        result.version = outcome.version
        result.filesAdded = adds.count
        result.filesRemoved = removed.count
        result.checkpointed = PostCommit(table: table, clock: clock).run(version: outcome.version,
                                                                        configuration: snapshot.properties)
        return result
    }

    /// A set of small files of one partition to be rewritten together.
    struct Bin {
        var key: [String?]
        var files: [AddFile]
    }

    /// The bins worth compacting: per partition, files below `target` taken from
    /// smallest to largest and packed while the bin stays within `target`.
    func plan(_ files: [AddFile], target: Int) -> [Bin] {
        var byPartition: [[String?]: [AddFile]] = [:]
        var order: [[String?]] = []
        for file in files where file.size < Int64(target) {
            let key = file.partitionValues.sorted { $0.key < $1.key }.map { $0.value }
            if byPartition[key] == nil { order.append(key) }
            byPartition[key, default: []].append(file)
        }
        var bins: [Bin] = []
        for key in order {
            let candidates = (byPartition[key] ?? []).sorted { ($0.size, $0.path) < ($1.size, $1.path) }
            var current: [AddFile] = []
            var size: Int64 = 0
            for file in candidates {
                if !current.isEmpty && size + file.size > Int64(target) {
                    if current.count >= minFileCount { bins.append(Bin(key: key, files: current)) }
                    current = []
                    size = 0
                }
                current.append(file)
                size += file.size
            }
            if current.count >= minFileCount { bins.append(Bin(key: key, files: current)) }
        }
        return bins
    }

    /// Copies the rows of `file` into `writer`, as full table rows.
    private func rewrite(_ file: AddFile, snapshot: Snapshot, into writer: DataFileWriter) throws {
        let name = table.paths.displayName
        guard let path = table.paths.dataFile(file.path) else {
            throw DeltaError(.invalidArgument, "data file \(file.path) is outside the table", table: name,
                             version: snapshot.version)
        }
        let reader = try ParquetReader(input: StoreParquetInput(store: table.store, path: path, size: Int(file.size)),
                                       name: path)
        let alignment = try SchemaAlignment(table: writer.fileSchema, input: reader.schema, mergeSchema: false,
                                            tableName: name, ignoreExtraColumns: true)
        var partitionValues: [String: Value] = [:]
        for field in snapshot.partitionFields {
            partitionValues[field.name] = try PartitionValue.parse(file.partitionValues[field.name] ?? nil,
                                                                       as: field.type, column: field.name)
        }
        var batches = try reader.batches()
        while let batch = try batches.next() {
            let data = try alignment.apply(batch, tableName: name)
            var columns: [any ColumnArray] = []
            for field in snapshot.schema.fields {
                if let value = partitionValues[field.name] {
                    columns.append(try makeArray(field.type, Array(repeating: value, count: data.count)))
                } else if let column = data.column(named: field.name) {
                    columns.append(column)
                }
            }
            try writer.write(try RecordBatch(schema: snapshot.schema, columns: columns))
        }
    }
}

/// What an ``OptimizeOperation`` did.
public struct OptimizeResult: Sendable, Equatable {
    /// The version committed; `nil` when nothing needed compacting.
    public var version: Int64?
    public var filesAdded: Int
    public var filesRemoved: Int
    /// Live files the operation looked at.
    public var consideredFiles: Int
    public var partitionsOptimized: Int
    public var checkpointed = false
}
