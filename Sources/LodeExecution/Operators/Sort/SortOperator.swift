import LodeCore

/// `ORDER BY`, with an optional `LIMIT`/`OFFSET` (top-N): one output partition.
///
/// Every input partition is read and sorted in its own thread (with a limit, only the first
/// `offset + limit` rows of each are kept as it goes), then the sorted runs are merged.
/// The sort is stable: rows with equal keys keep the input's order (partitions in order).
/// Buffered rows are reserved in the context's memory pool.
public final class SortOperator: PhysicalOperator {
    public let input: any PhysicalOperator
    public let keys: [PhysicalSortKey]
    public let limit: Int?
    public let offset: Int
    public let schema: Schema

    /// One output partition. With `limit`, keeps only the first `offset + limit` rows
    /// (top-N) then skips `offset`.
    public init(input: any PhysicalOperator, keys: [PhysicalSortKey], limit: Int?, offset: Int = 0, schema: Schema) {
        self.input = input
        self.keys = keys
        self.limit = limit
        self.offset = max(0, offset)
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [input] }
    public var partitionCount: Int { 1 }
    public var name: String { limit == nil ? "Sort" : "TopN" }
    public var details: String {
        let keyText = keys.map(\.description).joined(separator: ", ")
        guard let limit else { return keyText }
        return keyText + ", limit \(limit)" + (offset > 0 ? ", offset \(offset)" : "")
    }

    /// Rows each partition keeps: all, or `offset + limit`.
    private var keep: Int? {
        guard let limit else { return nil }
        let (sum, overflow) = limit.addingReportingOverflow(offset)
        return overflow ? nil : sum
    }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let reservation = context.memory.reservation(for: "Sort")
        let runs = PartitionResults<SortedRun?>(count: input.partitionCount, initial: nil)
        try context.parallel(input.partitionCount) { [self] p in
            runs[p] = try sortPartition(p, context: context, reservation: reservation)
        }
        let sorted = runs.values.compactMap { $0 }.filter { $0.count > 0 }
        let rows = try mergedRows(sorted)
        var position = 0
        let batchSize = context.batchSize
        let schema = self.schema
        return ClosureBatchStream(schema: schema) {
            guard position < rows.count else {
                reservation.release()
                return nil
            }
            let end = min(rows.count, position + batchSize)
            defer { position = end }
            return try rows.slice(position..<end, schema: schema)
        }
    }

    /// Reads and sorts one input partition.
    private func sortPartition(_ p: Int, context: ExecutionContext, reservation: MemoryReservation) throws -> SortedRun {
        let stream = try input.execute(partition: p, context: context)
        var batches: [RecordBatch] = []
        var keyColumns: [[any ColumnArray]] = []
        var buffered = 0
        var bufferedBytes = 0
        let keep = self.keep
        let compactAt = keep.map { max(2 * $0, context.batchSize) }
        while let batch = try stream.next() {
            try context.checkCancelled()
            guard batch.count > 0 else { continue }
            let keyValues = try keys.map { try $0.expression.evaluate(batch) }
            let bytes = estimatedBytes(batch) + keyValues.reduce(0) { $0 + estimatedBytes($1) }
            try reservation.grow(bytes)
            bufferedBytes += bytes
            batches.append(batch)
            keyColumns.append(keyValues)
            buffered += batch.count
            if let keep, let compactAt, buffered >= compactAt {
                let run = try SortedRun.sorting(batches, keyColumns: keyColumns, keys: keys, schema: input.schema, keep: keep)
                batches = [run.batch]
                keyColumns = [try run.keys.indices.map { k in try keyArray(run, k) }]
                buffered = run.count
                let kept = estimatedBytes(run.batch) * 2
                reservation.shrink(max(0, bufferedBytes - kept))
                bufferedBytes = min(bufferedBytes, kept)
            }
        }
        return try SortedRun.sorting(batches, keyColumns: keyColumns, keys: keys, schema: input.schema, keep: keep)
    }

    /// Key `k` of `run` as an array again, for another round of sorting.
    private func keyArray(_ run: SortedRun, _ k: Int) throws -> any ColumnArray {
        try keys[k].expression.evaluate(run.batch)
    }

    /// The runs merged, with the offset and limit applied.
    private func mergedRows(_ runs: [SortedRun]) throws -> SortedRows {
        let keep = self.keep
        if runs.count <= 1 {
            let batch = runs.first?.batch ?? RecordBatch.empty(input.schema)
            let end = min(batch.count, keep ?? batch.count)
            return SortedRows(batch: batch, order: nil, range: min(offset, end)..<end)
        }
        let merged = SortedRun.merge(runs, limit: keep)
        var starts: [Int] = []
        var total = 0
        for run in runs {
            starts.append(total)
            total += run.count
        }
        let all = try concatenate(runs.map(\.batch), schema: input.schema)
        let order = merged.map { starts[$0.run] + $0.row }
        return SortedRows(batch: all, order: order, range: min(offset, order.count)..<order.count)
    }
}

/// The sorted output: rows of `batch` in `order` (or as they are), within `range`.
private struct SortedRows {
    var batch: RecordBatch
    var order: [Int]?
    var range: Range<Int>

    var count: Int { range.count }

    /// Output rows `r` (relative to `range`) under `schema`.
    func slice(_ r: Range<Int>, schema: Schema) throws -> RecordBatch {
        let rows = (range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound)
        let taken = order.map { batch.take(Array($0[rows])) } ?? batch.slice(rows)
        do {
            return try RecordBatch(schema: schema, columns: taken.columns)
        } catch {
            throw ExecutionError(.internal, "sort output does not match its schema: \(error)")
        }
    }
}
