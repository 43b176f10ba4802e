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

/// `batch` restricted to the rows where every predicate is TRUE, copied once: all
/// predicates are evaluated over the whole batch and their results combined. When one fails
/// there (`x <> 0 AND 10 / x > 1`), they are applied one after another instead, each to the
/// rows the earlier ones kept.
func filterRows(_ batch: RecordBatch, by predicates: [any PhysicalExpression]) throws -> RecordBatch {
    if predicates.count == 1 { return try filterRows(batch, by: predicates[0]) }
    var keep = [Bool](repeating: true, count: batch.count)
    do {
        for predicate in predicates {
            guard let booleans = try predicate.evaluate(batch) as? BooleanArray else {
                throw ExecutionError(.internal, "a filter produced a non-boolean column")
            }
            booleans.storage.withUnsafeBufferPointer { values in
                keep.withUnsafeMutableBufferPointer { keep in
                    if let validity = booleans.validity {
                        for i in 0..<keep.count { keep[i] = keep[i] && values[i] && validity[i] }
                    } else {
                        for i in 0..<keep.count { keep[i] = keep[i] && values[i] }
                    }
                }
            }
        }
    } catch {
        var out = batch
        for predicate in predicates where out.count > 0 { out = try filterRows(out, by: predicate) }
        return out
    }
    var rows: [Int] = []
    rows.reserveCapacity(batch.count / 4)
    for i in 0..<keep.count where keep[i] { rows.append(i) }
    return rows.count == batch.count ? batch : batch.take(rows)
}
