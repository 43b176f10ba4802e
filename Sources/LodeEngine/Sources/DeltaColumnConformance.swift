import LodeCore

/// Makes a column read from a Delta data file fit the table schema: the table's
/// nested field names and nullability, timestamps in the table's unit, integers and
/// floats widened, struct fields matched by name (missing ones null).
enum DeltaColumnConformance {
    /// `array` as a column of `type`; throws when the file's type cannot be read as it.
    static func conform(_ array: any ColumnArray, to type: DataType, column: String) throws -> any ColumnArray {
        if array.dataType == type { return array }
        func mismatch() -> EngineError {
            EngineError(.badData, "column '\(column)' holds \(array.dataType) in the data file, the table says \(type)")
        }
        switch type {
        case .struct(let fields):
            guard let source = array as? StructArray, case .struct(let sourceFields) = source.dataType else { throw mismatch() }
            let children = try fields.map { field -> any ColumnArray in
                guard let i = sourceFields.firstIndex(where: { $0.name == field.name })
                        ?? sourceFields.firstIndex(where: { $0.name.lowercased() == field.name.lowercased() }) else {
                    return try ConstantColumn.make(.null, type: field.type, count: source.count)
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
            let child = StructArray(.struct([key, value]),
                                    children: [try conform(entries.children[0], to: key.type, column: column + ".key"),
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
}
