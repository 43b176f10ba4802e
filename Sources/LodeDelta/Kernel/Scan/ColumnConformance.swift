import LodeCore

/// Makes columns read from a data file fit the table schema: nested field names and
/// nullability as the table says, timestamps in the table's unit, integers widened,
/// struct fields matched by name (missing ones null), and all-null or constant
/// columns for what a file lacks.
public enum ColumnConformance {
    /// `array` as a column of `type`; throws when the file's type cannot be read as it.
    public static func conform(_ array: any ColumnArray, to type: DataType, column: String) throws -> any ColumnArray {
        if array.dataType == type { return array }
        func mismatch() -> DeltaError {
            DeltaError(.invalidArgument, "column '\(column)' holds \(array.dataType) in the data file, the table says \(type)")
        }
        switch type {
        case .struct(let fields):
            guard let source = array as? StructArray, case .struct(let sourceFields) = source.dataType else { throw mismatch() }
            let children = try fields.map { field -> any ColumnArray in
                guard let i = sourceFields.firstIndex(where: { $0.name == field.name })
                        ?? sourceFields.firstIndex(where: { $0.name.lowercased() == field.name.lowercased() }) else {
                    return try nulls(field.type, count: source.count)
                }
                return try conform(source.children[i], to: field.type, column: column + "." + field.name)
            }
            return StructArray(type, children: children, count: source.count, validity: source.validity)
        case .list(let element):
            guard let source = array as? ListArray, case .list = source.dataType else { throw mismatch() }
            return ListArray(type, offsets: source.offsets,
                             child: try conform(source.child, to: element.type, column: column + "[]"), validity: source.validity)
        case .map(let key, let value):
            guard let source = array as? ListArray, case .map = source.dataType, let entries = source.child as? StructArray,
                  entries.children.count == 2 else { throw mismatch() }
            let entryType = DataType.struct([key, value])
            let child = StructArray(entryType, children: [try conform(entries.children[0], to: key.type, column: column + ".key"),
                                                          try conform(entries.children[1], to: value.type, column: column + ".value")],
                                    count: entries.count, validity: entries.validity)
            return ListArray(type, offsets: source.offsets, child: child, validity: source.validity)
        case .timestamp(let unit, _):
            guard let source = array as? PrimitiveArray<Int64>, case .timestamp(let sourceUnit, _) = source.dataType else {
                throw mismatch()
            }
            if sourceUnit == unit { return PrimitiveArray(type, storage: source.storage, validity: source.validity) }
            return PrimitiveArray(type, storage: rescale(source.storage, from: sourceUnit, to: unit), validity: source.validity)
        case .int16, .int32, .int64:
            if let a = array as? PrimitiveArray<Int8> { return widen(a, to: type) }
            if let a = array as? PrimitiveArray<Int16> { return widen(a, to: type) }
            if let a = array as? PrimitiveArray<Int32>, type != .int16, a.dataType == .int32 { return widen(a, to: type) }
            throw mismatch()
        case .float64:
            if let a = array as? PrimitiveArray<Float> {
                return PrimitiveArray(type, storage: a.storage.map(Double.init), validity: a.validity)
            }
            throw mismatch()
        case .string, .binary:
            guard let a = array as? BinaryArray else { throw mismatch() }
            return BinaryArray(type, offsets: a.offsets, bytes: a.bytes, validity: a.validity)
        default:
            throw mismatch()
        }
    }

    private static func widen<T: FixedWidthInteger & FixedWidthValue>(_ a: PrimitiveArray<T>, to type: DataType) -> any ColumnArray {
        switch type {
        case .int16: return PrimitiveArray(type, storage: a.storage.map { Int16($0) }, validity: a.validity)
        case .int32: return PrimitiveArray(type, storage: a.storage.map { Int32($0) }, validity: a.validity)
        default: return PrimitiveArray(type, storage: a.storage.map { Int64($0) }, validity: a.validity)
        }
    }

    private static func rescale(_ values: [Int64], from: TimeUnit, to: TimeUnit) -> [Int64] {
        if from.perSecond > to.perSecond {
            let factor = from.perSecond / to.perSecond
            return values.map { $0 >= 0 ? $0 / factor : ($0 - factor + 1) / factor }
        }
        let factor = to.perSecond / from.perSecond
        return values.map { $0.multipliedReportingOverflow(by: factor).partialValue }
    }

    /// A column of `count` nulls.
    static func nulls(_ type: DataType, count: Int) throws -> any ColumnArray {
        try constant(.null, type: type, count: count)
    }

    /// A column repeating `value` (of `type`, or null) `count` times.
    public static func constant(_ value: Value, type: DataType, count: Int) throws -> any ColumnArray {
        let validity: Bitmap? = value.isNull ? Bitmap(count: count, value: false) : nil
        switch (type, value) {
        case (.boolean, _):
            if case .boolean(let b) = value { return BooleanArray(storage: Array(repeating: b, count: count)) }
            return BooleanArray(storage: Array(repeating: false, count: count), validity: validity)
        case (.int8, _): return PrimitiveArray<Int8>(type, storage: Array(repeating: Int8(truncatingIfNeeded: intValue(value)), count: count), validity: validity)
        case (.int16, _): return PrimitiveArray<Int16>(type, storage: Array(repeating: Int16(truncatingIfNeeded: intValue(value)), count: count), validity: validity)
        case (.int32, _): return PrimitiveArray<Int32>(type, storage: Array(repeating: Int32(truncatingIfNeeded: intValue(value)), count: count), validity: validity)
        case (.date, _): return PrimitiveArray<Int32>(type, storage: Array(repeating: Int32(truncatingIfNeeded: intValue(value)), count: count), validity: validity)
        case (.int64, _), (.timestamp, _): return PrimitiveArray<Int64>(type, storage: Array(repeating: intValue(value), count: count), validity: validity)
        case (.float32, _):
            let d: Double = { if case .double(let d) = value { return d } else { return 0 } }()
            return PrimitiveArray<Float>(type, storage: Array(repeating: Float(d), count: count), validity: validity)
        case (.float64, _):
            let d: Double = { if case .double(let d) = value { return d } else { return 0 } }()
            return PrimitiveArray<Double>(type, storage: Array(repeating: d, count: count), validity: validity)
        case (.decimal, _):
            let u: Int128 = { if case .decimal(let d) = value { return d.unscaled } else { return 0 } }()
            return PrimitiveArray<Int128>(type, storage: Array(repeating: u, count: count), validity: validity)
        case (.string, _), (.binary, _):
            let bytes: [UInt8]
            switch value {
            case .string(let s): bytes = Array(s.utf8)
            case .binary(let b): bytes = b
            default: bytes = []
            }
            guard bytes.count.multipliedReportingOverflow(by: count).partialValue <= Int(Int32.max),
                  bytes.count <= Int(Int32.max) / max(count, 1) else {
                throw DeltaError(.invalidArgument, "a constant column of \(count) values of \(bytes.count) bytes exceeds 2 GiB")
            }
            var offsets = [Int32](repeating: 0, count: count + 1)
            var all: [UInt8] = []
            if !bytes.isEmpty {
                all.reserveCapacity(bytes.count * count)
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

    private static func intValue(_ value: Value) -> Int64 {
        switch value {
        case .int(let i): return i
        case .date(let d): return Int64(d)
        case .timestamp(let t, _, _): return t
        default: return 0
        }
    }
}
