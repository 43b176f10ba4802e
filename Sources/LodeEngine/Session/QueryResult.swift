import LodeCore

/// The rows a statement returned: a query's result, or the one-row `Count` of a
/// DDL or DML statement.
public struct QueryResult: Sendable {
    public var schema: Schema
    public var batches: [RecordBatch]

    public init(schema: Schema, batches: [RecordBatch]) {
        self.schema = schema
        self.batches = batches.filter { $0.count > 0 }
    }

    /// The number of rows.
    public var rowCount: Int { batches.reduce(0) { $0 + $1.count } }

    /// Every row, boxed: meant for tests and small results.
    public var rows: [[Value]] { batches.flatMap { batch in (0..<batch.count).map { batch.row($0) } } }

    /// A result with no columns and no rows.
    public static let empty = QueryResult(schema: Schema([]), batches: [])

    /// The one-row `Count` result of a statement that changed `count` rows (DuckDB's form).
    public static func count(_ count: Int) -> QueryResult {
        let schema = Schema([Field("Count", .int64, nullable: false)])
        let batch = try? RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, [Int64(count)])])
        return QueryResult(schema: schema, batches: batch.map { [$0] } ?? [])
    }

    /// One VARCHAR column `name` with a row per line: EXPLAIN's output.
    static func lines(_ lines: [String], column name: String) -> QueryResult {
        let schema = Schema([Field(name, .string, nullable: false)])
        let batch = try? RecordBatch(schema: schema, columns: [BinaryArray(strings: lines)])
        return QueryResult(schema: schema, batches: batch.map { [$0] } ?? [])
    }
}
