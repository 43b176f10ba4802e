/// A set of equal-length columns under a ``Schema``: the unit of data that flows
/// between readers, operators and writers.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [any ColumnArray]
    public let count: Int

    /// Checks that there is one column per field, of the field's type and of equal length.
    public init(schema: Schema, columns: [any ColumnArray]) throws {
        try self.init(schema: schema, columns: columns, count: columns.first?.count ?? 0)
    }

    /// A batch of `count` rows; the explicit count lets a batch without columns still
    /// carry rows (`SELECT 1` reads one row of nothing).
    public init(schema: Schema, columns: [any ColumnArray], count: Int) throws {
        guard schema.count == columns.count else {
            throw CoreError(.invalidBatch, "schema has \(schema.count) fields but \(columns.count) columns were given")
        }
        for (field, column) in zip(schema.fields, columns) {
            guard column.dataType == field.type else {
                throw CoreError(.invalidBatch, "column '\(field.name)' holds \(column.dataType), schema says \(field.type)",
                                field: field.name)
            }
            guard column.count == count else {
                throw CoreError(.invalidBatch, "column '\(field.name)' has \(column.count) rows, expected \(count)",
                                field: field.name)
            }
        }
        self.schema = schema
        self.columns = columns
        self.count = count
    }

    /// An empty batch of `schema`.
    public static func empty(_ schema: Schema) -> RecordBatch {
        // Every type has a valid empty array, so this cannot throw.
        try! RecordBatch(schema: schema, columns: schema.fields.map { try! makeArray($0.type, []) })
    }

    public func column(named name: String) -> (any ColumnArray)? { schema.index(of: name).map { columns[$0] } }

    public func slice(_ range: Range<Int>) -> RecordBatch {
        try! RecordBatch(schema: schema, columns: columns.map { $0.slice(range) }, count: range.count)
    }

    public func project(_ indices: [Int]) -> RecordBatch {
        try! RecordBatch(schema: schema.project(indices), columns: indices.map { columns[$0] }, count: count)
    }

    /// Row `index` as boxed values.
    public func row(_ index: Int) -> [Value] { columns.map { $0.value(at: index) } }
}
