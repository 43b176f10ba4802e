import LodeCore
import LodePlan

/// Window functions: outputs the input columns plus one column per function.
///
/// All input is gathered (partitions read in parallel). When every function has the same
/// `PARTITION BY` keys, the rows are dealt into `partitions` buckets by those keys (a
/// window partition never spans two buckets) and each bucket is an output partition
/// computed on its own thread; otherwise there is one. In a bucket, each function sorts
/// the rows by its `PARTITION BY` and `ORDER BY` keys (functions with the same keys share
/// the sort), computes its value per sorted row and puts it back in the bucket's order.
/// Ranking and value functions are O(n) after the sort; aggregates over frames use
/// ``FrameAggregation``.
public final class WindowOperator: PhysicalOperator {
    public let input: any PhysicalOperator
    public let functions: [WindowFunctionSpec]
    public let schema: Schema
    public let partitionCount: Int
    private let buckets = BuildOnce<WindowBuckets>()

    /// `schema` is the input's fields followed by one field per function; `partitions`
    /// is how many buckets to deal rows into when the functions share their partition keys.
    public init(input: any PhysicalOperator, functions: [WindowFunctionSpec], schema: Schema, partitions: Int = 1) {
        self.input = input
        self.functions = functions
        self.schema = schema
        let keys = functions.first.map { $0.partitionBy.map(\.description) } ?? []
        let shared = !keys.isEmpty && functions.allSatisfy { $0.partitionBy.map(\.description) == keys }
        self.partitionCount = shared ? max(1, partitions) : 1
    }

    public var children: [any PhysicalOperator] { [input] }
    public var name: String { "Window" }
    public var details: String { functions.map(\.description).joined(separator: ", ") }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let reservation = context.memory.reservation(for: "Window")
        let bucket = try buckets.get(context) {
            let batches = try context.collectPartitions(input).flatMap { $0 }
            try reservation.grow(batches.reduce(0) { $0 + estimatedBytes($1) })
            let all = try concatenate(batches, schema: input.schema)
            return try WindowBuckets(all, keys: functions.first?.partitionBy ?? [], count: partitionCount)
        }
        let batch = bucket.batches[partition]
        let partitionIDs = bucket.partitionIDs?[partition]
        var orderings: [String: WindowOrdering] = [:]
        var results: [any ColumnArray] = []
        for spec in functions {
            try context.checkCancelled()
            let sortKey = (spec.partitionBy.map(\.description) + ["|"] + spec.orderBy.map(\.description)).joined(separator: ",")
            let ordering = try orderings[sortKey] ?? WindowOrdering(batch, partitionBy: spec.partitionBy, orderBy: spec.orderBy,
                                                                    partitionIDs: partitionIDs)
            orderings[sortKey] = ordering
            let result = try evaluate(spec, batch: batch, ordering: ordering, reservation: reservation)
            guard result.dataType == spec.call.type, result.count == batch.count else {
                throw ExecutionError(.internal, "window function \(spec.call.name) produced \(result.count) \(result.dataType) values, expected \(batch.count) \(spec.call.type)")
            }
            try reservation.grow(estimatedBytes(result))
            results.append(result)
        }
        let output: RecordBatch
        do {
            output = try RecordBatch(schema: schema, columns: batch.columns + results)
        } catch {
            throw ExecutionError(.internal, "window output does not match its schema: \(error)")
        }
        var position = 0
        let batchSize = context.batchSize
        return ClosureBatchStream(schema: schema) {
            guard position < output.count else {
                reservation.release()
                return nil
            }
            let end = min(output.count, position + batchSize)
            defer { position = end }
            return output.slice(position..<end)
        }
    }

    /// One function's column, in input-row order.
    private func evaluate(_ spec: WindowFunctionSpec, batch: RecordBatch, ordering: WindowOrdering,
                          reservation: MemoryReservation) throws -> any ColumnArray {
        let call = spec.call
        let arguments = try spec.arguments.map { try $0.evaluate(batch) }
        if RankingFunctions.names.contains(call.name) {
            return ordering.unsorting(try RankingFunctions.evaluate(call.name, ordering: ordering, arguments: arguments))
        }
        let orderKey = spec.orderBy.count == 1 ? spec.orderBy[0] : nil
        if ValueFunctions.names.contains(call.name) {
            let usesFrame = call.name != "lag" && call.name != "lead"
            let frames = usesFrame ? try WindowFrames(call.frame, ordering: ordering, orderKey: orderKey, batch: batch) : nil
            return try ValueFunctions.evaluate(call.name, ordering: ordering, frames: frames, arguments: arguments,
                                               ignoreNulls: call.ignoreNulls, type: call.type)
        }
        let frames = try WindowFrames(call.frame, ordering: ordering, orderKey: orderKey, batch: batch)
        var included: [Bool]?
        if let filter = spec.filter {
            let mask = try filter.evaluate(batch)
            guard let mask = mask as? BooleanArray else {
                throw ExecutionError(.internal, "window FILTER produced \(mask.dataType)")
            }
            included = (0..<mask.count).map { mask.storage[$0] && !mask.isNull($0) }
        }
        let aggregate = AggregateCall(name: call.name, arguments: call.arguments, isDistinct: call.isDistinct, type: call.type)
        return try FrameAggregation(call: aggregate, ordering: ordering, reservation: reservation)
            .evaluate(arguments: arguments, included: included, frames: frames)
    }
}

/// The gathered input rows dealt into buckets by their window partition keys, with each
/// row's partition number (so that the buckets' sorts need not hash the keys again).
struct WindowBuckets {
    let batches: [RecordBatch]
    /// Per bucket, the partition number of each row; `nil` when the rows were not dealt.
    let partitionIDs: [[Int32]]?

    init(_ batch: RecordBatch, keys: [any PhysicalExpression], count: Int) throws {
        guard count > 1, batch.count > 0 else {
            batches = [batch] + Array(repeating: batch.slice(0..<0), count: max(0, count - 1))
            partitionIDs = nil
            return
        }
        let columns = try keys.map { KeyColumn(try $0.evaluate(batch)) }
        let groups = try KeyTable(types: keys.map { $0.type }).findOrInsert(columns, count: batch.count)
        var rows = Array(repeating: [Int](), count: count)
        for (row, group) in groups.enumerated() { rows[Int(group) % count].append(row) }
        batches = rows.map { batch.take($0) }
        partitionIDs = rows.map { $0.map { groups[$0] } }
    }
}
