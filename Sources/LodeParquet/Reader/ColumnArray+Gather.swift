import LodeCore

extension ColumnArray {
    /// A new array whose slot `i` is value `indices[i]` of this (flat, non-null)
    /// array, or a null slot where the index is negative.
    func gathered(_ indices: [Int], validity: Bitmap) throws -> any ColumnArray {
        func fixed<T: FixedWidthValue>(_ array: PrimitiveArray<T>) -> any ColumnArray {
            let storage = array.storage
            return PrimitiveArray(array.dataType, storage: indices.map { $0 >= 0 ? storage[$0] : .zero }, validity: validity)
        }
        switch self {
        case let a as PrimitiveArray<Int8>: return fixed(a)
        case let a as PrimitiveArray<Int16>: return fixed(a)
        case let a as PrimitiveArray<Int32>: return fixed(a)
        case let a as PrimitiveArray<Int64>: return fixed(a)
        case let a as PrimitiveArray<Float>: return fixed(a)
        case let a as PrimitiveArray<Double>: return fixed(a)
        case let a as PrimitiveArray<Int128>: return fixed(a)
        case let a as BooleanArray:
            return BooleanArray(storage: indices.map { $0 >= 0 ? a.storage[$0] : false }, validity: validity)
        case let a as BinaryArray:
            var offsets: [Int32] = [0]
            offsets.reserveCapacity(indices.count + 1)
            var end: Int32 = 0
            var contiguous = true
            var expected = 0
            for index in indices {
                if index >= 0 {
                    contiguous = contiguous && index == expected
                    expected = index + 1
                    end += Int32(a.length(at: index))
                }
                offsets.append(end)
            }
            if contiguous {
                return BinaryArray(a.dataType, offsets: offsets, bytes: a.bytes, validity: validity)
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(end))
            for index in indices where index >= 0 { bytes.append(contentsOf: a.bytes(at: index)) }
            return BinaryArray(a.dataType, offsets: offsets, bytes: bytes, validity: validity)
        default:
            throw ParquetError(.unsupported, "cannot place values of type \(dataType)")
        }
    }
}
