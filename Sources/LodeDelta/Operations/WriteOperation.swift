import LodeCore
import LodeParquet

/// Writes record batches into a Delta table — appending, overwriting the whole table,
/// or replacing the partitions a predicate selects — creating the table when none
/// exists, in one atomic commit.
///
/// ```swift
/// let result = try WriteOperation(table: DeltaTable(path: "/lake/bronze/events"))
///     .withMode(.append)
///     .withPartitionColumns(["day"])
///     .withAppTransaction(appId: "ingest-events", version: batchNumber)
///     .execute([batch])
/// if result.skipped { print("batch \(batchNumber) was already written") }
/// ```
///
/// With an application transaction (`txn`), a batch whose version is not above the
/// one the table holds for that application is skipped, and the new version is
/// committed with the data, so a retried batch lands once. With `mergeSchema`,
/// columns the table lacks are added (nullable); otherwise they are an error naming
/// them. A replace-where write removes the files whose partitions match the
/// predicate and refuses rows outside it.
public struct WriteOperation: Sendable {
    public enum Mode: String, Sendable {
        case append = "Append"
        case overwrite = "Overwrite"
    }

    public let table: DeltaTable
    var mode = Mode.append
    var replaceWhere: String?
    var partitionColumns: [String]?
    var mergeSchema = false
    var appTransaction: SetTransaction?
    var targetFileSize: Int?
    var parquet: ParquetWriteOptions = {
        var options = ParquetWriteOptions()
        options.compression = .snappy
        return options
    }()
    var properties: [String: String] = [:]
    var name: String?
    var description: String?
    var clock = DeltaClock.system
    var maxCommitAttempts = 100

    public init(table: DeltaTable) { self.table = table }

    public func withMode(_ mode: Mode) -> Self { var c = self; c.mode = mode; return c }
    /// Overwrites only the partitions matching `predicate` (e.g. `day = '2024-01-31'`);
    /// implies ``Mode/overwrite``.
    public func withReplaceWhere(_ predicate: String?) -> Self {
        var c = self; c.replaceWhere = predicate; if predicate != nil { c.mode = .overwrite }; return c
    }
    /// Partition columns of a table this write creates; must match an existing table's.
    public func withPartitionColumns(_ columns: [String]?) -> Self { var c = self; c.partitionColumns = columns; return c }
    public func withMergeSchema(_ merge: Bool) -> Self { var c = self; c.mergeSchema = merge; return c }
    /// Makes the write idempotent for `appId`: skipped when the table already holds
    /// a `txn` of that application with a version of at least `version`.
    public func withAppTransaction(appId: String, version: Int64) -> Self {
        var c = self; c.appTransaction = SetTransaction(appId: appId, version: version); return c
    }
    /// Data files are finished at about this size (default `delta.targetFileSize`, 100 MiB).
    public func withTargetFileSize(_ bytes: Int?) -> Self { var c = self; c.targetFileSize = bytes; return c }
    public func withParquetOptions(_ options: ParquetWriteOptions) -> Self { var c = self; c.parquet = options; return c }
    /// Table properties of a table this write creates.
    public func withProperties(_ properties: [String: String]) -> Self { var c = self; c.properties = properties; return c }
    public func withName(_ name: String?) -> Self { var c = self; c.name = name; return c }
    public func withDescription(_ description: String?) -> Self { var c = self; c.description = description; return c }
    public func withClock(_ clock: DeltaClock) -> Self { var c = self; c.clock = clock; return c }
    /// Versions tried before giving up when other writers keep committing first.
    public func withMaxCommitAttempts(_ attempts: Int) -> Self { var c = self; c.maxCommitAttempts = attempts; return c }

    /// Writes `batches`, which share one schema.
    @discardableResult
    public func execute(_ batches: [RecordBatch]) throws -> WriteResult {
        guard let schema = batches.first?.schema else {
            throw DeltaError(.invalidArgument, "nothing to write: no batches and so no schema", table: table.paths.displayName)
        }
        var iterator = batches.makeIterator()
        return try execute(schema: schema) { iterator.next() }
    }

    /// Writes the batches `next` returns until it returns `nil`; each has schema `schema`.
    @discardableResult
    public func execute(schema: Schema, next: () throws -> RecordBatch?) throws -> WriteResult {
        let name = table.paths.displayName
        let snapshot = try loadSnapshot()
        if let app = appTransaction, let stored = snapshot?.appTransactions[app.appId], app.version <= stored {
            return WriteResult(version: nil, skipped: true)
        }
        let plan = try WritePlan(operation: self, snapshot: snapshot, input: schema)
        var options = DataFileWriter.Options()
        options.parquet = parquet
        options.targetFileSize = targetFileSize ?? TableProperties(plan.configuration).targetFileSize
        options.properties = plan.configuration
        let writer = try DataFileWriter(store: table.store, tableRoot: table.paths.tableRoot, tableSchema: plan.schema,
                                        partitionColumns: plan.partitionColumns, options: options, clock: clock)
        var rows = 0
        let adds: [AddFile]
        do {
            while let batch = try next() {
                let aligned = try plan.alignment.apply(batch, tableName: name)
                try writer.write(aligned)
                rows += batch.count
            }
            adds = try writer.finish()
            if let predicate = plan.predicate, let outside = adds.first(where: { !predicate.matches($0.partitionValues) }) {
                let values = plan.partitionColumns.map { "\($0)=\((outside.partitionValues[$0] ?? nil) ?? "NULL")" }
                throw DeltaError(.invalidArgument, "rows in partition \(values.joined(separator: ", ")) do not satisfy "
                                 + "the replace-where predicate \"\(predicate.text)\"; nothing was written", table: name)
            }
        } catch {
            writer.abort()
            throw error
        }
        let now = clock.milliseconds()
        let removed = plan.filesToRemove(snapshot)
        var actions: [DeltaAction] = []
        if let p = plan.newProtocol { actions.append(.protocol(p)) }
        if let m = plan.newMetadata { actions.append(.metadata(m)) }
        actions += removed.map { .remove($0.removal(at: now)) }
        actions += adds.map { .add($0) }
        if var app = appTransaction {
            app.lastUpdated = now
            actions.append(.txn(app))
        }
        let bytes = adds.reduce(Int64(0)) { $0 + $1.size }
        var operation = TableOperation(name: "WRITE")
        operation.parameters = ["mode": TableOperation.jsonString(mode.rawValue),
                                "partitionBy": TableOperation.jsonListString(plan.partitionColumns)]
        if let predicate = plan.predicate { operation.parameters["predicate"] = TableOperation.jsonString(predicate.text) }
        operation.metrics = ["numFiles": String(adds.count), "numOutputRows": String(rows),
                             "numOutputBytes": String(bytes)]
        if mode == .overwrite {
            operation.metrics["numRemovedFiles"] = String(removed.count)
            operation.metrics["numRemovedBytes"] = String(removed.reduce(Int64(0)) { $0 + $1.size })
        }
        var transaction = Transaction(store: table.store, paths: table.paths, readVersion: snapshot?.version,
                                      configuration: plan.configuration, operation: operation)
        transaction.actions = actions
        transaction.clock = clock
        transaction.maxAttempts = maxCommitAttempts
        transaction.isBlindAppend = mode == .append && plan.newMetadata == nil
        if mode == .overwrite {
            if let predicate = plan.predicate { transaction.reads.predicate = predicate } else { transaction.reads.wholeTable = true }
            transaction.reads.files = Set(removed.map(\.path))
        }
        if let app = appTransaction { transaction.reads.appIds = [app.appId] }
        let outcome: Transaction.Outcome
        do {
            outcome = try transaction.commit()
        } catch {
            writer.removeWrittenFiles()
            throw error
        }
        let checkpointed = PostCommit(table: table, clock: clock).run(version: outcome.version, configuration: plan.configuration)
        return WriteResult(version: outcome.version, skipped: false, addedFiles: adds.count, removedFiles: removed.count,
                           rows: rows, bytes: bytes, attempts: outcome.attempts, checkpointed: checkpointed)
    }

    private func loadSnapshot() throws -> Snapshot? {
        do {
            return try table.snapshot()
        } catch let error as DeltaError where error.kind == .notATable {
            return nil
        }
    }
}

/// What a ``WriteOperation`` did.
public struct WriteResult: Sendable, Equatable {
    /// The version committed; `nil` when the write was skipped.
    public var version: Int64?
    /// The application transaction showed the batch was already written.
    public var skipped: Bool
    public var addedFiles = 0
    public var removedFiles = 0
    public var rows = 0
    /// Bytes of the files added.
    public var bytes: Int64 = 0
    /// Versions tried before one was free.
    public var attempts = 0
    /// Whether the commit was followed by a checkpoint.
    public var checkpointed = false
}

extension AddFile {
    /// The `remove` of this file, stamped `timestamp`.
    func removal(at timestamp: Int64, dataChange: Bool = true) -> RemoveFile {
        RemoveFile(path: path, deletionTimestamp: timestamp, dataChange: dataChange, extendedFileMetadata: true,
                   partitionValues: partitionValues, size: size)
    }
}
