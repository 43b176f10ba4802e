import LodeCore
import LodePlan

/// An equi-join that builds a hash table on its right input and probes it with the left.
///
/// The build reads every right partition in parallel, once, when the first probe stream
/// starts; each left partition is then probed independently, so the join has as many
/// partitions as its left input. Output is left columns then right columns (left only
/// for semi and anti joins, plus a BOOLEAN for mark joins), in batches of at most the
/// context's batch size.
public final class HashJoinOperator: PhysicalOperator {
    public let schema: Schema
    public let kind: JoinKind
    let left: any PhysicalOperator
    let right: any PhysicalOperator
    let leftKeys: [any PhysicalExpression]
    let rightKeys: [any PhysicalExpression]
    let residual: (any PhysicalExpression)?
    private let table = BuildOnce<JoinHashTable>()

    /// Builds a hash table on `right` (all partitions, gathered in parallel, once) and probes it with each partition of `left`.
    /// `residual` is evaluated over a batch of left columns followed by right columns, for every kind (semi/anti/mark too).
    public init(kind: JoinKind, left: any PhysicalOperator, right: any PhysicalOperator,
                leftKeys: [any PhysicalExpression], rightKeys: [any PhysicalExpression],
                residual: (any PhysicalExpression)?, schema: Schema) {
        self.kind = kind
        self.left = left
        self.right = right
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.residual = residual
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [left, right] }
    public var partitionCount: Int { left.partitionCount }
    public var name: String { "HashJoin" }

    public var details: String {
        let keys = zip(leftKeys, rightKeys).map { "\($0) = \($1)" }.joined(separator: " AND ")
        return ["\(kind)", keys, residual.map { "\($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        guard leftKeys.count == rightKeys.count, !leftKeys.isEmpty else {
            throw ExecutionError(.internal, "hash join needs as many left keys as right keys, at least one")
        }
        let input = try left.execute(partition: partition, context: context)
        return LazyBatchStream(schema: schema) { [self] in
            let table = try table.get(context) {
                try JoinHashTable.build(right, keyExpressions: rightKeys, partitions: partitionCount, context: context)
            }
            let source = HashPairSource(table: table, keys: leftKeys, kind: kind)
            return JoinProbeStream(kind: kind, input: input, build: table.build, source: source, condition: residual,
                                   nullConditionIsMaybe: false, schema: schema, context: context)
        }
    }
}

/// A stream opened on its first `next()`, so blocking work happens when rows are pulled.
final class LazyBatchStream: BatchStream {
    let schema: Schema
    private var open: (() throws -> any BatchStream)?
    private var stream: (any BatchStream)?

    init(schema: Schema, _ open: @escaping () throws -> any BatchStream) {
        self.schema = schema
        self.open = open
    }

    func next() throws -> RecordBatch? {
        if stream == nil, let open {
            self.open = nil
            stream = try open()
        }
        return try stream?.next()
    }
}
