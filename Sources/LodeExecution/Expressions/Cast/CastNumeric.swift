import LodeCore

/// Casts among booleans, integers, floats and decimals.
enum CastNumeric {
    static func apply(_ array: any ColumnArray, to target: DataType, isTry: Bool) throws -> any ColumnArray {
        switch array {
        case let a as PrimitiveArray<Int8>: return try fromInteger(a, to: target, isTry: isTry)
        case let a as PrimitiveArray<Int16>: return try fromInteger(a, to: target, isTry: isTry)
        case let a as PrimitiveArray<Int32>: return try fromInteger(a, to: target, isTry: isTry)
        case let a as PrimitiveArray<Int64>: return try fromInteger(a, to: target, isTry: isTry)
        case let a as PrimitiveArray<Float>: return try fromFloat(a, to: target, isTry: isTry)
        case let a as PrimitiveArray<Double>: return try fromFloat(a, to: target, isTry: isTry)
        case let a as PrimitiveArray<Int128>: return try fromDecimal(a, to: target, isTry: isTry)
        case let a as BooleanArray:
            let ints = PrimitiveArray<Int8>(.int8, storage: a.storage.map { $0 ? 1 : 0 }, validity: a.validity)
            return try fromInteger(ints, to: target, isTry: isTry)
        default:
            throw ExecutionError(.conversion, "unimplemented cast from \(array.dataType) to \(target)")
        }
    }

    static func fromInteger<A: FixedWidthInteger & FixedWidthValue>(
        _ a: PrimitiveArray<A>, to target: DataType, isTry: Bool
    ) throws -> any ColumnArray {
        switch target {
        case .boolean: return BooleanArray(storage: a.storage.map { $0 != 0 }, validity: a.validity)
        case .int8: return try Cast.convert(a, to: target, isTry: isTry) { Int8(exactly: $0) }
        case .int16: return try Cast.convert(a, to: target, isTry: isTry) { Int16(exactly: $0) }
        case .int32: return try Cast.convert(a, to: target, isTry: isTry) { Int32(exactly: $0) }
        case .int64: return try Cast.convert(a, to: target, isTry: isTry) { Int64(exactly: $0) }
        case .float32: return try Cast.convert(a, to: target, isTry: isTry) { Float($0) }
        case .float64: return try Cast.convert(a, to: target, isTry: isTry) { Double($0) }
        case .decimal(let p, let s):
            let factor = DecimalScaling.power(s), limit = DecimalScaling.power(p)
            return try Cast.convert(a, to: target, isTry: isTry) { (x: A) -> Int128? in
                let (v, o) = Int128(x).multipliedReportingOverflow(by: factor)
                return o || v.magnitude >= limit.magnitude ? nil : v
            }
        default: throw ExecutionError(.conversion, "unimplemented cast from \(a.dataType) to \(target)")
        }
    }

    static func fromFloat<A: BinaryFloatingPoint & FixedWidthValue>(
        _ a: PrimitiveArray<A>, to target: DataType, isTry: Bool
    ) throws -> any ColumnArray {
        func integer<R: FixedWidthInteger & FixedWidthValue>(_: R.Type) throws -> any ColumnArray {
            try Cast.convert(a, to: target, isTry: isTry) { (x: A) -> R? in
                x.isFinite ? R(exactly: x.rounded(.toNearestOrEven)) : nil
            }
        }
        switch target {
        case .boolean: return BooleanArray(storage: a.storage.map { $0 != 0 }, validity: a.validity)
        case .int8: return try integer(Int8.self)
        case .int16: return try integer(Int16.self)
        case .int32: return try integer(Int32.self)
        case .int64: return try integer(Int64.self)
        case .float32: return try Cast.convert(a, to: target, isTry: isTry) { Float($0) }
        case .float64: return try Cast.convert(a, to: target, isTry: isTry) { Double($0) }
        case .decimal(let p, let s):
            let factor = pow10(s), limit = DecimalScaling.power(p)
            return try Cast.convert(a, to: target, isTry: isTry) { (x: A) -> Int128? in
                // DuckDB nudges by 1e-9 toward the sign so that 2.675 → 2.68 despite binary error.
                var scaled = Double(x) * factor
                scaled += scaled > 0 ? 1e-9 : (scaled < 0 ? -1e-9 : 0)
                scaled = scaled.rounded(.toNearestOrAwayFromZero)
                guard scaled.isFinite, let v = Int128(exactly: scaled), v.magnitude < limit.magnitude else { return nil }
                return v
            }
        default: throw ExecutionError(.conversion, "unimplemented cast from \(a.dataType) to \(target)")
        }
    }

    static func fromDecimal(_ a: PrimitiveArray<Int128>, to target: DataType, isTry: Bool) throws -> any ColumnArray {
        guard case .decimal(_, let scale) = a.dataType else { throw ExecutionError(.internal, "decimal storage of \(a.dataType)") }
        let divisor = DecimalScaling.power(scale)
        func integer<R: FixedWidthInteger & FixedWidthValue>(_: R.Type) throws -> any ColumnArray {
            try Cast.convert(a, to: target, isTry: isTry) { R(exactly: DecimalScaling.roundedDivide($0, by: divisor)) }
        }
        let factor = pow10(scale)
        switch target {
        case .boolean: return BooleanArray(storage: a.storage.map { $0 != 0 }, validity: a.validity)
        case .int8: return try integer(Int8.self)
        case .int16: return try integer(Int16.self)
        case .int32: return try integer(Int32.self)
        case .int64: return try integer(Int64.self)
        case .float32: return try Cast.convert(a, to: target, isTry: isTry) { Float(Double($0) / factor) }
        case .float64: return try Cast.convert(a, to: target, isTry: isTry) { Double($0) / factor }
        case .decimal(let p, let s):
            return try Cast.convert(a, to: target, isTry: isTry) { DecimalScaling.rescaled($0, from: scale, to: s, precision: p) }
        default: throw ExecutionError(.conversion, "unimplemented cast from \(a.dataType) to \(target)")
        }
    }

    static func pow10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<max(n, 0) { p *= 10 }
        return p
    }
}
