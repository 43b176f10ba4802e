import LodeCore

/// Reads a file's row groups one after another as record batches.
///
/// ```swift
/// var batches = try reader.batches(columns: ["id", "amount"], predicate: .compare(column: "amount", .greater, .int(100)))
/// while let batch = try batches.next() { total += batch.count }
/// ```
public struct ParquetBatchIterator {
    public let reader: ParquetReader
    /// Top-level column indices read, in output order.
    public let columns: [Int]
    /// The row groups still to read, in file order.
    public private(set) var remainingRowGroups: ArraySlice<Int>

    init(reader: ParquetReader, columns: [Int], rowGroups: [Int]) {
        self.reader = reader
        self.columns = columns
        self.remainingRowGroups = rowGroups[...]
    }

    /// The next row group's batch, or `nil` after the last.
    public mutating func next() throws -> RecordBatch? {
        guard let index = remainingRowGroups.popFirst() else { return nil }
        return try reader.readRowGroup(index, columns: columns)
    }
}

extension ParquetReader {
    /// Batches of the named top-level columns (all when `nil`), one per row group,
    /// skipping the row groups that `predicate` prunes (rows are not filtered).
    public func batches(columns: [String]? = nil, predicate: ParquetPredicate? = nil) throws -> ParquetBatchIterator {
        let indices = try columns.map { names in
            try names.map { name in
                guard let index = schema.index(of: name) else {
                    throw ParquetError(.invalidArgument, "no column named '\(name)'", file: self.name, column: name)
                }
                return index
            }
        } ?? Array(schema.fields.indices)
        let groups = predicate.map(rowGroupsMatching) ?? Array(metadata.rowGroups.indices)
        return ParquetBatchIterator(reader: self, columns: indices, rowGroups: groups)
    }
}
