import LodeCore

/// Deletes the rows of the partitions a predicate selects (or of the whole table)
/// by removing their files in one commit.
///
/// ```swift
/// let result = try DeleteOperation(table: table).withPredicate("day < '2024-01-01'").execute()
/// print(result.removedFiles, result.deletedRows ?? 0)
/// ```
///
/// Only partition predicates are supported: a condition on a data column is an
/// error naming it. Nothing is committed when no file matches.
public struct DeleteOperation: Sendable {
    public let table: DeltaTable
    var predicate: String?
    var clock = DeltaClock.system
    var maxCommitAttempts = 100

    public init(table: DeltaTable) { self.table = table }

    /// The partition predicate of the rows to delete; `nil` deletes every row.
    public func withPredicate(_ predicate: String?) -> Self { var c = self; c.predicate = predicate; return c }
    public func withClock(_ clock: DeltaClock) -> Self { var c = self; c.clock = clock; return c }
    public func withMaxCommitAttempts(_ attempts: Int) -> Self { var c = self; c.maxCommitAttempts = attempts; return c }

    @discardableResult
    public func execute() throws -> DeleteResult {
        let snapshot = try table.snapshot()
        let name = table.paths.displayName
        try checkWritable(snapshot, operation: "DELETE")
        let bound: PartitionPredicate?
        do {
            bound = try predicate.map { try PartitionPredicate($0, partitionColumns: snapshot.partitionFields) }
        } catch var error as DeltaError {
            error.table = name
            error.version = snapshot.version
            throw error
        }
        let removed = bound.map { p in snapshot.files.filter { p.matches($0.partitionValues) } } ?? snapshot.files
        let rows = removed.map(\.recordCount)
        let deletedRows = rows.contains(nil) ? nil : rows.reduce(0) { $0 + ($1 ?? 0) }
        guard !removed.isEmpty else { return DeleteResult(version: nil, removedFiles: 0, deletedRows: 0) }
        let now = clock.milliseconds()
        var operation = TableOperation(name: "DELETE")
        operation.parameters = ["predicate": TableOperation.jsonListString(bound.map { [$0.text] } ?? [])]
        operation.metrics = ["numRemovedFiles": String(removed.count), "numAddedFiles": "0",
                             "numCopiedRows": "0", "numRemovedBytes": String(removed.reduce(Int64(0)) { $0 + $1.size })]
        if let deletedRows { operation.metrics["numDeletedRows"] = String(deletedRows) }
        var transaction = Transaction(store: table.store, paths: table.paths, readVersion: snapshot.version,
                                      configuration: snapshot.properties, operation: operation)
        transaction.actions = removed.map { .remove($0.removal(at: now)) }
        if let bound { transaction.reads.predicate = bound } else { transaction.reads.wholeTable = true }
        transaction.reads.files = Set(removed.map(\.path))
        transaction.clock = clock
        transaction.maxAttempts = maxCommitAttempts
        let outcome = try transaction.commit()
        let checkpointed = PostCommit(table: table, clock: clock).run(version: outcome.version, configuration: snapshot.properties)
        return DeleteResult(version: outcome.version, removedFiles: removed.count, deletedRows: deletedRows,
                            checkpointed: checkpointed)
    }
}

/// What a ``DeleteOperation`` did.
public struct DeleteResult: Sendable, Equatable {
    /// The version committed; `nil` when no file matched.
    public var version: Int64?
    public var removedFiles: Int
    /// Rows deleted, from the files' statistics; `nil` when a file has none.
    public var deletedRows: Int64?
    public var checkpointed = false
}
