import LodeCore

/// Constant rows, computed when the stream opens; one partition.
public final class ValuesOperator: PhysicalOperator {
    /// One expression per column per row, evaluated over a one-row batch without columns.
    public let rows: [[any PhysicalExpression]]
    public let schema: Schema

    public init(rows: [[any PhysicalExpression]], schema: Schema) {
        self.rows = rows
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [] }
    public var partitionCount: Int { 1 }
    public var name: String { "Values" }
    public var details: String { "\(rows.count) row\(rows.count == 1 ? "" : "s")" }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let one = try RecordBatch(schema: Schema([]), columns: [], count: 1)
        var columns: [[Value]] = Array(repeating: [], count: schema.count)
        for row in rows {
            for (i, expression) in row.enumerated() {
                columns[i].append(try expression.evaluate(one).value(at: 0))
            }
        }
        let arrays = try zip(schema.fields, columns).map { field, values in
            do { return try makeArray(field.type, values) } catch {
                throw ExecutionError(.conversion, "VALUES column \(field.name): \(error)")
            }
        }
        let batch = try RecordBatch(schema: schema, columns: arrays, count: rows.count)
        return MemoryBatchStream(schema: schema, batches: [batch])
    }
}
