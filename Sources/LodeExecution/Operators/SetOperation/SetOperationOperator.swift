import LodeCore
import LodePlan

/// `UNION`, `INTERSECT [ALL]` and `EXCEPT [ALL]` by hashing whole rows.
///
/// Every distinct row of both inputs gets a group in one key table (NULLs equal, as set
/// operations compare rows), with a count of its copies on each side; the output repeats
/// each row as the operation asks: once for `UNION`, `INTERSECT` and `EXCEPT`,
/// `min(left, right)` times for `INTERSECT ALL`, `left - right` times for `EXCEPT ALL`.
public final class SetOperationOperator: PhysicalOperator {
    public let schema: Schema
    public let kind: SetOperation.Kind
    public let all: Bool
    let left: any PhysicalOperator
    let right: any PhysicalOperator

    public init(kind: SetOperation.Kind, all: Bool, left: any PhysicalOperator, right: any PhysicalOperator, schema: Schema) {
        self.kind = kind
        self.all = all
        self.left = left
        self.right = right
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [left, right] }
    public var partitionCount: Int { 1 }
    public var name: String { "SetOperation" }
    public var details: String { kind.rawValue + (all ? " all" : "") }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        guard partition == 0 else { throw ExecutionError(.internal, "SetOperation has one partition, not \(partition + 1)") }
        return LazyBatchStream(schema: schema) { [self] in
            MemoryBatchStream(schema: schema, batches: try run(context))
        }
    }

    private func run(_ context: ExecutionContext) throws -> [RecordBatch] {
        let table = KeyTable(types: schema.fields.map(\.type))
        let reservation = context.memory.reservation(for: "SetOperation")
        var leftCounts: [Int] = [], rightCounts: [Int] = []
        for (input, isLeft) in [(left, true), (right, false)] {
            for batch in try context.collect(input) {
                guard batch.columns.count == schema.count else {
                    throw ExecutionError(.internal, "set operation input has \(batch.columns.count) columns, expected \(schema.count)")
                }
                let groups = try table.findOrInsert(batch.columns.map { KeyColumn($0) }, count: batch.count)
                if leftCounts.count < table.count {
                    leftCounts.append(contentsOf: repeatElement(0, count: table.count - leftCounts.count))
                    rightCounts.append(contentsOf: repeatElement(0, count: table.count - rightCounts.count))
                }
                if isLeft { for g in groups { leftCounts[Int(g)] += 1 } } else { for g in groups { rightCounts[Int(g)] += 1 } }
                try reservation.resize(to: table.memoryUsage + leftCounts.count * 16)
            }
        }
        var rows: [Int] = []
        for g in 0..<table.count {
            let l = leftCounts[g], r = rightCounts[g]
            let copies: Int
            switch kind {
            case .union: copies = all ? l + r : 1
            case .intersect: copies = all ? min(l, r) : (l > 0 && r > 0 ? 1 : 0)
            case .except: copies = all ? max(l - r, 0) : (l > 0 && r == 0 ? 1 : 0)
            }
            rows.append(contentsOf: repeatElement(g, count: copies))
        }
        let keys = try table.materialize()
        var batches: [RecordBatch] = []
        var start = 0
        while start < rows.count {
            let chunk = Array(rows[start..<min(rows.count, start + context.batchSize)])
            batches.append(try makeBatch(schema, keys.map { taking($0, chunk) }))
            start += chunk.count
        }
        return batches
    }
}
