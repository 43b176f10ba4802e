import LodeCore

/// The text of every value of one column, rendered in one pass over the column so
/// the type is dispatched once, not per value. Value `i` is `bytes[ends[i-1]..<ends[i]]`
/// (from 0 for the first).
struct RenderedColumn {
    var bytes: [UInt8] = []
    var ends: [Int] = []

    /// Renders each value with `body`, or `nullText` for a null slot.
    @inline(__always)
    init(count: Int, validity: Bitmap?, nullText: [UInt8], _ body: (Int, inout [UInt8]) -> Void) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(count * 8)
        if let validity {
            for i in 0..<count {
                if validity[i] { body(i, &bytes) } else { bytes.append(contentsOf: nullText) }
                ends.append(bytes.count)
            }
        } else {
            for i in 0..<count {
                body(i, &bytes)
                ends.append(bytes.count)
            }
        }
    }

    /// The canonical JSON text of each value of `array` (see ``NDJSONWriter``).
    static func json(_ array: any ColumnArray) throws -> RenderedColumn {
        let null: [UInt8] = Array("null".utf8)
        let n = array.count
        switch array {
        case let a as BooleanArray:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                a.storage[i] ? out.appendASCII("true") : out.appendASCII("false")
            }
        case let a as PrimitiveArray<Int8>:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in out.appendInteger(Int64(a.storage[i])) }
        case let a as PrimitiveArray<Int16>:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in out.appendInteger(Int64(a.storage[i])) }
        case let a as PrimitiveArray<Int32> where a.dataType == .int32:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in out.appendInteger(Int64(a.storage[i])) }
        case let a as PrimitiveArray<Int64> where a.dataType == .int64:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in out.appendInteger(a.storage[i]) }
        case let a as PrimitiveArray<Float>:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                let v = a.storage[i]
                if v.isFinite { out.appendShortest(v) } else { out.appendNonFiniteJSON(Double(v)) }
            }
        case let a as PrimitiveArray<Double>:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                let v = a.storage[i]
                if v.isFinite { out.appendShortest(v) } else { out.appendNonFiniteJSON(v) }
            }
        case let a as PrimitiveArray<Int128>:
            guard case .decimal(_, let scale) = a.dataType else { break }
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                out.append(ASCII.quote)
                out.appendDecimal(a.storage[i], scale: scale)
                out.append(ASCII.quote)
            }
        case let a as PrimitiveArray<Int32> where a.dataType == .date:
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                out.append(ASCII.quote)
                out.appendDate(a.storage[i])
                out.append(ASCII.quote)
            }
        case let a as PrimitiveArray<Int64>:
            guard case .timestamp(let unit, let utc) = a.dataType else { break }
            return RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                out.append(ASCII.quote)
                out.appendTimestamp(a.storage[i], unit: unit, utc: utc)
                out.append(ASCII.quote)
            }
        case let a as BinaryArray:
            let isString = a.dataType == .string
            return a.bytes.withUnsafeBufferPointer { bytes in
                RenderedColumn(count: n, validity: a.validity, nullText: null) { i, out in
                    let value = ByteSpan(rebasing: bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])])
                    if isString {
                        out.appendJSONString(value)
                    } else {
                        out.append(ASCII.quote)
                        appendBase64(value, to: &out)
                        out.append(ASCII.quote)
                    }
                }
            }
        default:
            break
        }
        let view = try ColumnView(array)
        return RenderedColumn(count: n, validity: nil, nullText: null) { i, out in out.appendJSONValue(view, i) }
    }
}

extension Array where Element == UInt8 {
    /// Appends row `row` of `columns`: each column's value preceded by `prefixes[c]`,
    /// then `suffix`.
    @inline(__always)
    mutating func appendRow(_ columns: [RenderedColumn], _ row: Int, prefixes: [[UInt8]], suffix: [UInt8]) {
        for c in 0..<columns.count {
            append(contentsOf: prefixes[c])
            let column = columns[c]
            let start = row == 0 ? 0 : column.ends[row - 1]
            column.bytes.withUnsafeBufferPointer { bytes in
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<column.ends[row]]))
            }
        }
        append(contentsOf: suffix)
    }
}
