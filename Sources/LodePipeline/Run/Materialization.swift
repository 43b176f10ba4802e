import Foundation
import LodeCore
import LodeEngine

/// How a model's computed rows become its table's next version, by kind: which rows
/// they replace, and for SCD type 2 the history rows they close and open.
struct Materialization {
    let model: ModelDefinition
    let session: Session
    /// The run's time: `valid_from` of SCD type 2 versions found by a column change.
    let runTime: Date

    struct Write {
        var schema: Schema
        var rows: [RecordBatch]
        /// New and changed rows this run writes.
        var rowsWritten: Int
        var replacing: RowReplacement
    }

    static let newRows = "__lode_new"
    static let changedRows = "__lode_changed"

    /// The write for `rows` (the model's query result, of `schema`). Not `incremental`
    /// means the rows are the model's whole content.
    func rows(_ rows: [RecordBatch], schema: Schema, incremental: Bool, replacedRange: String?) throws -> Write {
        let count = rows.reduce(0) { $0 + $1.count }
        switch model.kind {
        case .scdType2(let key, let updatedAt, let columns):
            return try history(rows, schema: schema, key: key, updatedAt: updatedAt, columns: columns, incremental: incremental)
        case _ where !incremental:
            return Write(schema: schema, rows: rows, rowsWritten: count, replacing: .everything)
        case .append:
            return Write(schema: schema, rows: rows, rowsWritten: count, replacing: .nothing)
        case .incrementalByUniqueKey(let key):
            try requireColumns(key, in: schema, option: "unique_key")
            session.catalog.register(Self.newRows, MemorySource(name: Self.newRows, batches: rows, schema: schema))
            let match = keyMatch(key, "n", quoteIdentifier(model.name))
            return Write(schema: schema, rows: rows, rowsWritten: count,
                         replacing: .matching("EXISTS (SELECT 1 FROM \(Self.newRows) AS n WHERE \(match))"))
        case .incrementalByTimeRange:
            return Write(schema: schema, rows: rows, rowsWritten: count, replacing: replacedRange.map { .matching($0) } ?? .everything)
        case .full, .view:
            return Write(schema: schema, rows: rows, rowsWritten: count, replacing: .everything)
        }
    }

    /// SCD type 2: every key's versions with `valid_from`, `valid_to` (NULL while current)
    /// and `is_current`. A key is new, or changed when its `updatedAt` is newer than the
    /// current version's (or, without it, when one of `columns` — all non-key columns
    /// when empty — differs); a change closes the current version at the new one's
    /// `valid_from` and opens the new one. Keys missing from the input keep their versions.
    private func history(_ rows: [RecordBatch], schema: Schema, key: [String], updatedAt: String?, columns: [String],
                         incremental: Bool) throws -> Write {
        try requireColumns(key, in: schema, option: "unique_key")
        if let updatedAt { try requireColumns([updatedAt], in: schema, option: "updated_at") }
        try requireColumns(columns, in: schema, option: "columns")
        for reserved in ["valid_from", "valid_to", "is_current"] where schema.fields.contains(where: { $0.name.lowercased() == reserved }) {
            throw PipelineError(.model, "an SCD type 2 model adds the column \(reserved) itself; rename the query's column", file: model.file)
        }
        session.catalog.register(Self.newRows, MemorySource(name: Self.newRows, batches: rows, schema: schema))
        let validFrom = "CAST(\(updatedAt.map { "n." + quoteIdentifier($0) } ?? "TIMESTAMP '\(timestampText(runTime))'") AS TIMESTAMP)"
        let opened = "SELECT n.*, \(validFrom) AS valid_from, CAST(NULL AS TIMESTAMP) AS valid_to, TRUE AS is_current FROM "
        guard incremental else {
            let result = try session.execute(opened + "\(Self.newRows) AS n")
            return Write(schema: result.schema, rows: result.batches, rowsWritten: result.rowCount, replacing: .everything)
        }
        let compared = columns.isEmpty ? schema.names.filter { name in !key.contains { $0.lowercased() == name.lowercased() } } : columns
        let changed = updatedAt.map { "n.\(quoteIdentifier($0)) > c.\(quoteIdentifier($0))" }
            ?? (compared.isEmpty ? "FALSE" : compared.map { "n.\(quoteIdentifier($0)) IS DISTINCT FROM c.\(quoteIdentifier($0))" }
                .joined(separator: " OR "))
        let changes = try session.execute("""
            SELECT n.* FROM \(Self.newRows) AS n LEFT JOIN (SELECT * FROM \(model.tableName) WHERE is_current) AS c
            ON \(keyMatch(key, "n", "c")) WHERE c.\(quoteIdentifier(key[0])) IS NULL OR \(changed)
            """)
        session.catalog.register(Self.changedRows, MemorySource(name: Self.changedRows, batches: changes.batches, schema: changes.schema))
        let fresh = try session.execute(opened + "\(Self.changedRows) AS n")
        let kept = schema.names.map { "c." + quoteIdentifier($0) }.joined(separator: ", ")
        let closed = try session.execute("""
            SELECT \(kept), c.valid_from, \(validFrom) AS valid_to, FALSE AS is_current
            FROM \(model.tableName) AS c JOIN \(Self.changedRows) AS n ON \(keyMatch(key, "n", "c")) WHERE c.is_current
            """)
        let match = keyMatch(key, "n", quoteIdentifier(model.name))
        return Write(schema: fresh.schema, rows: closed.batches + fresh.batches, rowsWritten: fresh.rowCount + closed.rowCount,
                     replacing: .matching("is_current AND EXISTS (SELECT 1 FROM \(Self.changedRows) AS n WHERE \(match))"))
    }

    private func keyMatch(_ key: [String], _ left: String, _ right: String) -> String {
        key.map { "\(left).\(quoteIdentifier($0)) = \(right).\(quoteIdentifier($0))" }.joined(separator: " AND ")
    }

    private func requireColumns(_ names: [String], in schema: Schema, option: String) throws {
        let have = Set(schema.names.map { $0.lowercased() })
        if let missing = names.first(where: { !have.contains($0.lowercased()) }) {
            throw PipelineError(.model, "\(option) names \(missing), which the query does not return (it returns \(schema.names.joined(separator: ", ")))",
                                file: model.file)
        }
    }

    private func timestampText(_ date: Date) -> String {
        Temporal.formatTimestamp(Int64(date.timeIntervalSince1970 * 1_000_000), unit: .microsecond)
    }
}
