import LodeCore

/// The rows of a predicate result that are TRUE (valid and true): `nil` when every row is.
func selectedRows(_ mask: any ColumnArray) throws -> [Int]? {
    guard let booleans = mask as? BooleanArray else {
        throw ExecutionError(.internal, "a filter produced \(mask.dataType), not BOOLEAN")
    }
    var rows: [Int] = []
    rows.reserveCapacity(booleans.count)
    booleans.storage.withUnsafeBufferPointer { values in
        if let validity = booleans.validity {
            for i in 0..<values.count where values[i] && validity[i] { rows.append(i) }
        } else {
            for i in 0..<values.count where values[i] { rows.append(i) }
        }
    }
    return rows.count == booleans.count ? nil : rows
}

/// `batch` restricted to the rows where `predicate` is TRUE.
func filterRows(_ batch: RecordBatch, by predicate: any PhysicalExpression) throws -> RecordBatch {
    guard let rows = try selectedRows(predicate.evaluate(batch)) else { return batch }
    return batch.take(rows)
}
