import LodeCore

/// The rows of `arrays` (all of `type`) one after the other, as one array.
func concatenate(_ arrays: [any ColumnArray], type: DataType) throws -> any ColumnArray {
    if arrays.count == 1 { return arrays[0] }
    let total = arrays.reduce(0) { $0 + $1.count }
    var validity: Bitmap?
    if arrays.contains(where: { $0.validity != nil }) {
        var bits = Bitmap(count: 0, value: false)
        bits.reserveCapacity(total)
        for array in arrays {
            if let v = array.validity { for i in 0..<array.count { bits.append(v[i]) } } else { bits.append(true, count: array.count) }
        }
        validity = bits
    }
    func fixed<T: FixedWidthValue>(_: T.Type) -> (any ColumnArray)? {
        var storage: [T] = []
        storage.reserveCapacity(total)
        for array in arrays {
            guard let a = array as? PrimitiveArray<T> else { return nil }
            storage.append(contentsOf: a.storage)
        }
        return PrimitiveArray(type, storage: storage, validity: validity)
    }
    let result: (any ColumnArray)?
    switch arrays.first {
    case nil: return try nullArray(type, count: 0)
    case is PrimitiveArray<Int64>: result = fixed(Int64.self)
    case is PrimitiveArray<Int32>: result = fixed(Int32.self)
    case is PrimitiveArray<Int16>: result = fixed(Int16.self)
    case is PrimitiveArray<Int8>: result = fixed(Int8.self)
    case is PrimitiveArray<Double>: result = fixed(Double.self)
    case is PrimitiveArray<Float>: result = fixed(Float.self)
    case is PrimitiveArray<Int128>: result = fixed(Int128.self)
    case is BooleanArray:
        var storage: [Bool] = []
        storage.reserveCapacity(total)
        for array in arrays { if let a = array as? BooleanArray { storage += a.storage } }
        result = storage.count == total ? BooleanArray(storage: storage, validity: validity) : nil
    case is BinaryArray:
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(total + 1)
        var bytes: [UInt8] = []
        var ok = true
        for array in arrays {
            guard let a = array as? BinaryArray else { ok = false; break }
            guard bytes.count + a.bytes.count <= Int(Int32.max) else {
                throw ExecutionError(.outOfRange, "\(type) column over 2 GiB")
            }
            let base = Int32(bytes.count)
            bytes.append(contentsOf: a.bytes)
            offsets.append(contentsOf: a.offsets.dropFirst().lazy.map { $0 + base })
        }
        result = ok ? BinaryArray(type, offsets: offsets, bytes: bytes, validity: validity) : nil
    default: result = nil
    }
    if let result { return result }
    do { return try makeArray(type, arrays.flatMap(\.values)) } catch {
        throw ExecutionError(.internal, "cannot concatenate \(type) columns: \(error)")
    }
}

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

/// Approximate bytes held by `array`.
func estimatedBytes(_ array: any ColumnArray) -> Int {
    let bits = array.validity == nil ? 0 : (array.count + 7) / 8
    switch array {
    case let a as BinaryArray: return a.bytes.count + a.offsets.count * 4 + bits
    case is BooleanArray, is PrimitiveArray<Int8>: return array.count + bits
    case is PrimitiveArray<Int16>: return array.count * 2 + bits
    case is PrimitiveArray<Int32>, is PrimitiveArray<Float>: return array.count * 4 + bits
    case is PrimitiveArray<Int128>: return array.count * 16 + bits
    case let a as StructArray: return a.children.reduce(bits) { $0 + estimatedBytes($1) }
    case let a as ListArray: return a.offsets.count * 4 + estimatedBytes(a.child) + bits
    default: return array.count * 8 + bits
    }
}

extension RecordBatch {
    /// The same columns under `schema` (same types, other names).
    func renamed(_ schema: Schema) throws -> RecordBatch {
        do { return try RecordBatch(schema: schema, columns: columns) } catch {
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
