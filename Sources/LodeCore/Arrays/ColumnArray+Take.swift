extension RecordBatch {
    /// The rows at `indices`, in that order; a slice when they are one ascending run.
    public func take(_ indices: [Int]) -> RecordBatch {
        if let first = indices.first, indices.last == first + indices.count - 1,
           zip(indices, indices.dropFirst()).allSatisfy({ $0 + 1 == $1 }) {
            return slice(first..<(first + indices.count))
        }
        // Every column keeps its type and all get the same length, so this cannot throw.
        return try! RecordBatch(schema: schema, columns: columns.map { taking($0, indices) }, count: indices.count)
    }
}

/// The values of `array` at `indices`, in that order (indices may repeat).
public func taking(_ array: any ColumnArray, _ indices: [Int]) -> any ColumnArray {
    let validity: Bitmap? = array.validity.map { bits in
        var out = Bitmap(count: 0, value: false)
        out.reserveCapacity(indices.count)
        for i in indices { out.append(bits[i]) }
        return out
    }
    func fixed<T: FixedWidthValue>(_ a: PrimitiveArray<T>) -> any ColumnArray {
        a.storage.withUnsafeBufferPointer { storage in
            PrimitiveArray(a.dataType, storage: indices.map { storage[$0] }, validity: validity)
        }
    }
    switch array {
    case let a as PrimitiveArray<Int8>: return fixed(a)
    case let a as PrimitiveArray<Int16>: return fixed(a)
    case let a as PrimitiveArray<Int32>: return fixed(a)
    case let a as PrimitiveArray<Int64>: return fixed(a)
    case let a as PrimitiveArray<Float>: return fixed(a)
    case let a as PrimitiveArray<Double>: return fixed(a)
    case let a as PrimitiveArray<Int128>: return fixed(a)
    case let a as BooleanArray:
        return BooleanArray(storage: indices.map { a.storage[$0] }, validity: validity)
    case let a as BinaryArray:
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(indices.count + 1)
        var total = 0
        for i in indices { total += a.length(at: i) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        a.bytes.withUnsafeBufferPointer { source in
            for i in indices {
                let start = Int(a.offsets[i]), end = Int(a.offsets[i + 1])
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
                offsets.append(Int32(bytes.count))
            }
        }
        return BinaryArray(a.dataType, offsets: offsets, bytes: bytes, validity: validity)
    case let a as StructArray:
        return StructArray(a.dataType, children: a.children.map { taking($0, indices) }, count: indices.count,
                           validity: validity)
    case let a as ListArray:
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(indices.count + 1)
        var childIndices: [Int] = []
        for i in indices {
            childIndices.append(contentsOf: Int(a.offsets[i])..<Int(a.offsets[i + 1]))
            offsets.append(Int32(childIndices.count))
        }
        return ListArray(a.dataType, offsets: offsets, child: taking(a.child, childIndices), validity: validity)
    default:
        // An array type of another module: fall back to boxed values.
        return (try? makeArray(array.dataType, indices.map { array.value(at: $0) })) ?? array.slice(0..<0)
    }
}
