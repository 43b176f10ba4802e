import LodeCore
import LodeDelta
import LodeSQL

extension Session {
    /// `INSERT INTO layer.t [(columns)] SELECT …|VALUES …`: values matched to the named
    /// columns by position (all columns in table order when none are named), cast to
    /// their types, the other columns NULL; appended in one commit. A NULL in a NOT NULL
    /// column is an error and nothing is written. Returns the rows inserted.
    func insert(_ insert: Insert) throws -> QueryResult {
        let table = try lakeTable(insert.table)
        let snapshot = try table.snapshot()
        let fields = snapshot.schema.fields
        let names = fields.map(\.name)
        var targets: [Int] = []
        if insert.columns.isEmpty {
            targets = Array(fields.indices)
        } else {
            for column in insert.columns {
                guard let index = Syntax.fieldIndex(of: column, in: names) else {
                    throw EngineError(.invalidArgument, "INSERT: table \(table.name) has no column \(column.sql)")
                }
                guard !targets.contains(index) else {
                    throw EngineError(.invalidArgument, "INSERT: column \(names[index]) is named more than once")
                }
                targets.append(index)
            }
        }
        let given = try boundColumns(insert.source).count
        guard given == targets.count else {
            throw EngineError(.invalidArgument, "INSERT into \(table.name) gives \(given) value\(given == 1 ? "" : "s") "
                              + "for \(targets.count) column\(targets.count == 1 ? "" : "s")")
        }
        let sources: [Int?] = fields.indices.map { targets.firstIndex(of: $0) }
        for (field, source) in zip(fields, sources) where source == nil && !field.nullable {
            throw EngineError(.invalidArgument, "INSERT into \(table.name): column \(field.name) is NOT NULL and needs a value")
        }
        let prepared = try prepare(insert.source) { plan, ids in plan.casting(sources, to: fields, ids: ids) }
        let result = try prepared.collect()
        let batches = try result.batches.map { try RecordBatch(schema: snapshot.schema, columns: $0.columns) }
        for batch in batches {
            for (field, column) in zip(fields, batch.columns) where !field.nullable && column.nullCount > 0 {
                throw EngineError(.invalidArgument, "INSERT into \(table.name): NULL in column \(field.name), which is NOT NULL")
            }
        }
        guard !batches.isEmpty else { return .count(0) }
        try WriteOperation(table: table.delta).withMode(.append).execute(batches)
        return .count(result.rowCount)
    }
}
