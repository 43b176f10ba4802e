import LodeCore

/// The input rows sorted by a window's `PARTITION BY` then `ORDER BY` keys, with each
/// sorted position's partition and peer group (rows equal under `ORDER BY`).
///
/// Positions below are sorted positions; ``order`` maps them to input rows.
struct WindowOrdering {
    /// Input row of each sorted position.
    let order: [Int]
    /// Sorted position of each input row.
    let inverse: [Int]
    let partitionStart: [Int]
    let partitionEnd: [Int]
    /// Dense partition number of each position.
    let partitionIndex: [Int32]
    let partitionCount: Int
    let peerStart: [Int]
    let peerEnd: [Int]
    /// Dense peer-group number of each position (over all partitions).
    let peerIndex: [Int]
    /// The first position of each peer group.
    let peerGroupStarts: [Int]

    var count: Int { order.count }

    /// `partitionIDs`, when given, numbers each row's partition already (equal numbers for
    /// equal `partitionBy` keys).
    init(_ batch: RecordBatch, partitionBy: [any PhysicalExpression], orderBy: [PhysicalSortKey],
         partitionIDs: [Int32]? = nil) throws {
        // Partitions are sorted by a dense number per distinct key (NULLs together) rather
        // than by the keys themselves: one integer compared instead of strings, and any
        // order of partitions will do.
        var partitionKeys: [SortKeyColumn] = []
        if !partitionBy.isEmpty {
            let groups = try partitionIDs ?? KeyTable(types: partitionBy.map(\.type))
                .findOrInsert(partitionBy.map { KeyColumn(try $0.evaluate(batch)) }, count: batch.count)
            partitionKeys = [SortKeyColumn(PrimitiveArray<Int32>(.int32, storage: groups), ascending: true, nullsFirst: true)]
        }
        let orderKeys = try orderBy.map {
            SortKeyColumn(try $0.expression.evaluate(batch), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
        let n = batch.count
        let order = sortPermutation(partitionKeys + orderKeys, count: n)
        let sortedPartitions = partitionKeys.map { $0.taking(order) }
        let sortedOrder = orderKeys.map { $0.taking(order) }

        var inverse = [Int](repeating: 0, count: n)
        for (p, row) in order.enumerated() { inverse[row] = p }
        var partitionStart = [Int](repeating: 0, count: n), partitionEnd = [Int](repeating: 0, count: n)
        var partitionIndex = [Int32](repeating: 0, count: n)
        var peerStart = [Int](repeating: 0, count: n), peerEnd = [Int](repeating: 0, count: n)
        var peerIndex = [Int](repeating: 0, count: n)
        var peerGroupStarts: [Int] = []
        var partitions = 0
        var p = 0
        while p < n {
            var end = p + 1
            while end < n, compareRows(sortedPartitions, end - 1, sortedPartitions, end) == 0 { end += 1 }
            var q = p
            while q < end {
                var peerLast = q + 1
                while peerLast < end, compareRows(sortedOrder, peerLast - 1, sortedOrder, peerLast) == 0 { peerLast += 1 }
                for i in q..<peerLast {
                    peerStart[i] = q
                    peerEnd[i] = peerLast
                    peerIndex[i] = peerGroupStarts.count
                }
                peerGroupStarts.append(q)
                q = peerLast
            }
            for i in p..<end {
                partitionStart[i] = p
                partitionEnd[i] = end
                partitionIndex[i] = Int32(truncatingIfNeeded: partitions)
            }
            partitions += 1
            p = end
        }
        self.order = order
        self.inverse = inverse
        self.partitionStart = partitionStart
        self.partitionEnd = partitionEnd
        self.partitionIndex = partitionIndex
        self.partitionCount = partitions
        self.peerStart = peerStart
        self.peerEnd = peerEnd
        self.peerIndex = peerIndex
        self.peerGroupStarts = peerGroupStarts
    }

    /// The end (exclusive) of peer group `g`.
    func peerGroupEnd(_ g: Int) -> Int { g + 1 < peerGroupStarts.count ? peerGroupStarts[g + 1] : count }

    /// `values` (one per sorted position) in input-row order.
    func unsorting(_ values: any ColumnArray) -> any ColumnArray { taking(values, inverse) }
}
