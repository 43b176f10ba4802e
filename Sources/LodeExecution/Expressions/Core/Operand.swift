import LodeCore

/// One evaluated argument of a kernel: a column of the batch's length, or a constant held
/// as a one-row array that kernels read once instead of per row.
struct Operand {
    let array: any ColumnArray
    let isConstant: Bool

    /// Whether the constant is NULL (every row of the result is NULL).
    var isNullConstant: Bool { isConstant && array.isNull(0) }

    /// The validity of `count` rows: `nil` when all are valid.
    func validity(count: Int) -> Bitmap? {
        if isConstant { return array.isNull(0) ? Bitmap(count: count, value: false) : nil }
        return array.validity
    }

    func primitive<T: FixedWidthValue>(_: T.Type) throws -> PrimitiveArray<T> {
        guard let typed = array as? PrimitiveArray<T> else { throw kernelTypeError("\(T.self)") }
        return typed
    }

    func booleans() throws -> BooleanArray {
        guard let typed = array as? BooleanArray else { throw kernelTypeError("BOOLEAN") }
        return typed
    }

    func binary() throws -> BinaryArray {
        guard let typed = array as? BinaryArray else { throw kernelTypeError("VARCHAR") }
        return typed
    }

    /// The array repeated to `count` rows when constant, otherwise as it is.
    func materialized(count: Int) -> any ColumnArray {
        isConstant ? broadcast(array, count: count) : array
    }

    private func kernelTypeError(_ expected: String) -> ExecutionError {
        ExecutionError(.internal, "kernel expected \(expected) storage, got \(array.dataType) in \(type(of: array))")
    }
}

extension PhysicalExpression {
    /// Evaluates `self` as a kernel argument, keeping literals as one-row constants.
    func operand(_ batch: RecordBatch) throws -> Operand {
        if let literal = self as? LiteralExpression { return Operand(array: literal.single, isConstant: true) }
        return Operand(array: try evaluate(batch), isConstant: false)
    }
}

/// Row 0 of `array` repeated `count` times.
func broadcast(_ array: any ColumnArray, count: Int) -> any ColumnArray {
    let valid = !array.isNull(0)
    let validity: Bitmap? = valid ? nil : Bitmap(count: count, value: false)
    func fixed<T: FixedWidthValue>(_ a: PrimitiveArray<T>) -> any ColumnArray {
        PrimitiveArray(a.dataType, storage: Array(repeating: valid ? a.storage[0] : .zero, count: count), validity: validity)
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
        return BooleanArray(storage: Array(repeating: valid && a.storage[0], count: count), validity: validity)
    case let a as BinaryArray:
        guard valid else {
            return BinaryArray(a.dataType, offsets: Array(repeating: 0, count: count + 1), bytes: [], validity: validity)
        }
        let value = Array(a.bytes(at: 0))
        var bytes = [UInt8]()
        bytes.reserveCapacity(value.count * count)
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(count + 1)
        for _ in 0..<count {
            bytes.append(contentsOf: value)
            offsets.append(Int32(truncatingIfNeeded: bytes.count))
        }
        return BinaryArray(a.dataType, offsets: offsets, bytes: bytes)
    default:
        return taking(array, Array(repeating: 0, count: count))
    }
}
