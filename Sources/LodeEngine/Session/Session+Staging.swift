import Foundation
import LodeCore
import LodeDelta
import LodeSQL

/// Which rows of a table a staged write replaces.
public enum RowReplacement: Sendable {
    /// None: the new rows are appended.
    case nothing
    /// All: the new rows become the table's whole content.
    case everything
    /// The rows for which a SQL condition over the table's columns is true (it may use
    /// subqueries over registered names, e.g. the new rows).
    case matching(String)
}

/// New rows written into a lake table but not yet visible: check ``candidate`` (the
/// table as it will be), then ``publish()`` it in one commit or ``discard()`` it.
public struct StagedWrite {
    /// `layer.table`.
    public let table: String
    /// The table as it will read once published.
    public let candidate: DeltaSource
    /// Rows the write removes from the table.
    public let rowsReplaced: Int
    /// Rows the write adds.
    public let rowsInserted: Int
    let rewrite: StagedRewrite

    /// Commits the write; returns the version published, `nil` when it changed nothing.
    @discardableResult
    public func publish() throws -> Int64? {
        do { return try rewrite.commit().version } catch let error as DeltaError {
            throw EngineError(error.kind == .io ? .io : .invalidArgument, error.description)
        }
    }

    /// Deletes the files written; the table stays as it was.
    public func discard() { rewrite.discard() }
}

extension Session {
    /// Writes `rows` (of `schema`) into the lake table `name`, replacing the rows
    /// `replacing` selects, without committing: the write-audit-publish step of a
    /// pipeline model. The table is created first (empty, partitioned by `partitionedBy`)
    /// when it does not exist. Replacing `.everything`, the table takes `schema` and
    /// `partitionedBy` in the same commit when they changed; otherwise a table whose
    /// columns differ from `schema` is an error naming the differences.
    public func stageWrite(into name: String, schema: Schema, rows: [RecordBatch], replacing: RowReplacement,
                           partitionedBy: [String] = []) throws -> StagedWrite {
        do {
            return try stage(name, schema: schema, rows: rows, replacing: replacing, partitionedBy: partitionedBy)
        } catch let error as DeltaError {
            throw EngineError(error.kind == .io ? .io : .invalidArgument, error.description)
        }
    }

    private func stage(_ name: String, schema: Schema, rows: [RecordBatch], replacing: RowReplacement,
                       partitionedBy: [String]) throws -> StagedWrite {
        let table = try lakeTable(QualifiedName(dotted: name))
        if try !table.exists() {
            try FileManager.default.createDirectory(atPath: table.path, withIntermediateDirectories: true)
            try CreateTableOperation(table: table.delta).withSchema(schema).withPartitionColumns(partitionedBy).execute()
        }
        let snapshot = try table.snapshot()
        let removingAll: Bool
        if case .everything = replacing { removingAll = true } else { removingAll = false }
        let reshaped = !sameColumns(snapshot.schema, schema) || (removingAll && snapshot.partitionColumns != partitionedBy)
        if reshaped && !removingAll { try checkSameColumns(snapshot.schema, schema, table: table.name) }
        let target = DeltaRowSource(snapshot: snapshot, name: table.name)
        var rewrite = TableRewrite(table: table, target: target)
        var predicate: String?
        if case .matching(let condition) = replacing {
            predicate = condition
            let query = Syntax.select([SelectItem(Syntax.column(DeltaRowSource.fileColumn, of: nil)),
                                       SelectItem(Syntax.column(DeltaRowSource.rowColumn, of: nil))],
                                      from: [Syntax.target(alias: Identifier(String(table.name.split(separator: ".").last ?? "t")))],
                                      where: try SQL.parseExpression(condition))
            for batch in try runQuery(query, tables: [Syntax.targetTable: target]).batches {
                for case let id? in batch.rowIDs(fileColumn: 0, rowColumn: 1) { _ = rewrite.delete(file: id.file, row: id.row) }
            }
        }
        for batch in rows {
            if reshaped { rewrite.insertReplacingSchema(batch) } else {
                try rewrite.insert(try RecordBatch(schema: snapshot.schema, columns: batch.columns))
            }
        }
        let replaced = removingAll ? target.estimatedRowCount ?? 0 : rewrite.deletedCount
        let operation = removingAll ? "WRITE" : (rewrite.deletedCount > 0 ? "MERGE" : "WRITE")
        let staged = try rewrite.stage(operation: operation, predicate: predicate, removingAll: removingAll,
                                       newSchema: reshaped ? (schema, partitionedBy) : nil)
        let candidate = DeltaSource(snapshot: staged.candidate, path: table.path, displayName: table.name)
        return StagedWrite(table: table.name, candidate: candidate, rowsReplaced: replaced, rowsInserted: rewrite.insertedCount,
                           rewrite: staged)
    }

    /// Each column as `name type`, the name lower-cased: what must match for rows to be
    /// written into a table as they are.
    private func columnSignature(_ schema: Schema) -> [String] {
        schema.fields.map { "\($0.name.lowercased()) \($0.type)" }
    }

    private func sameColumns(_ table: Schema, _ rows: Schema) -> Bool { columnSignature(table) == columnSignature(rows) }

    private func checkSameColumns(_ table: Schema, _ rows: Schema, table name: String) throws {
        let have = columnSignature(table), want = columnSignature(rows)
        guard have != want else { return }
        let missing = want.filter { !have.contains($0) }, extra = have.filter { !want.contains($0) }
        throw EngineError(.invalidArgument, "the columns of \(name) changed (new: \(missing.joined(separator: ", ")); "
                          + "old: \(extra.joined(separator: ", "))); rebuild it with a full refresh")
    }
}
