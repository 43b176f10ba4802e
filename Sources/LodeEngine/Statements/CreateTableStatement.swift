import Foundation
import LodeCore
import LodeDelta
import LodePlan
import LodeSQL

extension Session {
    /// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] layer.t (columns)` or `… AS query`:
    /// a Delta table in `<lake>/<layer>/<t>`. `OR REPLACE` overwrites an existing table in
    /// a new version when the schema is unchanged; with a different schema the old
    /// table's folder, history included, is removed first. Returns the rows written.
    func createTable(_ create: CreateTable) throws -> QueryResult {
        let table = try lakeTable(create.name)
        let exists = try table.exists()
        if exists && create.ifNotExists { return .count(0) }
        if exists && !create.orReplace { throw EngineError(.invalidArgument, "table \(table.name) already exists") }
        if let query = create.query {
            let prepared = try prepare(query)
            var schema = prepared.schema
            if !create.columns.isEmpty {
                guard create.columns.count == schema.count else {
                    throw EngineError(.invalidArgument, "CREATE TABLE \(table.name) names \(create.columns.count) columns "
                                      + "but the query returns \(schema.count)")
                }
                for (i, column) in create.columns.enumerated() { schema.fields[i].name = column.name.spelling }
            }
            try checkColumnNames(schema.names, table: table.name)
            let result = try prepared.collect()
            let batches = try result.batches.map { try RecordBatch(schema: schema, columns: $0.columns) }
            try write(batches, schema: schema, to: table, replacing: exists)
            return .count(result.rowCount)
        }
        guard !create.columns.isEmpty else {
            throw EngineError(.invalidArgument, "CREATE TABLE \(table.name) needs columns or AS SELECT")
        }
        var fields: [Field] = []
        for column in create.columns {
            let type = try Binder.resolveType(column.type)
            let nullable = column.isPrimaryKey ? false : (column.nullable ?? true)
            fields.append(Field(column.name.spelling, type, nullable: nullable))
        }
        try checkColumnNames(fields.map(\.name), table: table.name)
        try write([], schema: Schema(fields), to: table, replacing: exists)
        return .count(0)
    }

    private func checkColumnNames(_ names: [String], table: String) throws {
        var seen = Set<String>()
        for name in names where !seen.insert(name.lowercased()).inserted {
            throw EngineError(.invalidArgument, "CREATE TABLE \(table): column \(name) appears more than once")
        }
    }

    /// Creates `table` holding `batches`, or overwrites it when `replacing`.
    private func write(_ batches: [RecordBatch], schema: Schema, to table: LakeTable, replacing: Bool) throws {
        if replacing {
            let current = try table.snapshot()
            let sameSchema = current.schema.fields.map { [$0.name, "\($0.type)", "\($0.nullable)"] }
                == schema.fields.map { [$0.name, "\($0.type)", "\($0.nullable)"] }
            if sameSchema {
                var iterator = batches.makeIterator()
                try WriteOperation(table: table.delta).withMode(.overwrite).execute(schema: schema) { iterator.next() }
                return
            }
            try FileManager.default.removeItem(atPath: table.path)
        }
        try FileManager.default.createDirectory(atPath: table.path, withIntermediateDirectories: true)
        try CreateTableOperation(table: table.delta).withSchema(schema).execute()
        if batches.contains(where: { $0.count > 0 }) {
            var iterator = batches.makeIterator()
            try WriteOperation(table: table.delta).withMode(.append).execute(schema: schema) { iterator.next() }
        }
    }
}
