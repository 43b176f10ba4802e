import LodeCore

/// `count(*)` (every row) and `count(x)` (non-NULL values); an empty group counts 0.
final class CountAccumulator: PairwiseAccumulator {
    private let countsNulls: Bool
    private var counts: [Int64] = []

    init(countsNulls: Bool) { self.countsNulls = countsNulls }

    func resize(groups count: Int) throws { grow(&counts, to: count, with: 0) }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        let validity = countsNulls ? nil : arguments.first?.validity
        counts.withUnsafeMutableBufferPointer { counts in
            groups.withUnsafeBufferPointer { groups in
                if let validity {
                    for i in 0..<groups.count where validity[i] { counts[Int(groups[i])] &+= 1 }
                } else {
                    for g in groups { counts[Int(g)] &+= 1 }
                }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            counts[Int(targets[i])] &+= other.counts[Int(sources[i])]
        }
    }

    func finish() throws -> any ColumnArray { PrimitiveArray<Int64>(.int64, storage: counts) }

    var memoryUsage: Int { counts.capacity * 8 }
}
