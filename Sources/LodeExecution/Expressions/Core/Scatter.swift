import LodeCore

/// Assembles one column from pieces that each cover some rows of the output: CASE arms
/// evaluated on the rows that chose them, COALESCE filling NULLs.
enum Scatter {
    /// A `count`-row column of `type` where row `rows[k]` of piece `p` comes from
    /// `p.array[k]`; rows no piece covers are NULL.
    static func assemble(_ type: DataType, count: Int, pieces: [(array: any ColumnArray, rows: [Int])]) throws -> any ColumnArray {
        var validity = Bitmap(count: count, value: false)
        for piece in pieces {
            for (k, row) in piece.rows.enumerated() where !piece.array.isNull(k) { validity[row] = true }
        }
        func fixed<T: FixedWidthValue>(_: T.Type) throws -> any ColumnArray {
            var storage = [T](repeating: .zero, count: count)
            for piece in pieces {
                guard let a = piece.array as? PrimitiveArray<T> else { throw mismatch(piece.array, type) }
                for (k, row) in piece.rows.enumerated() { storage[row] = a.storage[k] }
            }
            return PrimitiveArray(type, storage: storage, validity: validity)
        }
        switch type {
        case .int8: return try fixed(Int8.self)
        case .int16: return try fixed(Int16.self)
        case .int32, .date: return try fixed(Int32.self)
        case .int64, .timestamp: return try fixed(Int64.self)
        case .float32: return try fixed(Float.self)
        case .float64: return try fixed(Double.self)
        case .decimal: return try fixed(Int128.self)
        case .boolean:
            var storage = [Bool](repeating: false, count: count)
            for piece in pieces {
                guard let a = piece.array as? BooleanArray else { throw mismatch(piece.array, type) }
                for (k, row) in piece.rows.enumerated() { storage[row] = a.storage[k] }
            }
            return BooleanArray(storage: storage, validity: validity)
        case .string, .binary:
            var source = [(piece: Int, index: Int)](repeating: (-1, 0), count: count)
            var arrays: [BinaryArray] = []
            for (p, piece) in pieces.enumerated() {
                guard let a = piece.array as? BinaryArray else { throw mismatch(piece.array, type) }
                arrays.append(a)
                for (k, row) in piece.rows.enumerated() { source[row] = (p, k) }
            }
            var builder = BinaryBuilder(type, capacity: count)
            for row in 0..<count {
                let (p, k) = source[row]
                if p < 0 || arrays[p].isNull(k) { builder.appendNull() } else { builder.append(arrays[p].bytes(at: k)) }
            }
            return builder.finish()
        default:
            var values = [Value](repeating: .null, count: count)
            for piece in pieces { for (k, row) in piece.rows.enumerated() { values[row] = piece.array.value(at: k) } }
            return try makeArray(type, values)
        }
    }

    private static func mismatch(_ array: any ColumnArray, _ type: DataType) -> ExecutionError {
        ExecutionError(.internal, "branch produced \(array.dataType), expected \(type)")
    }
}
