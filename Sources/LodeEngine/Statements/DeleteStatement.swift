import LodeCore
import LodeDelta
import LodeSQL

extension Session {
    /// `DELETE FROM layer.t [AS a] [WHERE condition]`: rewrites each file holding a
    /// deleted row without it, in one commit. Without `WHERE`, every file is removed
    /// as is (no rewrite). Returns the number of rows deleted.
    func delete(_ delete: Delete) throws -> QueryResult {
        let table = try lakeTable(delete.table)
        let snapshot = try table.snapshot()
        if delete.whereClause == nil {
            let counts = snapshot.files.map { file in file.stats.flatMap { try? FileStatistics(json: $0, schema: snapshot.schema).numRecords } ?? nil }
            if !counts.contains(nil) {
                try DeleteOperation(table: table.delta).execute()
                return .count(Int(counts.reduce(0) { $0 + ($1 ?? 0) }))
            }
        }
        let target = DeltaRowSource(snapshot: snapshot, name: table.name)
        let alias = delete.alias ?? delete.table.base ?? Identifier(Syntax.targetTable)
        let query = Syntax.select([SelectItem(Syntax.column(DeltaRowSource.fileColumn, of: alias)),
                                   SelectItem(Syntax.column(DeltaRowSource.rowColumn, of: alias))],
                                  from: [Syntax.target(alias: alias)], where: delete.whereClause)
        let result = try runQuery(query, tables: [Syntax.targetTable: target])
        var rewrite = TableRewrite(table: table, target: target)
        for batch in result.batches {
            for case let id? in batch.rowIDs(fileColumn: 0, rowColumn: 1) {
                _ = rewrite.delete(file: id.file, row: id.row)
            }
        }
        try rewrite.commit(operation: "DELETE", predicate: delete.whereClause?.sql)
        return .count(rewrite.deletedCount)
    }
}
