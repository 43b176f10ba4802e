import LodeCore

/// A constant, repeated to the batch's length when evaluated on its own; kernels read it
/// once through ``Operand``.
struct LiteralExpression: PhysicalExpression {
    let value: Value
    let type: DataType
    /// The value as a one-row array of `type`.
    let single: any ColumnArray

    init(_ value: Value, _ type: DataType) throws {
        self.value = value
        self.type = type
        single = try LiteralExpression.singleRow(value, type)
    }

    init(single: any ColumnArray) {
        self.single = single
        type = single.dataType
        value = single.value(at: 0)
    }

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray { broadcast(single, count: batch.count) }

    var description: String {
        if case .string(let s) = value { return "'\(s)'" }
        return value.description
    }

    /// `value` as a one-row array of `type`: built in the value's own type, then cast.
    private static func singleRow(_ value: Value, _ type: DataType) throws -> any ColumnArray {
        guard let natural = naturalType(of: value), natural != type else { return try makeArray(type, [value]) }
        if case .decimal(let d) = value, case .decimal(let p, let s) = type {
            return PrimitiveArray<Int128>(type, storage: [try DecimalScaling.rescale(d.unscaled, from: d.scale, to: s, precision: p)])
        }
        return try Cast.apply(makeArray(natural, [value]), to: type, isTry: false)
    }

    /// The type a boxed value carries by itself (`nil` for NULL and nested values).
    private static func naturalType(of value: Value) -> DataType? {
        switch value {
        case .boolean: return .boolean
        case .int: return .int64
        case .double: return .float64
        case .decimal(let d): return .decimal(precision: max(d.precision, 1), scale: d.scale)
        case .string: return .string
        case .binary: return .binary
        case .date: return .date
        case .timestamp(_, let unit, let utc): return .timestamp(unit, utc: utc)
        case .null, .list, .struct, .map: return nil
        }
    }
}
