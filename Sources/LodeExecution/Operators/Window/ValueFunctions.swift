import LodeCore

/// `lag`, `lead`, `first_value`, `last_value` and `nth_value`: each picks another row's
/// value (or a default, or NULL), honouring `IGNORE NULLS`.
enum ValueFunctions {
    static let names: Set<String> = ["lag", "lead", "first_value", "last_value", "nth_value"]

    /// The function's column in input-row order. `arguments` are in input-row order;
    /// `frames` are needed by the frame-based functions.
    static func evaluate(_ name: String, ordering o: WindowOrdering, frames: WindowFrames?, arguments: [any ColumnArray],
                         ignoreNulls: Bool, type: DataType) throws -> any ColumnArray {
        guard let value = arguments.first else { throw ExecutionError(.internal, "\(name) without an argument") }
        let n = o.count
        let valid = (0..<n).map { !value.isNull(o.order[$0]) }
        let nulls = NullIndex(valid: valid)
        /// Per sorted position, the sorted position whose value it takes, or -1.
        var picks = [Int](repeating: -1, count: n)
        switch name {
        case "lag", "lead":
            let offsets = arguments.count > 1 ? try integerValues(arguments[1]) : nil
            for p in 0..<n {
                var offset: Int64 = 1
                if let offsets {
                    guard let given = offsets[o.order[p]] else { picks[p] = -2; continue }
                    offset = given
                }
                if name == "lag" { offset = offset == Int64.min ? Int64.max : -offset }
                picks[p] = ignoreNulls ? nulls.shifted(p, by: offset, within: o.partitionStart[p]..<o.partitionEnd[p])
                                       : shifted(p, by: offset, within: o.partitionStart[p]..<o.partitionEnd[p])
            }
        case "first_value", "last_value", "nth_value":
            guard let frames else { throw ExecutionError(.internal, "\(name) without frames") }
            let positions = name == "nth_value" ? try integerValues(arguments[1]) : nil
            for p in 0..<n {
                let s = frames.starts[p], e = frames.ends[p]
                guard s < e else { continue }
                switch name {
                case "first_value": picks[p] = ignoreNulls ? nulls.first(in: s..<e) : s
                case "last_value": picks[p] = ignoreNulls ? nulls.last(in: s..<e) : e - 1
                default:
                    guard let nth = positions?[o.order[p]] else { continue }
                    guard nth > 0 else { throw ExecutionError(.invalidInput, "argument of nth_value must be greater than zero") }
                    picks[p] = ignoreNulls ? nulls.nth(Int(clamping: nth), in: s..<e)
                                           : (Int64(e - s) >= nth ? s + Int(nth) - 1 : -1)
                }
            }
        default: throw ExecutionError(.internal, "\(name) is not a value function")
        }
        // Input row o gets: the picked row's value, or for lag/lead its default.
        let defaults = arguments.count > 2 ? arguments[2] : nil
        let source = try defaults.map { try concatenate([value, $0], type: type) } ?? value
        let indices = (0..<n).map { row -> Int in
            let pick = picks[o.inverse[row]]
            if pick >= 0 { return o.order[pick] }
            return pick == -1 && defaults != nil ? n + row : -1
        }
        return gathering(source, indices, type: type)
    }

    /// `p + offset` when it stays in `range`, else -1.
    static func shifted(_ p: Int, by offset: Int64, within range: Range<Int>) -> Int {
        let (q, overflow) = Int64(p).addingReportingOverflow(offset)
        return !overflow && q >= Int64(range.lowerBound) && q < Int64(range.upperBound) ? Int(q) : -1
    }
}

/// Where the non-NULL values sit among the sorted positions.
private struct NullIndex {
    /// Non-NULL positions, ascending.
    var positions: [Int] = []
    /// Per position `p`, how many non-NULL positions come before it.
    var before: [Int] = []

    init(valid: [Bool]) {
        before.reserveCapacity(valid.count + 1)
        for (p, v) in valid.enumerated() {
            before.append(positions.count)
            if v { positions.append(p) }
        }
        before.append(positions.count)
    }

    func first(in range: Range<Int>) -> Int { nth(1, in: range) }

    func last(in range: Range<Int>) -> Int {
        let k = before[range.upperBound] - 1
        return k >= before[range.lowerBound] ? positions[k] : -1
    }

    func nth(_ n: Int, in range: Range<Int>) -> Int {
        let (k, overflow) = before[range.lowerBound].addingReportingOverflow(n - 1)
        return !overflow && k < before[range.upperBound] ? positions[k] : -1
    }

    /// The `|offset|`-th non-NULL position after (`offset > 0`) or before `p` in `range`.
    func shifted(_ p: Int, by offset: Int64, within range: Range<Int>) -> Int {
        if offset == 0 { return p }
        let base = offset > 0 ? before[p + 1] - 1 : before[p]
        let (k, overflow) = Int64(base).addingReportingOverflow(offset)
        guard !overflow, k >= Int64(before[range.lowerBound]), k < Int64(before[range.upperBound]) else { return -1 }
        return positions[Int(k)]
    }
}

/// The values of `array` at `indices`, NULL where an index is negative.
func gathering(_ array: any ColumnArray, _ indices: [Int], type: DataType) -> any ColumnArray {
    guard array.count > 0 else {
        return (try? makeArray(type, Array(repeating: .null, count: indices.count))) ?? array
    }
    guard indices.contains(where: { $0 < 0 }) else { return taking(array, indices) }
    let taken = taking(array, indices.map { max(0, $0) })
    var bits = Bitmap(count: indices.count, value: true)
    for (i, index) in indices.enumerated() where index < 0 || taken.isNull(i) { bits[i] = false }
    return replacingValidity(taken, bits)
}

/// `array` with `validity` instead of its own.
func replacingValidity(_ array: any ColumnArray, _ validity: Bitmap) -> any ColumnArray {
    func fixed<T: FixedWidthValue>(_ a: PrimitiveArray<T>) -> any ColumnArray {
        PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
    }
    switch array {
    case let a as PrimitiveArray<Int8>: return fixed(a)
    case let a as PrimitiveArray<Int16>: return fixed(a)
    case let a as PrimitiveArray<Int32>: return fixed(a)
    case let a as PrimitiveArray<Int64>: return fixed(a)
    case let a as PrimitiveArray<Float>: return fixed(a)
    case let a as PrimitiveArray<Double>: return fixed(a)
    case let a as PrimitiveArray<Int128>: return fixed(a)
    case let a as BooleanArray: return BooleanArray(storage: a.storage, validity: validity)
    case let a as BinaryArray: return BinaryArray(a.dataType, offsets: a.offsets, bytes: a.bytes, validity: validity)
    case let a as StructArray: return StructArray(a.dataType, children: a.children, count: a.count, validity: validity)
    case let a as ListArray: return ListArray(a.dataType, offsets: a.offsets, child: a.child, validity: validity)
    default:
        let values = (0..<array.count).map { validity[$0] ? array.value(at: $0) : .null }
        return (try? makeArray(array.dataType, values)) ?? array
    }
}
