import LodeCore

/// The rows of `arrays`, one after another, as one array of `type`.
///
/// Throws ``ExecutionError/Kind/outOfRange`` when strings would pass the 2 GiB that
/// Int32 offsets address.
func concatenate(_ arrays: [any ColumnArray], type: DataType) throws -> any ColumnArray {
    if arrays.count == 1, let only = arrays.first { return only }
    let validity = concatenatedValidity(arrays)
    func fixed<T: FixedWidthValue>(_: T.Type) -> (any ColumnArray)? {
        var storage: [T] = []
        storage.reserveCapacity(arrays.reduce(0) { $0 + $1.count })
        for array in arrays {
            guard let a = array as? PrimitiveArray<T> else { return nil }
            storage.append(contentsOf: a.storage)
        }
        return PrimitiveArray(type, storage: storage, validity: validity)
    }
    var result: (any ColumnArray)?
    switch type {
    case .int8: result = fixed(Int8.self)
    case .int16: result = fixed(Int16.self)
    case .int32, .date: result = fixed(Int32.self)
    case .int64, .timestamp: result = fixed(Int64.self)
    case .float32: result = fixed(Float.self)
    case .float64: result = fixed(Double.self)
    case .decimal: result = fixed(Int128.self)
    case .boolean:
        var storage: [Bool] = []
        for array in arrays {
            guard let a = array as? BooleanArray else { break }
            storage.append(contentsOf: a.storage)
        }
        if storage.count == arrays.reduce(0, { $0 + $1.count }) { result = BooleanArray(storage: storage, validity: validity) }
    case .string, .binary:
        let total = arrays.reduce(0) { $0 + (($1 as? BinaryArray)?.bytes.count ?? 0) }
        guard total <= Int(Int32.max) else {
            throw ExecutionError(.outOfRange, "a string column of \(formatBytes(total)) is over the 2 GiB limit of one array")
        }
        var offsets: [Int32] = [0]
        var bytes: [UInt8] = []
        offsets.reserveCapacity(arrays.reduce(1) { $0 + $1.count })
        bytes.reserveCapacity(total)
        var complete = true
        for array in arrays {
            guard let a = array as? BinaryArray else { complete = false; break }
            let base = Int32(bytes.count) - (a.offsets.first ?? 0)
            offsets.append(contentsOf: a.offsets.dropFirst().lazy.map { $0 + base })
            bytes.append(contentsOf: a.bytes)
        }
        if complete { result = BinaryArray(type, offsets: offsets, bytes: bytes, validity: validity) }
    default: break
    }
    if let result { return result }
    do {
        return try makeArray(type, arrays.flatMap(\.values))
    } catch {
        throw ExecutionError(.internal, "cannot concatenate \(type) columns: \(error)")
    }
}

/// The validity of `arrays` one after another, `nil` when none has a null.
func concatenatedValidity(_ arrays: [any ColumnArray]) -> Bitmap? {
    guard arrays.contains(where: { $0.validity != nil }) else { return nil }
    let total = arrays.reduce(0) { $0 + $1.count }
    var words = [UInt64](repeating: 0, count: (total + 63) >> 6)
    var position = 0
    for array in arrays {
        let n = array.count
        if let bits = array.validity {
            for w in 0..<bits.words.count {
                let word = bits.words[w]
                guard word != 0 else { continue }
                let bit = position + w * 64
                words[bit >> 6] |= word << UInt64(bit & 63)
                if bit & 63 != 0, (bit >> 6) + 1 < words.count { words[(bit >> 6) + 1] |= word >> UInt64(64 - bit & 63) }
            }
        } else {
            var i = position
            let end = position + n
            while i < end {
                if i & 63 == 0, end - i >= 64 {
                    words[i >> 6] = ~0
                    i += 64
                } else {
                    words[i >> 6] |= 1 << UInt64(i & 63)
                    i += 1
                }
            }
        }
        position += n
    }
    return Bitmap(words: words, count: total)
}

/// The rows of `batches`, one after another, as one batch of `schema`.
func concatenate(_ batches: [RecordBatch], schema: Schema) throws -> RecordBatch {
    if batches.count == 1, let only = batches.first { return only }
    let columns = try schema.fields.indices.map { c in
        try concatenate(batches.map { $0.columns[c] }, type: schema.fields[c].type)
    }
    do {
        return batches.isEmpty ? RecordBatch.empty(schema) : try RecordBatch(schema: schema, columns: columns)
    } catch {
        throw ExecutionError(.internal, "concatenating batches: \(error)")
    }
}

/// About how many bytes `array` holds.
func estimatedBytes(_ array: any ColumnArray) -> Int {
    switch array {
    case let a as BinaryArray: return a.bytes.count + a.offsets.count * 4
    case let a as BooleanArray: return a.count
    case is PrimitiveArray<Int128>: return array.count * 16
    case is PrimitiveArray<Int64>, is PrimitiveArray<Double>: return array.count * 8
    case is PrimitiveArray<Int32>, is PrimitiveArray<Float>: return array.count * 4
    case is PrimitiveArray<Int16>: return array.count * 2
    case is PrimitiveArray<Int8>: return array.count
    default: return array.count * 32
    }
}

/// About how many bytes `batch` holds.
func estimatedBytes(_ batch: RecordBatch) -> Int { batch.columns.reduce(0) { $0 + estimatedBytes($1) } }
