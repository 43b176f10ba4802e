import LodeCore
import LodeDelta

/// The row-level changes one DML statement makes to a Delta table — rows deleted,
/// rows replaced by new values, rows inserted — applied as a single rewrite: every
/// file holding a deleted or replaced row is read and its other rows written again,
/// then one commit removes those files and adds the new ones.
struct TableRewrite {
    let table: LakeTable
    let target: DeltaRowSource
    private var deleted: [Int32: Set<Int64>] = [:]
    private var replaced: [Int32: Set<Int64>] = [:]
    /// New values of the replaced rows, in the table's schema.
    private var replacements: [RecordBatch] = []
    private var inserts: [RecordBatch] = []
    private(set) var deletedCount = 0
    private(set) var replacedCount = 0
    private(set) var insertedCount = 0

    init(table: LakeTable, target: DeltaRowSource) {
        self.table = table
        self.target = target
    }

    var schema: Schema { target.snapshot.schema }
    var isEmpty: Bool { deletedCount == 0 && replacedCount == 0 && insertedCount == 0 }

    /// Whether row `row` of file `file` is already deleted or replaced.
    func isChanged(file: Int32, row: Int64) -> Bool {
        deleted[file]?.contains(row) == true || replaced[file]?.contains(row) == true
    }

    /// Deletes a row; `false` when it was already changed.
    mutating func delete(file: Int32, row: Int64) -> Bool {
        guard !isChanged(file: file, row: row) else { return false }
        deleted[file, default: []].insert(row)
        deletedCount += 1
        return true
    }

    /// Replaces row `ids[i]` by row `i` of `batch` (the table's columns, in order).
    /// Returns the first id already changed, and changes nothing then.
    mutating func replace(_ ids: [RowID], with batch: RecordBatch) throws -> RowID? {
        var seen = Set<RowID>()
        for id in ids where isChanged(file: id.file, row: id.row) || !seen.insert(id).inserted {
            return id
        }
        for id in ids { replaced[id.file, default: []].insert(id.row) }
        if batch.count > 0 { replacements.append(try conformed(batch)) }
        replacedCount += ids.count
        return nil
    }

    /// Adds new rows (the table's columns, in order).
    mutating func insert(_ batch: RecordBatch) throws {
        guard batch.count > 0 else { return }
        inserts.append(try conformed(batch))
        insertedCount += batch.count
    }

    /// Writes the new files and commits; returns the version, `nil` when nothing changed.
    @discardableResult
    func commit(operation: String, predicate: String?) throws -> Int64? {
        guard !isEmpty else { return nil }
        return try stage(operation: operation, predicate: predicate).commit().version
    }

    /// Writes the new files — every touched file's kept rows, the replacements, the
    /// inserts — without committing them.
    /// With `newSchema`, every file is removed and the table takes the new schema and
    /// partitioning (the inserts must be of that schema).
    func stage(operation: String, predicate: String?, removingAll: Bool = false,
               newSchema: (schema: Schema, partitionColumns: [String])? = nil) throws -> StagedRewrite {
        let touched = removingAll ? Array(target.files.indices.map(Int32.init)) : Set(deleted.keys).union(replaced.keys).sorted()
        let snapshot = target.snapshot
        var pendingFiles = removingAll ? [][...] : touched[...]
        var current: (scan: DeltaScan, file: Int32, offset: Int64)?
        var tail = (replacements + inserts)[...]
        let next: () throws -> RecordBatch? = {
            while true {
                if var open = current {
                    if let batch = try open.scan.next() {
                        let start = open.offset
                        open.offset += Int64(batch.count)
                        current = open
                        let gone = (deleted[open.file] ?? []).union(replaced[open.file] ?? [])
                        let kept = (0..<batch.count).filter { !gone.contains(start + Int64($0)) }
                        if kept.isEmpty { continue }
                        return kept.count == batch.count ? batch : batch.take(kept)
                    }
                    current = nil
                }
                if let file = pendingFiles.popFirst() {
                    current = (snapshot.scan(files: [target.files[Int(file)]]), file, 0)
                    continue
                }
                return tail.popFirst()
            }
        }
        var metrics = ["numDeletedRows": String(deletedCount), "numUpdatedRows": String(replacedCount),
                       "numInsertedRows": String(insertedCount)]
        if operation == "DELETE" { metrics["numUpdatedRows"] = nil; metrics["numInsertedRows"] = nil }
        if operation == "UPDATE" { metrics["numDeletedRows"] = nil; metrics["numInsertedRows"] = nil }
        var rewrite = RewriteFilesOperation(table: table.delta, snapshot: snapshot)
            .withOperation(operation, predicate: predicate)
            .withMetrics(metrics)
        if let newSchema { rewrite = rewrite.withNewSchema(newSchema.schema, partitionColumns: newSchema.partitionColumns) }
        return try rewrite.stage(removing: touched.map { target.files[Int($0)] }, schema: newSchema?.schema ?? schema, next: next)
    }

    /// Adds rows of a schema that will replace the table's (see ``stage``).
    mutating func insertReplacingSchema(_ batch: RecordBatch) {
        guard batch.count > 0 else { return }
        inserts.append(batch)
        insertedCount += batch.count
    }

    /// `batch` under the table's schema (same column types, table names).
    private func conformed(_ batch: RecordBatch) throws -> RecordBatch {
        guard batch.columns.count == schema.count else {
            throw EngineError(.invalidArgument, "internal: \(batch.columns.count) columns for a table of \(schema.count)")
        }
        return try RecordBatch(schema: schema, columns: batch.columns)
    }
}

/// One row of a DML target: its file's index and its position in the file.
struct RowID: Hashable {
    var file: Int32
    var row: Int64
}

extension RecordBatch {
    /// The `(file, row)` ids held in columns `fileColumn` (INT) and `rowColumn` (BIGINT);
    /// `nil` for a row whose ids are NULL (no target row, in an outer join).
    func rowIDs(fileColumn: Int, rowColumn: Int) -> [RowID?] {
        guard let files = columns[fileColumn] as? PrimitiveArray<Int32>,
              let rows = columns[rowColumn] as? PrimitiveArray<Int64> else {
            return (0..<count).map { i in
                guard case .int(let file) = columns[fileColumn].value(at: i),
                      case .int(let row) = columns[rowColumn].value(at: i) else { return nil }
                return RowID(file: Int32(truncatingIfNeeded: file), row: row)
            }
        }
        return (0..<count).map { i in
            files.isNull(i) || rows.isNull(i) ? nil : RowID(file: files.storage[i], row: rows.storage[i])
        }
    }
}
