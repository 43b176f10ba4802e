import LodeCore

/// Columns that repeat one value: Delta partition columns and columns a data file lacks.
enum ConstantColumn {
    /// A column of `count` copies of `value` (of `type`, or null).
    static func make(_ value: Value, type: DataType, count: Int) throws -> any ColumnArray {
        let validity: Bitmap? = value.isNull ? Bitmap(count: count, value: false) : nil
        switch type {
        case .boolean:
            if case .boolean(let b) = value { return BooleanArray(storage: Array(repeating: b, count: count)) }
            return BooleanArray(storage: Array(repeating: false, count: count), validity: validity)
        case .int8: return PrimitiveArray<Int8>(type, storage: Array(repeating: Int8(truncatingIfNeeded: integer(value)), count: count), validity: validity)
        case .int16: return PrimitiveArray<Int16>(type, storage: Array(repeating: Int16(truncatingIfNeeded: integer(value)), count: count), validity: validity)
        case .int32, .date:
            return PrimitiveArray<Int32>(type, storage: Array(repeating: Int32(truncatingIfNeeded: integer(value)), count: count), validity: validity)
        case .int64, .timestamp:
            return PrimitiveArray<Int64>(type, storage: Array(repeating: integer(value), count: count), validity: validity)
        case .float32:
            return PrimitiveArray<Float>(type, storage: Array(repeating: Float(double(value)), count: count), validity: validity)
        case .float64:
            return PrimitiveArray<Double>(type, storage: Array(repeating: double(value), count: count), validity: validity)
        case .decimal:
            let unscaled: Int128 = { if case .decimal(let d) = value { return d.unscaled } else { return 0 } }()
            return PrimitiveArray<Int128>(type, storage: Array(repeating: unscaled, count: count), validity: validity)
        case .string, .binary:
            let bytes: [UInt8]
            switch value {
            case .string(let s): bytes = Array(s.utf8)
            case .binary(let b): bytes = b
            default: bytes = []
            }
            let (total, overflow) = bytes.count.multipliedReportingOverflow(by: count)
            guard !overflow, total <= Int(Int32.max) else {
                throw EngineError(.invalidArgument, "a constant column of \(count) values of \(bytes.count) bytes exceeds 2 GiB")
            }
            var offsets = [Int32](repeating: 0, count: count + 1)
            var all: [UInt8] = []
            if !bytes.isEmpty {
                all.reserveCapacity(total)
                for i in 0..<count {
                    all.append(contentsOf: bytes)
                    offsets[i + 1] = Int32(truncatingIfNeeded: all.count)
                }
            }
            return BinaryArray(type, offsets: offsets, bytes: all, validity: validity)
        default:
            return try makeArray(type, Array(repeating: value, count: count))
        }
    }

    private static func integer(_ value: Value) -> Int64 {
        switch value {
        case .int(let i): return i
        case .date(let d): return Int64(d)
        case .timestamp(let t, _, _): return t
        default: return 0
        }
    }

    private static func double(_ value: Value) -> Double {
        if case .double(let d) = value { return d }
        if case .int(let i) = value { return Double(i) }
        return 0
    }
}
