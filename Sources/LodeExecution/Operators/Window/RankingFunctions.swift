import LodeCore

/// `row_number`, `rank`, `dense_rank`, `percent_rank`, `cume_dist` and `ntile`, one value
/// per sorted position.
enum RankingFunctions {
    static let names: Set<String> = ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile"]

    /// `name` over `ordering`; `arguments` (input-row order) holds `ntile`'s bucket count.
    static func evaluate(_ name: String, ordering o: WindowOrdering, arguments: [any ColumnArray]) throws -> any ColumnArray {
        let n = o.count
        switch name {
        case "row_number":
            return PrimitiveArray<Int64>(.int64, storage: (0..<n).map { Int64($0 - o.partitionStart[$0] + 1) })
        case "rank":
            return PrimitiveArray<Int64>(.int64, storage: (0..<n).map { Int64(o.peerStart[$0] - o.partitionStart[$0] + 1) })
        case "dense_rank":
            return PrimitiveArray<Int64>(.int64, storage: (0..<n).map {
                Int64(o.peerIndex[$0] - o.peerIndex[o.partitionStart[$0]] + 1)
            })
        case "percent_rank":
            return PrimitiveArray<Double>(.float64, storage: (0..<n).map { p in
                let size = o.partitionEnd[p] - o.partitionStart[p]
                return size > 1 ? Double(o.peerStart[p] - o.partitionStart[p]) / Double(size - 1) : 0
            })
        case "cume_dist":
            return PrimitiveArray<Double>(.float64, storage: (0..<n).map { p in
                Double(o.peerEnd[p] - o.partitionStart[p]) / Double(o.partitionEnd[p] - o.partitionStart[p])
            })
        case "ntile":
            guard let buckets = arguments.first else { throw ExecutionError(.internal, "ntile without an argument") }
            let counts = try integerValues(buckets)
            var builder = PrimitiveBuilder<Int64>(.int64, capacity: n)
            for p in 0..<n {
                guard let requested = counts[o.order[p]] else { builder.appendNull(); continue }
                guard requested > 0 else { throw ExecutionError(.invalidInput, "argument of ntile must be greater than zero") }
                builder.append(ntile(requested, p - o.partitionStart[p], o.partitionEnd[p] - o.partitionStart[p]))
            }
            return builder.finish()
        default:
            throw ExecutionError(.internal, "\(name) is not a ranking function")
        }
    }

    /// DuckDB's bucket of row `row` (from 0) of `total` rows split into `buckets`.
    static func ntile(_ buckets: Int64, _ row: Int, _ total: Int) -> Int64 {
        let total = Int64(total), row = Int64(row)
        let buckets = min(buckets, total)
        let size = total / buckets
        let large = total - buckets * size
        let smallStart = large * (size + 1)
        return row < smallStart ? 1 + row / (size + 1) : 1 + large + (row - smallStart) / size
    }
}

/// The values of an integer column as `Int64`s (`nil` for NULL).
func integerValues(_ column: any ColumnArray) throws -> [Int64?] {
    func convert<T: FixedWidthInteger & FixedWidthValue>(_ a: PrimitiveArray<T>) -> [Int64?] {
        a.storage.enumerated().map { a.isNull($0.offset) ? nil : Int64(truncatingIfNeeded: $0.element) }
    }
    switch column {
    case let a as PrimitiveArray<Int64>: return convert(a)
    case let a as PrimitiveArray<Int32>: return convert(a)
    case let a as PrimitiveArray<Int16>: return convert(a)
    case let a as PrimitiveArray<Int8>: return convert(a)
    default: throw ExecutionError(.internal, "expected an integer column, got \(column.dataType)")
    }
}
