import LodeCore
import LodePlan

/// `GROUP BY` with grouping sets and aggregate functions, by hashing the group keys.
///
/// Input partitions are aggregated in parallel into partial tables, one set per worker
/// thread (one table per grouping set); the partial tables are then merged into the first
/// and the result comes out of one partition in batches of the context's batch size. Without group keys
/// the result is one row even for an empty input (`count` 0, `sum` NULL).
public final class HashAggregateOperator: PhysicalOperator {
    public let schema: Schema
    let input: any PhysicalOperator
    let groups: [any PhysicalExpression]
    let aggregates: [AggregateSpec]
    let groupingSets: [[Int]]
    let emitsGroupingID: Bool
    private let accumulatorFactory: @Sendable (AggregateCall) throws -> any GroupedAccumulator

    /// Output: group columns, then aggregates, then (when `emitsGroupingID`) a BIGINT grouping id.
    public convenience init(input: any PhysicalOperator, groups: [any PhysicalExpression], aggregates: [AggregateSpec],
                            groupingSets: [[Int]]?, emitsGroupingID: Bool, schema: Schema) {
        self.init(input: input, groups: groups, aggregates: aggregates, groupingSets: groupingSets,
                  emitsGroupingID: emitsGroupingID, schema: schema, accumulators: { try makeAccumulator($0) })
    }

    /// The same, with the accumulators made by `accumulators`.
    init(input: any PhysicalOperator, groups: [any PhysicalExpression], aggregates: [AggregateSpec],
         groupingSets: [[Int]]?, emitsGroupingID: Bool, schema: Schema,
         accumulators: @escaping @Sendable (AggregateCall) throws -> any GroupedAccumulator) {
        self.input = input
        self.groups = groups
        self.aggregates = aggregates
        self.groupingSets = (groupingSets ?? [Array(groups.indices)]).map { set in
            var seen = Set<Int>()
            return set.filter { seen.insert($0).inserted }
        }
        self.emitsGroupingID = emitsGroupingID
        self.schema = schema
        accumulatorFactory = accumulators
    }

    public var children: [any PhysicalOperator] { [input] }
    public var partitionCount: Int { 1 }
    public var name: String { "HashAggregate" }

    public var details: String {
        var parts = ["groups: " + groups.map(\.description).joined(separator: ", ")]
        if groupingSets.count > 1 { parts.append("sets: \(groupingSets)") }
        parts.append("aggregates: " + aggregates.map { $0.call.name + "(" + $0.arguments.map(\.description).joined(separator: ", ") + ")" }
            .joined(separator: ", "))
        return parts.joined(separator: "; ")
    }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        guard partition == 0 else { throw ExecutionError(.internal, "HashAggregate has one partition, not \(partition + 1)") }
        return LazyBatchStream(schema: schema) { [self] in
            MemoryBatchStream(schema: schema, batches: try aggregate(context))
        }
    }

    private func makeTables() throws -> [GroupingTable] {
        let keyTypes = groups.map(\.type)
        return try groupingSets.map { set in
            GroupingTable(set: set, keyTypes: keyTypes, accumulators: try aggregates.map { try accumulatorFactory($0.call) })
        }
    }

    /// Aggregates every partition, merges and returns the output batches.
    ///
    /// Each worker thread keeps one set of partial tables for all the partitions it reads,
    /// so there are at most as many partial tables to merge as threads.
    private func aggregate(_ context: ExecutionContext) throws -> [RecordBatch] {
        let partitions = input.partitionCount
        let workers = max(1, min(context.threads, partitions))
        let partials = PartitionResults<[GroupingTable]>(count: workers, initial: [])
        let reservations = PartitionResults<MemoryReservation?>(count: workers, initial: nil)
        try context.parallel(partitions == 0 ? 0 : workers) { [self] worker in
            let tables = try makeTables()
            let reservation = context.memory.reservation(for: "HashAggregate")
            reservations[worker] = reservation
            for partition in stride(from: worker, to: partitions, by: workers) {
                let stream = try input.execute(partition: partition, context: context)
                while let batch = try stream.next() {
                    try context.checkCancelled()
                    guard batch.count > 0 else { continue }
                    try update(tables, with: batch)
                    try reservation.resize(to: tables.reduce(0) { $0 + $1.memoryUsage })
                }
            }
            partials[worker] = tables
        }
        var all = partials.values.filter { !$0.isEmpty }
        let final = all.isEmpty ? try makeTables() : all.removeFirst()
        let reservation = context.memory.reservation(for: "HashAggregate merge")
        for tables in all {
            for (mine, theirs) in zip(final, tables) { try mine.merge(theirs) }
            try reservation.resize(to: final.reduce(0) { $0 + $1.memoryUsage })
        }
        let keyTypes = groups.map(\.type)
        var batches: [RecordBatch] = []
        for table in final {
            let result = try makeBatch(schema, table.finish(keyTypes: keyTypes, emitsGroupingID: emitsGroupingID))
            var start = 0
            while start < result.count {
                let end = min(result.count, start + context.batchSize)
                batches.append(start == 0 && end == result.count ? result : result.slice(start..<end))
                start = end
            }
        }
        _ = reservations.values
        return batches
    }

    private func update(_ tables: [GroupingTable], with batch: RecordBatch) throws {
        let groupColumns = try groups.map { KeyColumn(try $0.evaluate(batch)) }
        let arguments = try aggregates.map { spec in try spec.arguments.map { try $0.evaluate(batch) } }
        let selections: [[Int]?] = try aggregates.map { spec in
            guard let filter = spec.filter else { return nil }
            guard let mask = try filter.evaluate(batch) as? BooleanArray else {
                throw ExecutionError(.internal, "aggregate filter \(filter) is not boolean")
            }
            return (0..<batch.count).filter { mask.storage[$0] && !mask.isNull($0) }
        }
        for table in tables {
            try table.update(groupColumns: groupColumns, rowCount: batch.count, arguments: arguments, selections: selections)
        }
    }
}
