import LodeCore
import LodePlan

/// An aggregate evaluated over every position's frame.
///
/// Frames that are whole partitions aggregate once per partition. Other frames use a
/// segment tree of accumulators: level 0 holds one group per sorted position, each level
/// above merges pairs of the level below, and a frame is the merge of at most two nodes
/// per level, taken left to right so order-sensitive aggregates (`string_agg`, `first`)
/// see the frame's rows in order. Any frame costs O(log n) merges, so sliding aggregates
/// take O(n log n) in all; running frames (from the partition start) take O(n).
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
        if frames.isRunning(o) { return try running(arguments: arguments, included: included, frames: frames) }
        let levels = try buildTree(arguments: arguments, included: included)
        let result = try makePairwiseAccumulator(call)
        try result.resize(groups: o.count)
        // Pairs (node, position) bucketed by level and, for order-sensitive aggregates, by
        // round (the node's place in its frame), counted first then filled.
        let levelCount = levels.count
        let rounds = Self.isOrderSensitive(call) ? 2 * levelCount + 2 : 1
        var offsets = [Int](repeating: 0, count: rounds * levelCount + 1)
        frames.decompose { round, level, _, _ in offsets[min(round, rounds - 1) * levelCount + level + 1] += 1 }
        for b in 1..<offsets.count { offsets[b] += offsets[b - 1] }
        var sources = [Int32](repeating: 0, count: offsets[offsets.count - 1])
        var targets = sources
        var cursor = offsets
        frames.decompose { round, level, node, p in
            let bucket = min(round, rounds - 1) * levelCount + level
            sources[cursor[bucket]] = Int32(truncatingIfNeeded: node)
            targets[cursor[bucket]] = Int32(truncatingIfNeeded: p)
            cursor[bucket] += 1
        }
        for bucket in 0..<(rounds * levelCount) where offsets[bucket] < offsets[bucket + 1] {
            let range = offsets[bucket]..<offsets[bucket + 1]
            try result.merge(levels[bucket % levelCount], sources: Array(sources[range]), targets: Array(targets[range]))
        }
        try reservation.grow(result.memoryUsage)
        return o.unsorting(try result.finish())
    }

    /// Frames that start at their partition's start and whose ends never move back: each
    /// position's state is the previous one plus the rows its end passed, so the rows are
    /// added once to a running state per partition, which is copied out at every end.
    private func running(arguments: [any ColumnArray], included: [Bool]?, frames: WindowFrames) throws -> any ColumnArray {
        let o = ordering
        let leaves = try leafAccumulator(arguments: arguments, included: included)
        let state = try makePairwiseAccumulator(call)
        try state.resize(groups: o.partitionCount)
        let result = try makePairwiseAccumulator(call)
        try result.resize(groups: o.count)
        var sources: [Int32] = [], targets: [Int32] = []
        var fed = 0
        var p = 0
        while p < o.count {
            let partition = o.partitionIndex[p]
            if p == o.partitionStart[p] { fed = p }
            let end = frames.ends[p]
            var last = p + 1
            while last < o.count, frames.ends[last] == end, o.partitionIndex[last] == partition { last += 1 }
            if end > fed {
                sources.removeAll(keepingCapacity: true)
                targets.removeAll(keepingCapacity: true)
                for leaf in fed..<end {
                    sources.append(Int32(truncatingIfNeeded: leaf))
                    targets.append(partition)
                }
                try state.merge(leaves, sources: sources, targets: targets)
                fed = end
            }
            if end > o.partitionStart[p] {
                sources.removeAll(keepingCapacity: true)
                targets.removeAll(keepingCapacity: true)
                for q in p..<last where frames.starts[q] < end {
                    sources.append(partition)
                    targets.append(Int32(truncatingIfNeeded: q))
                }
                try result.merge(state, sources: sources, targets: targets)
            }
            p = last
        }
        try reservation.grow(leaves.memoryUsage + result.memoryUsage)
        return o.unsorting(try result.finish())
    }

    /// One group per sorted position holding that position's row (when `included`).
    private func leafAccumulator(arguments: [any ColumnArray], included: [Bool]?) throws -> PairwiseAccumulator {
        let o = ordering
        let leaves = try makePairwiseAccumulator(call)
        try leaves.resize(groups: o.count)
        let positions = (0..<o.count).filter { included?[o.order[$0]] ?? true }
        let rows = positions.map { o.order[$0] }
        try leaves.update(groups: positions.map { Int32($0) }, arguments: arguments.map { taking($0, rows) })
        return leaves
    }

    /// Whether the aggregate depends on the order its rows arrive in.
    static func isOrderSensitive(_ call: AggregateCall) -> Bool {
        let name = aggregateAliases[call.name] ?? call.name
        return call.isDistinct || ["string_agg", "first", "any_value"].contains(name)
    }

    /// The segment tree's levels, from one group per sorted position up to a single group.
    private func buildTree(arguments: [any ColumnArray], included: [Bool]?) throws -> [PairwiseAccumulator] {
        let o = ordering
        var levels = [try leafAccumulator(arguments: arguments, included: included)]
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

extension WindowFrames {
    /// Whether every frame starts at its partition's start and, within a partition, no
    /// frame ends before the previous one.
    func isRunning(_ ordering: WindowOrdering) -> Bool {
        for p in 0..<starts.count {
            if starts[p] != ordering.partitionStart[p], starts[p] < ends[p] { return false }
            if p > ordering.partitionStart[p], ends[p] < ends[p - 1] { return false }
        }
        return true
    }

    /// Splits every non-empty frame into segment-tree nodes, left to right, calling
    /// `body(round, level, node, position)` for each: `round` is the node's place in its
    /// frame, `level` the tree level (0 = single rows).
    func decompose(_ body: (Int, Int, Int, Int) -> Void) {
        var rightLevels = [Int](repeating: 0, count: 64), rightNodes = [Int](repeating: 0, count: 64)
        for p in 0..<starts.count where starts[p] < ends[p] {
            var l = starts[p], r = ends[p], level = 0, round = 0, rights = 0
            while l < r {
                if l & 1 == 1 {
                    body(round, level, l, p)
                    round += 1
                    l += 1
                }
                if r & 1 == 1 {
                    r -= 1
                    rightLevels[rights] = level
                    rightNodes[rights] = r
                    rights += 1
                }
                l >>= 1
                r >>= 1
                level += 1
            }
            while rights > 0 {
                rights -= 1
                body(round, rightLevels[rights], rightNodes[rights], p)
                round += 1
            }
        }
    }
}
