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

/// Interleaves rendered columns into rows of text.
enum RowAssembler {
    /// The rows of `columns`: for each row, each column's value preceded by its
    /// prefix, then `suffix`. The output is sized exactly and filled by copying.
    static func assemble(_ columns: [RenderedColumn], rowCount: Int, prefixes: [[UInt8]], suffix: [UInt8]) -> [UInt8] {
        var total = rowCount * (prefixes.reduce(0) { $0 + $1.count } + suffix.count)
        for column in columns { total += column.bytes.count }
        let separators = prefixes.flatMap { $0 } + suffix
        var separatorEnds: [Int] = []
        for prefix in prefixes { separatorEnds.append((separatorEnds.last ?? 0) + prefix.count) }
        separatorEnds.append(separators.count)
        var pointers: [(bytes: UnsafePointer<UInt8>?, ends: UnsafePointer<Int>?)] = []
        return withColumnPointers(columns, 0, &pointers) { pointers in
            separators.withUnsafeBufferPointer { separators in
                [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
                    guard let base = out.baseAddress, let separatorBase = separators.baseAddress else { return }
                    var at = 0
                    @inline(__always) func copy(_ source: UnsafePointer<UInt8>, _ count: Int) {
                        if count > 0 { (base + at).update(from: source, count: count) }
                        at += count
                    }
                    for row in 0..<rowCount {
                        var separatorStart = 0
                        for c in 0..<pointers.count {
                            copy(separatorBase + separatorStart, separatorEnds[c] - separatorStart)
                            separatorStart = separatorEnds[c]
                            let (bytes, ends) = pointers[c]
                            guard let bytes, let ends else { continue }
                            let start = row == 0 ? 0 : ends[row - 1]
                            copy(bytes + start, ends[row] - start)
                        }
                        copy(separatorBase + separatorStart, separators.count - separatorStart)
                    }
                    initialized = at
                }
            }
        }
    }

    /// Calls `body` with pointers to every column's buffers, which stay valid inside it.
    private static func withColumnPointers<R>(_ columns: [RenderedColumn], _ index: Int,
                                              _ pointers: inout [(bytes: UnsafePointer<UInt8>?, ends: UnsafePointer<Int>?)],
                                              _ body: ([(bytes: UnsafePointer<UInt8>?, ends: UnsafePointer<Int>?)]) -> R) -> R {
        guard index < columns.count else { return body(pointers) }
        return columns[index].bytes.withUnsafeBufferPointer { bytes in
            columns[index].ends.withUnsafeBufferPointer { ends in
                // A column with no bytes has no buffer (its values are all empty) and is skipped.
                pointers.append((bytes.baseAddress, ends.baseAddress))
                return withColumnPointers(columns, index + 1, &pointers, body)
            }
        }
    }
}
