import LodeCore

/// The build side of a hash join: its rows, their distinct keys and, per key, the chain
/// of rows holding it (in input order).
final class JoinHashTable: @unchecked Sendable {
    let build: JoinBuildSide
    let keys: KeyTable
    /// The first row of each key's chain.
    let first: [Int32]
    /// The next row of the same key, or -1.
    let next: [Int32]
    /// Whether some build row has a NULL key (for `NOT IN` and `IN` marks).
    let hasNullKey: Bool

    init(build: JoinBuildSide, keys: KeyTable, first: [Int32], next: [Int32], hasNullKey: Bool) {
        self.build = build
        self.keys = keys
        self.first = first
        self.next = next
        self.hasNullKey = hasNullKey
    }

    /// Reads every partition of `input` in parallel, evaluating `keyExpressions` on each
    /// batch as it arrives, then inserts the keys and links the chains.
    static func build(_ input: any PhysicalOperator, keyExpressions: [any PhysicalExpression], partitions: Int,
                      context: ExecutionContext) throws -> JoinHashTable {
        let (batches, reservation) = try JoinBuildSide.gather(input, consumer: "HashJoin build", context: context) { batch in
            try keyExpressions.map { KeyColumn(try $0.evaluate(batch)) }
        }
        let rows = try JoinBuildSide.concatenateBatches(batches.map(\.batch), schema: input.schema)
        let keys = KeyTable(types: keyExpressions.map(\.type))
        keys.reserve(rows.count)
        var groups: [Int32] = []
        groups.reserveCapacity(rows.count)
        var hasNullKey = false
        for (batch, columns) in batches {
            let batchGroups = try keys.insertSkippingNulls(columns, count: batch.count)
            if !hasNullKey, batchGroups.contains(-1) { hasNullKey = true }
            groups.append(contentsOf: batchGroups)
            try reservation.resize(to: reservation.bytes + batch.count * 8)
        }
        var first = [Int32](repeating: -1, count: keys.count)
        var next = [Int32](repeating: -1, count: groups.count)
        for row in groups.indices.reversed() {
            let g = Int(groups[row])
            guard g >= 0 else { continue }
            next[row] = first[g]
            first[g] = Int32(row)
        }
        try reservation.grow(keys.memoryUsage + first.count * 4)
        let side = JoinBuildSide(rows: rows, partitions: partitions, reservation: reservation)
        return JoinHashTable(build: side, keys: keys, first: first, next: next, hasNullKey: hasNullKey)
    }
}

