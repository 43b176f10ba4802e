import Foundation
import LodeCore
import LodeDelta

/// `<layer>.<model>__quarantine`: rows a model's `EXPECT … ON VIOLATION QUARANTINE`
/// rules set aside, with the model's columns plus `_rule`, `_run_id` and `_quarantined_at`.
struct Quarantine {
    let table: String
    let path: String
    let runID: String
    let time: Date

    /// Appends the rows (of `schema`); writes nothing when there are none. New model
    /// columns are added to the table.
    func append(_ groups: [(rule: String, rows: RecordBatch)], schema: Schema) throws {
        let groups = groups.filter { $0.rows.count > 0 }
        guard !groups.isEmpty else { return }
        let extra = [Field("_rule", .string, nullable: false), Field("_run_id", .string, nullable: false),
                     Field("_quarantined_at", .timestampUTC, nullable: false)]
        let fullSchema = Schema(schema.fields.map { Field($0.name, $0.type, nullable: true) } + extra)
        let micros = Int64(time.timeIntervalSince1970 * 1_000_000)
        let batches = try groups.map { group -> RecordBatch in
            let count = group.rows.count
            var rules = BinaryBuilder(.string), runs = BinaryBuilder(.string)
            for _ in 0..<count {
                rules.append(group.rule)
                runs.append(runID)
            }
            return try RecordBatch(schema: fullSchema, columns: group.rows.columns + [
                rules.finish(), runs.finish(), PrimitiveArray<Int64>(.timestampUTC, storage: Array(repeating: micros, count: count)),
            ])
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var pending = batches[...]
        try WriteOperation(table: DeltaTable(path: path)).withMode(.append).withMergeSchema(true).withName(table + "__quarantine")
            .execute(schema: fullSchema) { pending.popFirst() }
    }
}
