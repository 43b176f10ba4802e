import LodeCore

/// `array` without the rows at `dropped` (ascending, no repeats).
func droppingRows(_ array: any ColumnArray, _ dropped: [Int]) -> any ColumnArray {
    guard !dropped.isEmpty else { return array }
    let keptRanges = complement(of: dropped, count: array.count)
    func validity(_ bits: Bitmap?) -> Bitmap? {
        guard let bits else { return nil }
        var out = Bitmap(count: 0, value: false)
        for range in keptRanges { for i in range { out.append(bits[i]) } }
        return out
    }
    func primitive<T>(_ a: PrimitiveArray<T>) -> PrimitiveArray<T> {
        var storage: [T] = []
        storage.reserveCapacity(a.count - dropped.count)
        for range in keptRanges { storage.append(contentsOf: a.storage[range]) }
        return PrimitiveArray(a.dataType, storage: storage, validity: validity(a.validity))
    }
    switch array {
    case let a as PrimitiveArray<Int8>: return primitive(a)
    case let a as PrimitiveArray<Int16>: return primitive(a)
    case let a as PrimitiveArray<Int32>: return primitive(a)
    case let a as PrimitiveArray<Int64>: return primitive(a)
    case let a as PrimitiveArray<Int128>: return primitive(a)
    case let a as PrimitiveArray<Float>: return primitive(a)
    case let a as PrimitiveArray<Double>: return primitive(a)
    case let a as BooleanArray:
        var storage: [Bool] = []
        for range in keptRanges { storage.append(contentsOf: a.storage[range]) }
        return BooleanArray(storage: storage, validity: validity(a.validity))
    case let a as BinaryArray:
        var offsets: [Int32] = [0]
        var bytes: [UInt8] = []
        for range in keptRanges {
            for i in range {
                bytes.append(contentsOf: a.bytes(at: i))
                offsets.append(Int32(bytes.count))
            }
        }
        return BinaryArray(a.dataType, offsets: offsets, bytes: bytes, validity: validity(a.validity))
    default:
        let droppedSet = Set(dropped)
        let values = (0..<array.count).filter { !droppedSet.contains($0) }.map { array.value(at: $0) }
        // Boxed values of an array's own type always rebuild.
        return (try? makeArray(array.dataType, values)) ?? array
    }
}

/// The ranges of `0..<count` not in `dropped` (ascending).
private func complement(of dropped: [Int], count: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for index in dropped {
        if index > start { ranges.append(start..<index) }
        start = index + 1
    }
    if start < count { ranges.append(start..<count) }
    return ranges
}
