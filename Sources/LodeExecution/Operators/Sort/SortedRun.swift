import LodeCore

/// Rows in key order: a batch and its evaluated sort keys, row for row.
struct SortedRun {
    var batch: RecordBatch
    var keys: [SortKeyColumn]

    var count: Int { batch.count }

    /// `batches` with their key columns, sorted; with `keep`, only the first `keep` rows.
    static func sorting(_ batches: [RecordBatch], keyColumns: [[any ColumnArray]], keys: [PhysicalSortKey],
                        schema: Schema, keep: Int?) throws -> SortedRun {
        let batch = try concatenate(batches, schema: schema)
        let keyColumns = try keys.indices.map { k in
            SortKeyColumn(try concatenate(keyColumns.map { $0[k] }, type: keys[k].expression.type),
                          ascending: keys[k].ascending, nullsFirst: keys[k].nullsFirst)
        }
        var order = sortPermutation(keyColumns, count: batch.count)
        if let keep, order.count > keep { order.removeSubrange(keep...) }
        return SortedRun(batch: batch.take(order), keys: keyColumns.map { $0.taking(order) })
    }

    /// The rows of `runs` merged in key order, ties in run order, as (run, row) pairs.
    static func merge(_ runs: [SortedRun], limit: Int?) -> [(run: Int, row: Int)] {
        let total = runs.reduce(0) { $0 + $1.count }
        let wanted = min(total, limit ?? total)
        var out: [(run: Int, row: Int)] = []
        out.reserveCapacity(wanted)
        var positions = [Int](repeating: 0, count: runs.count)
        /// A binary min-heap of run indices, ordered by each run's current row.
        var heap = runs.indices.filter { runs[$0].count > 0 }
        func less(_ a: Int, _ b: Int) -> Bool {
            let order = compareRows(runs[a].keys, positions[a], runs[b].keys, positions[b])
            return order != 0 ? order < 0 : a < b
        }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while out.count < wanted, let top = heap.first {
            out.append((top, positions[top]))
            positions[top] += 1
            if positions[top] == runs[top].count {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        return out
    }
}
