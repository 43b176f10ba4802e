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

    private static func singleRow(_ value: Value, _ type: DataType) throws -> any ColumnArray {
        switch (value, type) {
        case (.decimal(let d), .decimal(let p, let s)) where d.scale != s:
            let rescaled = try DecimalScaling.rescale(d.unscaled, from: d.scale, to: s, precision: p)
            return PrimitiveArray<Int128>(type, storage: [rescaled])
        case (.string(let text), _) where type != .string && type != .binary:
            return try Cast.apply(BinaryArray(strings: [text]), to: type, isTry: false)
        case (.int(let i), .decimal(_, let s)):
            return PrimitiveArray<Int128>(type, storage: [Int128(i) * Decimal128.powerOfTen(s)])
        case (.date(let d), .timestamp(let unit, _)):
            return PrimitiveArray<Int64>(type, storage: [Int64(d) * 86_400 * unit.perSecond])
        default:
            if let array = try? makeArray(type, [value]) { return array }
            throw ExecutionError(.internal, "literal \(value) does not fit \(type)")
        }
    }
}
