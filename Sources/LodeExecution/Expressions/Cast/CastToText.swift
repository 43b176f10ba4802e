import LodeCore

/// Any primitive rendered as DuckDB prints it: `12.50`, `2024-01-31`, `true`, `1.5`.
enum CastToText {
    static func apply(_ array: any ColumnArray) throws -> BinaryArray {
        switch array {
        case let a as BinaryArray: return BinaryArray(.string, offsets: a.offsets, bytes: a.bytes, validity: a.validity)
        case let a as PrimitiveArray<Int8>: return render(a) { String($0) }
        case let a as PrimitiveArray<Int16>: return render(a) { String($0) }
        case let a as PrimitiveArray<Int32>:
            if a.dataType == .date { return render(a) { Temporal.formatDate($0) } }
            return render(a) { String($0) }
        case let a as PrimitiveArray<Int64>:
            if case .timestamp(let unit, let utc) = a.dataType {
                return render(a) { Temporal.formatTimestamp($0, unit: unit) + (utc ? "+00" : "") }
            }
            return render(a) { String($0) }
        case let a as PrimitiveArray<Float>: return render(a) { formatFloat($0) }
        case let a as PrimitiveArray<Double>: return render(a) { formatDouble($0) }
        case let a as PrimitiveArray<Int128>:
            guard case .decimal(let p, let s) = a.dataType else { return render(a) { String($0) } }
            return render(a) { Decimal128($0, precision: p, scale: s).description }
        case let a as BooleanArray:
            var builder = BinaryBuilder(.string, capacity: a.count)
            for i in 0..<a.count {
                if a.isNull(i) { builder.appendNull() } else { builder.append(a.storage[i] ? "true" : "false") }
            }
            return builder.finish()
        default:
            var builder = BinaryBuilder(.string, capacity: array.count)
            for i in 0..<array.count {
                let v = array.value(at: i)
                if v.isNull { builder.appendNull() } else { builder.append(v.description) }
            }
            return builder.finish()
        }
    }

    @inline(__always)
    static func render<T: FixedWidthValue>(_ a: PrimitiveArray<T>, _ format: (T) -> String) -> BinaryArray {
        var builder = BinaryBuilder(.string, capacity: a.count)
        let validity = a.validity
        for i in 0..<a.count {
            if let validity, !validity[i] { builder.appendNull() } else { builder.append(format(a.storage[i])) }
        }
        return builder.finish()
    }

    /// Shortest text that reads back as the same float.
    static func formatFloat(_ f: Float) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        if f == f.rounded(), abs(f) < 1e15 { return String(Int64(f)) + ".0" }
        return String(f)
    }
}
