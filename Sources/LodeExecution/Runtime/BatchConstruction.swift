import LodeCore

/// A column of `count` NULLs of `type`.
func nullArray(_ type: DataType, count: Int) throws -> any ColumnArray {
    let validity = Bitmap(count: count, value: false)
    switch type {
    case .boolean: return BooleanArray(storage: [Bool](repeating: false, count: count), validity: validity)
    case .int8: return PrimitiveArray<Int8>(type, storage: [Int8](repeating: 0, count: count), validity: validity)
    case .int16: return PrimitiveArray<Int16>(type, storage: [Int16](repeating: 0, count: count), validity: validity)
    case .int32, .date: return PrimitiveArray<Int32>(type, storage: [Int32](repeating: 0, count: count), validity: validity)
    case .int64, .timestamp: return PrimitiveArray<Int64>(type, storage: [Int64](repeating: 0, count: count), validity: validity)
    case .float32: return PrimitiveArray<Float>(type, storage: [Float](repeating: 0, count: count), validity: validity)
    case .float64: return PrimitiveArray<Double>(type, storage: [Double](repeating: 0, count: count), validity: validity)
    case .decimal: return PrimitiveArray<Int128>(type, storage: [Int128](repeating: 0, count: count), validity: validity)
    case .string, .binary:
        return BinaryArray(type, offsets: [Int32](repeating: 0, count: count + 1), bytes: [], validity: validity)
    case .struct, .list, .map:
        do { return try makeArray(type, [Value](repeating: .null, count: count)) } catch {
            throw ExecutionError(.internal, "cannot make NULLs of \(type): \(error)")
        }
    }
}

extension RecordBatch {
    /// The same columns under `schema` (same types, other names or nullability).
    func renamed(_ schema: Schema) throws -> RecordBatch {
        if self.schema == schema { return self }
        do { return try RecordBatch(schema: schema, columns: columns, count: count) } catch {
            throw ExecutionError(.internal, "batch does not fit the operator's schema: \(error)")
        }
    }
}

/// A batch of `columns` under `schema`, rethrowing a mismatch as a bug.
func makeBatch(_ schema: Schema, _ columns: [any ColumnArray]) throws -> RecordBatch {
    do { return try RecordBatch(schema: schema, columns: columns) } catch {
        throw ExecutionError(.internal, "operator output does not fit its schema: \(error)")
    }
}
