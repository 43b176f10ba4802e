import LodeCore
import LodePlan
@testable import LodeExecution

/// An operator serving fixed batches, split over partitions.
final class HashingTestSource: PhysicalOperator, @unchecked Sendable {
    let schema: Schema
    let partitions: [[RecordBatch]]

    init(schema: Schema, partitions: [[RecordBatch]]) {
        self.schema = schema
        self.partitions = partitions
    }

    /// `rows` dealt round-robin in runs of `batchRows` over `partitionCount` partitions.
    convenience init(_ schema: Schema, _ rows: [[Value]], partitions partitionCount: Int = 1, batchRows: Int = 1000) {
        var partitions = [[RecordBatch]](repeating: [], count: partitionCount)
        var start = 0, p = 0
        while start < rows.count {
            let chunk = Array(rows[start..<min(rows.count, start + batchRows)])
            partitions[p % partitionCount].append(makeTestBatch(schema, chunk))
            start += chunk.count
            p += 1
        }
        self.init(schema: schema, partitions: partitions)
    }

    var children: [any PhysicalOperator] { [] }
    var partitionCount: Int { partitions.count }
    var name: String { "TestSource" }
    var details: String { "" }

    func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        MemoryBatchStream(schema: schema, batches: partitions[partition])
    }
}

func makeTestBatch(_ schema: Schema, _ rows: [[Value]]) -> RecordBatch {
    let columns = schema.fields.indices.map { c in try! makeArray(schema.fields[c].type, rows.map { $0[c] }) }
    return try! RecordBatch(schema: schema, columns: columns)
}

func testSchema(_ fields: (String, DataType)...) -> Schema { Schema(fields.map { Field($0.0, $0.1) }) }

/// Every output row of `op`, boxed.
func testRows(_ op: any PhysicalOperator, _ context: ExecutionContext) throws -> [[Value]] {
    try context.collect(op).flatMap { batch in (0..<batch.count).map { batch.row($0) } }
}

/// Rows in a canonical order, to compare multisets.
func sortedRows(_ rows: [[Value]]) -> [String] {
    rows.map { $0.map(\.description).joined(separator: "|") }.sorted()
}

/// A boolean expression over one row of the batch.
struct TestPredicate: PhysicalExpression {
    let description: String
    let body: @Sendable ([Value]) -> Bool?

    init(_ description: String, _ body: @escaping @Sendable ([Value]) -> Bool?) {
        self.description = description
        self.body = body
    }

    var type: DataType { .boolean }

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        BooleanArray((0..<batch.count).map { body(batch.row($0)) })
    }
}

/// `count(*)`, `count(x)` and `sum(x)` over integers, enough to drive the aggregate.
final class TestAccumulator: GroupedAccumulator {
    let name: String
    private var counts: [Int64] = []
    private var sums: [Int64] = []
    private var seen: [Bool] = []

    init(_ call: AggregateCall) throws {
        guard ["count_star", "count", "sum"].contains(call.name) else {
            throw ExecutionError(.internal, "no test accumulator for \(call.name)")
        }
        name = call.name
    }

    static let factory: @Sendable (AggregateCall) throws -> any GroupedAccumulator = { try TestAccumulator($0) }

    func resize(groups count: Int) throws {
        guard count > counts.count else { return }
        let n = count - counts.count
        counts += [Int64](repeating: 0, count: n)
        sums += [Int64](repeating: 0, count: n)
        seen += [Bool](repeating: false, count: n)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        for (i, g) in groups.enumerated() {
            let group = Int(g)
            if name == "count_star" { counts[group] += 1; continue }
            guard case .int(let v) = arguments[0].value(at: i) else { continue }
            counts[group] += 1
            sums[group] += v
            seen[group] = true
        }
    }

    func merge(_ other: any GroupedAccumulator, targets: [Int32]) throws {
        guard let other = other as? TestAccumulator else { throw ExecutionError(.internal, "merge of another kind") }
        for (g, t) in targets.enumerated() {
            counts[Int(t)] += other.counts[g]
            sums[Int(t)] += other.sums[g]
            seen[Int(t)] = seen[Int(t)] || other.seen[g]
        }
    }

    func finish() throws -> any ColumnArray {
        if name == "sum" { return PrimitiveArray<Int64>(.int64, zip(sums, seen).map { $1 ? $0 : nil }) }
        return PrimitiveArray<Int64>(.int64, storage: counts)
    }

    var memoryUsage: Int { counts.count * 17 }
}
