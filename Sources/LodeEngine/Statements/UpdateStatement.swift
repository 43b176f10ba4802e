import LodeCore
import LodeSQL

extension Session {
    /// `UPDATE layer.t [AS a] SET c = v, … [FROM …] [WHERE …]`: computes the new rows,
    /// rewrites the files holding them, one commit. Values are cast to the columns' types.
    /// With `FROM`, a target row joined to more than one row is an error.
    func update(_ update: Update) throws -> QueryResult {
        let table = try lakeTable(update.table)
        let snapshot = try table.snapshot()
        let fields = snapshot.schema.fields
        let names = fields.map(\.name)
        var assigned: [Int: Expression] = [:]
        for assignment in update.assignments {
            guard let index = Syntax.fieldIndex(of: assignment.column, in: names) else {
                throw EngineError(.invalidArgument, "UPDATE: table \(table.name) has no column \(assignment.column.sql)")
            }
            guard assigned[index] == nil else {
                throw EngineError(.invalidArgument, "UPDATE: column \(names[index]) is assigned more than once")
            }
            assigned[index] = assignment.value
        }
        let target = DeltaRowSource(snapshot: snapshot, name: table.name)
        let alias = update.alias ?? update.table.base ?? Identifier(Syntax.targetTable)
        var items = [SelectItem(Syntax.column(DeltaRowSource.fileColumn, of: alias)),
                     SelectItem(Syntax.column(DeltaRowSource.rowColumn, of: alias))]
        for (index, field) in fields.enumerated() {
            items.append(SelectItem(assigned[index] ?? Syntax.column(field.name, of: alias)))
        }
        let query = Syntax.select(items, from: [Syntax.target(alias: alias)] + update.from, where: update.whereClause)
        let outputFields = [Field(DeltaRowSource.fileColumn, .int32), Field(DeltaRowSource.rowColumn, .int64)] + fields
        let prepared = try prepare(query, tables: [Syntax.targetTable: target]) { plan, ids in
            plan.casting(Array(0..<outputFields.count), to: outputFields, ids: ids)
        }
        let result = try prepared.collect()
        var rewrite = TableRewrite(table: table, target: target)
        let valueColumns = Array(2..<outputFields.count)
        for batch in result.batches {
            let ids = batch.rowIDs(fileColumn: 0, rowColumn: 1).compactMap { $0 }
            if try rewrite.replace(ids, with: batch.project(valueColumns)) != nil {
                throw EngineError(.invalidArgument, "UPDATE: a row of \(table.name) matches more than one row of the FROM "
                                  + "tables; make the join match at most one row per target row")
            }
        }
        try rewrite.commit(operation: "UPDATE", predicate: update.whereClause?.sql)
        return .count(rewrite.replacedCount)
    }
}
