import LodeCore
import LodePlan

/// An aggregate evaluated over every position's frame.
///
/// Frames that are whole partitions aggregate once per partition. Other frames use a
/// segment tree of accumulators: level 0 holds one group per sorted position, each level
/// above merges pairs of the level below, and a frame is the merge of at most two nodes
/// per level, taken left to right so order-sensitive aggregates (`string_agg`, `first`)
/// see the frame's rows in order. Any frame costs O(log n) merges, so running and sliding
/// aggregates take O(n log n) in all.
struct FrameAggregation {
    let call: AggregateCall
    let ordering: WindowOrdering
    let reservation: MemoryReservation

    /// The aggregate per input row. `arguments` and `included` (the `FILTER`) are in
    /// input-row order.
    func evaluate(arguments: [any ColumnArray], included: [Bool]?, frames: WindowFrames) throws -> any ColumnArray {
        let o = ordering
        guard o.count <= Int(Int32.max) else { throw ExecutionError(.outOfRange, "window partition of \(o.count) rows is too large") }
        if frames.coversPartitions(o) {
            let accumulator = try makePairwiseAccumulator(call)
            try accumulator.resize(groups: o.partitionCount)
            let rows = (0..<o.count).filter { included?[$0] ?? true }
            try accumulator.update(groups: rows.map { o.partitionIndex[o.inverse[$0]] },
                                   arguments: arguments.map { taking($0, rows) })
            try reservation.grow(accumulator.memoryUsage)
            return taking(try accumulator.finish(), (0..<o.count).map { Int(o.partitionIndex[o.inverse[$0]]) })
        }
        if call.name == "count_star", included == nil, !call.isDistinct {
            let counts = (0..<o.count).map { row in Int64(frames.ends[o.inverse[row]] - frames.starts[o.inverse[row]]) }
            return PrimitiveArray<Int64>(.int64, storage: counts)
        }
        let levels = try buildTree(arguments: arguments, included: included)
        let result = try makePairwiseAccumulator(call)
        try result.resize(groups: o.count)
        // Pairs (node, position) by round (the node's place in its frame) and level.
        var sources: [[[Int32]]] = Array(repeating: Array(repeating: [], count: levels.count), count: 2 * levels.count + 2)
        var targets = sources
        var rights: [(level: Int, node: Int)] = []
        for p in 0..<o.count where frames.starts[p] < frames.ends[p] {
            var l = frames.starts[p], r = frames.ends[p], level = 0, round = 0
            rights.removeAll(keepingCapacity: true)
            while l < r {
                if l & 1 == 1 {
                    sources[round][level].append(Int32(l))
                    targets[round][level].append(Int32(p))
                    round += 1
                    l += 1
                }
                if r & 1 == 1 {
                    r -= 1
                    rights.append((level, r))
                }
                l >>= 1
                r >>= 1
                level += 1
            }
            for (level, node) in rights.reversed() {
                sources[round][level].append(Int32(node))
                targets[round][level].append(Int32(p))
                round += 1
            }
        }
        for round in sources.indices {
            for level in levels.indices where !sources[round][level].isEmpty {
                try result.merge(levels[level], sources: sources[round][level], targets: targets[round][level])
            }
        }
        try reservation.grow(result.memoryUsage)
        return o.unsorting(try result.finish())
    }

    /// The segment tree's levels, from one group per sorted position up to a single group.
    private func buildTree(arguments: [any ColumnArray], included: [Bool]?) throws -> [PairwiseAccumulator] {
        let o = ordering
        let leaves = try makePairwiseAccumulator(call)
        try leaves.resize(groups: o.count)
        let positions = (0..<o.count).filter { included?[o.order[$0]] ?? true }
        let rows = positions.map { o.order[$0] }
        try leaves.update(groups: positions.map { Int32($0) }, arguments: arguments.map { taking($0, rows) })
        var levels = [leaves]
        var size = o.count
        while size > 1 {
            let next = try makePairwiseAccumulator(call)
            let nextSize = (size + 1) / 2
            try next.resize(groups: nextSize)
            try next.merge(levels[levels.count - 1], sources: (0..<Int32(size)).map { $0 }, targets: (0..<Int32(size)).map { $0 >> 1 })
            levels.append(next)
            size = nextSize
        }
        try reservation.grow(levels.reduce(0) { $0 + $1.memoryUsage })
        return levels
    }
}
