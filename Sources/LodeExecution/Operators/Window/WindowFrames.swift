import LodeCore
import LodePlan

/// Every sorted position's frame as a range of sorted positions `starts[p]..<ends[p]`
/// (empty when `ends[p] <= starts[p]`), never leaving the position's partition.
struct WindowFrames {
    var starts: [Int]
    var ends: [Int]

    /// The frames of `spec` over `ordering`; `orderKey` is the single `ORDER BY` column
    /// (input-row order) that `RANGE` offsets measure, when there is one.
    init(_ spec: WindowFrameSpec, ordering: WindowOrdering, orderKey: PhysicalSortKey?, batch: RecordBatch) throws {
        let n = ordering.count
        starts = [Int](repeating: 0, count: n)
        ends = [Int](repeating: 0, count: n)
        switch spec.unit {
        case .rows:
            let start = try Self.rowOffset(spec.start), end = try Self.rowOffset(spec.end)
            for p in 0..<n {
                starts[p] = Self.rowBound(spec.start, start, p, ordering, isEnd: false)
                ends[p] = Self.rowBound(spec.end, end, p, ordering, isEnd: true)
            }
        case .groups:
            let start = try Self.rowOffset(spec.start), end = try Self.rowOffset(spec.end)
            for p in 0..<n {
                starts[p] = Self.groupBound(spec.start, start, p, ordering, isEnd: false)
                ends[p] = Self.groupBound(spec.end, end, p, ordering, isEnd: true)
            }
        case .range:
            let ranges = try RangeSearch(spec, ordering: ordering, orderKey: orderKey, batch: batch)
            for p in 0..<n {
                starts[p] = ranges.bound(spec.start, p, isEnd: false)
                ends[p] = ranges.bound(spec.end, p, isEnd: true)
            }
        }
        for p in 0..<n {
            let lo = ordering.partitionStart[p], hi = ordering.partitionEnd[p]
            starts[p] = min(max(starts[p], lo), hi)
            ends[p] = min(max(ends[p], starts[p]), hi)
        }
    }

    /// Whether every frame is its whole partition.
    func coversPartitions(_ ordering: WindowOrdering) -> Bool {
        for p in 0..<starts.count where starts[p] != ordering.partitionStart[p] || ends[p] != ordering.partitionEnd[p] {
            return false
        }
        return true
    }

    /// The row or group count of a `n PRECEDING`/`n FOLLOWING` bound (0 for the others).
    static func rowOffset(_ bound: WindowFrameSpec.Bound) throws -> Int {
        switch bound {
        case .preceding(let v), .following(let v):
            switch v {
            case .int(let i) where i >= 0: return Int(i)
            case .decimal(let d) where d.scale == 0 && d.unscaled >= 0 && d.unscaled <= Int128(Int.max): return Int(d.unscaled)
            default: throw ExecutionError(.invalidInput, "frame offset must be a non-negative integer, got \(v)")
            }
        default: return 0
        }
    }

    /// Clamps `a + b` to stay representable.
    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }

    static func rowBound(_ bound: WindowFrameSpec.Bound, _ offset: Int, _ p: Int, _ o: WindowOrdering, isEnd: Bool) -> Int {
        let shift = isEnd ? 1 : 0
        switch bound {
        case .unboundedPreceding: return o.partitionStart[p]
        case .preceding: return add(p, -offset) + shift
        case .currentRow: return p + shift
        case .following: return add(add(p, offset), shift)
        case .unboundedFollowing: return o.partitionEnd[p]
        }
    }

    static func groupBound(_ bound: WindowFrameSpec.Bound, _ offset: Int, _ p: Int, _ o: WindowOrdering, isEnd: Bool) -> Int {
        let group = o.peerIndex[p]
        let first = o.peerIndex[o.partitionStart[p]], last = o.peerIndex[o.partitionEnd[p] - 1]
        func startOf(_ g: Int) -> Int { g < first ? o.partitionStart[p] : (g > last ? o.partitionEnd[p] : o.peerGroupStarts[g]) }
        func endOf(_ g: Int) -> Int { g < first ? o.partitionStart[p] : (g > last ? o.partitionEnd[p] : o.peerGroupEnd(g)) }
        switch bound {
        case .unboundedPreceding: return o.partitionStart[p]
        case .unboundedFollowing: return o.partitionEnd[p]
        case .currentRow: return isEnd ? o.peerEnd[p] : o.peerStart[p]
        case .preceding: return isEnd ? endOf(add(group, -offset)) : startOf(add(group, -offset))
        case .following: return isEnd ? endOf(add(group, offset)) : startOf(add(group, offset))
        }
    }
}

/// `RANGE` bounds: peers for `CURRENT ROW`, and for `n PRECEDING/FOLLOWING` a binary search
/// of the (numeric or date) order key among the partition's non-NULL keys.
private struct RangeSearch {
    let ordering: WindowOrdering
    /// The order key per sorted position, negated for a descending order so it ascends.
    var keys: [Double] = []
    var valid: [Bool] = []
    var startOffset = 0.0, endOffset = 0.0

    init(_ spec: WindowFrameSpec, ordering: WindowOrdering, orderKey: PhysicalSortKey?, batch: RecordBatch) throws {
        self.ordering = ordering
        let needsKey: (WindowFrameSpec.Bound) -> Bool = {
            switch $0 {
            case .preceding, .following: return true
            default: return false
            }
        }
        guard needsKey(spec.start) || needsKey(spec.end) else { return }
        guard let orderKey else {
            throw ExecutionError(.invalidInput, "RANGE with an offset needs exactly one ORDER BY expression")
        }
        let column = try orderKey.expression.evaluate(batch)
        let sign = orderKey.ascending ? 1.0 : -1.0
        let values = try numericValues(column)
        keys = ordering.order.map { (values[$0] ?? 0) * sign }
        valid = ordering.order.map { values[$0] != nil }
        startOffset = try Self.offset(spec.start)
        endOffset = try Self.offset(spec.end)
    }

    static func offset(_ bound: WindowFrameSpec.Bound) throws -> Double {
        switch bound {
        case .preceding(let v), .following(let v):
            let d: Double
            switch v {
            case .int(let i): d = Double(i)
            case .double(let x): d = x
            case .decimal(let x): d = x.doubleValue
            default: throw ExecutionError(.invalidInput, "RANGE offset must be a number, got \(v)")
            }
            guard d >= 0, d.isFinite else { throw ExecutionError(.invalidInput, "RANGE offset must not be negative, got \(v)") }
            return d
        default: return 0
        }
    }

    func bound(_ bound: WindowFrameSpec.Bound, _ p: Int, isEnd: Bool) -> Int {
        let o = ordering
        switch bound {
        case .unboundedPreceding: return o.partitionStart[p]
        case .unboundedFollowing: return o.partitionEnd[p]
        case .currentRow: return isEnd ? o.peerEnd[p] : o.peerStart[p]
        case .preceding, .following:
            guard valid[p] else { return isEnd ? o.peerEnd[p] : o.peerStart[p] }
            let offset = isEnd ? endOffset : startOffset
            let target: Double
            if case .preceding = bound { target = keys[p] - offset } else { target = keys[p] + offset }
            // The partition's non-NULL keys: NULLs sit together at one end.
            var lo = o.partitionStart[p], hi = o.partitionEnd[p]
            while lo < hi, !valid[lo] { lo += 1 }
            while hi > lo, !valid[hi - 1] { hi -= 1 }
            // Start: first key >= target. End: first key > target.
            while lo < hi {
                let mid = (lo + hi) / 2
                if isEnd ? keys[mid] <= target : keys[mid] < target { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }
}

/// The values of a numeric, date or timestamp column as doubles (`nil` for NULL).
func numericValues(_ column: any ColumnArray) throws -> [Double?] {
    func convert<T: FixedWidthValue>(_ a: PrimitiveArray<T>, _ f: (T) -> Double) -> [Double?] {
        a.storage.enumerated().map { a.isNull($0.offset) ? nil : f($0.element) }
    }
    switch column {
    case let a as PrimitiveArray<Int8>: return convert(a) { Double($0) }
    case let a as PrimitiveArray<Int16>: return convert(a) { Double($0) }
    case let a as PrimitiveArray<Int32>: return convert(a) { Double($0) }
    case let a as PrimitiveArray<Int64>: return convert(a) { Double($0) }
    case let a as PrimitiveArray<Float>: return convert(a) { Double($0) }
    case let a as PrimitiveArray<Double>: return convert(a) { $0 }
    case let a as PrimitiveArray<Int128>:
        guard case .decimal(_, let scale) = a.dataType else { break }
        let power = Decimal128.powerOfTen(scale)
        return convert(a) { Double($0) / Double(power) }
    default: break
    }
    throw ExecutionError(.invalidInput, "RANGE with an offset needs a numeric or date ORDER BY, got \(column.dataType)")
}
