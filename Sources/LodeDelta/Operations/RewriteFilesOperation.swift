import LodeCore
import LodeParquet

/// Replaces some of a table's data files with new ones in one atomic commit: the
/// rewrite behind row-level DELETE, UPDATE and MERGE.
///
/// ```swift
/// let snapshot = try table.snapshot()
/// let result = try RewriteFilesOperation(table: table, snapshot: snapshot)
///     .withOperation("DELETE", predicate: "id = 3")
///     .execute(removing: touchedFiles, schema: snapshot.schema) { nextKeptBatch() }
/// ```
///
/// The files to remove must be live in `snapshot`; the batches given are written as
/// new files (partitioned as the table is) and committed with the removals, so
/// readers see either the table before or after, never a mix. The transaction
/// depends on the whole table it read: a concurrent writer that adds or removes
/// files in between makes the commit fail with a conflict instead of losing rows.
public struct RewriteFilesOperation: Sendable {
    public let table: DeltaTable
    public let snapshot: Snapshot
    var operationName = "WRITE"
    var predicate: String?
    var metrics: [String: String] = [:]
    var targetFileSize: Int?
    var clock = DeltaClock.system
    var maxCommitAttempts = 100
    var replacementSchema: (schema: Schema, partitionColumns: [String])?

    /// A rewrite of `table` based on what `snapshot` (its current state) holds.
    public init(table: DeltaTable, snapshot: Snapshot) {
        self.table = table
        self.snapshot = snapshot
    }

    /// The `operation` the commit records (`DELETE`, `UPDATE`, `MERGE`) and its predicate text.
    public func withOperation(_ name: String, predicate: String? = nil) -> Self {
        var c = self; c.operationName = name; c.predicate = predicate; return c
    }
    /// Extra `operationMetrics` (`numDeletedRows`, `numUpdatedRows`, …).
    public func withMetrics(_ metrics: [String: String]) -> Self { var c = self; c.metrics = metrics; return c }
    public func withTargetFileSize(_ bytes: Int?) -> Self { var c = self; c.targetFileSize = bytes; return c }
    public func withClock(_ clock: DeltaClock) -> Self { var c = self; c.clock = clock; return c }
    public func withMaxCommitAttempts(_ attempts: Int) -> Self { var c = self; c.maxCommitAttempts = attempts; return c }
    /// Gives the table a new schema and partitioning in the same commit (Delta's
    /// `overwriteSchema`); only a rewrite that removes every file may do so.
    public func withNewSchema(_ schema: Schema, partitionColumns: [String]) -> Self {
        var c = self; c.replacementSchema = (schema, partitionColumns); return c
    }

    /// Writes the batches `next` returns (each of `schema`, fitted to the table's schema
    /// by column name) and commits them together with the removal of `removing`.
    /// Commits nothing when there is nothing to remove and no row to add.
    @discardableResult
    public func execute(removing: [AddFile], schema: Schema, next: () throws -> RecordBatch?) throws -> RewriteResult {
        try stage(removing: removing, schema: schema, next: next).commit()
    }

    /// Writes the new files like ``execute(removing:schema:next:)`` but holds the commit
    /// back: the returned ``StagedRewrite`` shows the table as it would be
    /// (``StagedRewrite/candidate``), so the new version can be checked before anyone
    /// sees it, then ``StagedRewrite/commit()`` publishes it or
    /// ``StagedRewrite/discard()`` deletes the files written.
    public func stage(removing: [AddFile], schema: Schema, next: () throws -> RecordBatch?) throws -> StagedRewrite {
        let name = table.paths.displayName
        try checkWritable(snapshot, operation: operationName, removesData: !removing.isEmpty)
        let live = Set(snapshot.files.map(\.path))
        if let stale = removing.first(where: { !live.contains($0.path) }) {
            throw DeltaError(.invalidArgument, "\(stale.path) is not a live file of the table", table: name,
                             version: snapshot.version)
        }
        var tableSchema = snapshot.schema
        var partitionColumns = snapshot.partitionColumns
        var leading: [DeltaAction] = []
        if let replacement = replacementSchema {
            guard Set(removing.map(\.path)) == live else {
                throw DeltaError(.invalidArgument, "a new schema needs every file of the table replaced", table: name,
                                 version: snapshot.version)
            }
            tableSchema = SchemaAlignment.tableSchema(for: replacement.schema)
            partitionColumns = replacement.partitionColumns
            var definition = TableDefinition(schema: tableSchema)
            definition.partitionColumns = partitionColumns
            try definition.validate(table: name)
            var metadata = snapshot.metadata
            metadata.schemaString = try tableSchema.deltaSchemaString()
            metadata.partitionColumns = partitionColumns
            leading = [.metadata(metadata)]
            if let upgraded = RequiredProtocol.upgrade(snapshot.protocol, for: tableSchema) { leading.insert(.protocol(upgraded), at: 0) }
        }
        let alignment = try SchemaAlignment(table: tableSchema, input: schema, mergeSchema: false, tableName: name)
        var options = DataFileWriter.Options()
        options.parquet.compression = .snappy
        options.targetFileSize = targetFileSize ?? TableProperties(snapshot.properties).targetFileSize
        options.properties = snapshot.properties
        let writer = try DataFileWriter(store: table.store, tableRoot: table.paths.tableRoot, tableSchema: tableSchema,
                                        partitionColumns: partitionColumns, options: options, clock: clock)
        var rows = 0
        let adds: [AddFile]
        do {
            while let batch = try next() {
                guard batch.count > 0 else { continue }
                try writer.write(try alignment.apply(batch, tableName: name))
                rows += batch.count
            }
            adds = try writer.finish()
        } catch {
            writer.abort()
            throw error
        }
        let now = clock.milliseconds()
        var operation = TableOperation(name: operationName)
        if let predicate { operation.parameters["predicate"] = TableOperation.jsonListString([predicate]) }
        let addedBytes = adds.reduce(Int64(0)) { $0 + $1.size }
        operation.metrics = ["numRemovedFiles": String(removing.count), "numAddedFiles": String(adds.count),
                             "numRemovedBytes": String(removing.reduce(Int64(0)) { $0 + $1.size }),
                             "numAddedBytes": String(addedBytes), "numOutputRows": String(rows)]
        operation.metrics.merge(metrics) { _, given in given }
        var transaction = Transaction(store: table.store, paths: table.paths, readVersion: snapshot.version,
                                      configuration: snapshot.properties, operation: operation)
        transaction.actions = leading + removing.map { .remove($0.removal(at: now)) } + adds.map { .add($0) }
        transaction.reads.wholeTable = true
        transaction.reads.files = Set(removing.map(\.path))
        transaction.isBlindAppend = removing.isEmpty && leading.isEmpty
        transaction.clock = clock
        transaction.maxAttempts = maxCommitAttempts
        let candidate = try snapshot.applying(transaction.actions, version: snapshot.version + 1, timestamp: now)
        return StagedRewrite(table: table, readSnapshot: snapshot, candidate: candidate, transaction: transaction,
                             writer: writer, removedFiles: removing.count, addedFiles: adds.count, rows: rows, clock: clock)
    }
}

/// A rewrite whose files are written but not yet committed: invisible to readers until
/// ``commit()``.
public final class StagedRewrite: @unchecked Sendable {
    public let table: DeltaTable
    /// The version the rewrite was based on.
    public let readSnapshot: Snapshot
    /// The table as it will be once committed (with ``readSnapshot``'s version + 1).
    public let candidate: Snapshot
    public let removedFiles: Int
    public let addedFiles: Int
    /// Rows written to the new files.
    public let rows: Int
    private let transaction: Transaction
    private let writer: DataFileWriter
    private let clock: DeltaClock
    private var finished = false

    init(table: DeltaTable, readSnapshot: Snapshot, candidate: Snapshot, transaction: Transaction, writer: DataFileWriter,
         removedFiles: Int, addedFiles: Int, rows: Int, clock: DeltaClock) {
        self.table = table
        self.readSnapshot = readSnapshot
        self.candidate = candidate
        self.transaction = transaction
        self.writer = writer
        self.removedFiles = removedFiles
        self.addedFiles = addedFiles
        self.rows = rows
        self.clock = clock
    }

    /// Whether the rewrite changes nothing (no file removed, no row added).
    public var isEmpty: Bool { removedFiles == 0 && addedFiles == 0 }

    /// Commits the staged actions (retrying past concurrent commits that do not
    /// conflict); nothing is committed for an empty rewrite.
    @discardableResult
    public func commit() throws -> RewriteResult {
        guard !finished else { throw DeltaError(.invalidArgument, "the staged rewrite was already committed or discarded") }
        finished = true
        guard !isEmpty else { return RewriteResult(version: nil) }
        let outcome: Transaction.Outcome
        do {
            outcome = try transaction.commit()
        } catch {
            writer.removeWrittenFiles()
            throw error
        }
        let checkpointed = PostCommit(table: table, clock: clock).run(version: outcome.version, configuration: readSnapshot.properties)
        return RewriteResult(version: outcome.version, removedFiles: removedFiles, addedFiles: addedFiles, rows: rows,
                             checkpointed: checkpointed)
    }

    /// Deletes the files written; the table is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        writer.removeWrittenFiles()
    }
}

/// What a ``RewriteFilesOperation`` did.
public struct RewriteResult: Sendable, Equatable {
    /// The version committed; `nil` when there was nothing to do.
    public var version: Int64?
    public var removedFiles = 0
    public var addedFiles = 0
    /// Rows written to the new files.
    public var rows = 0
    public var checkpointed = false
}
