import LodeCore
import LodePlan

/// A join on any condition: every left row is paired with every right row and the pairs
/// where the condition is true are kept.
///
/// The right input is gathered once, in parallel; each left partition is joined
/// independently. A NULL condition result counts as "unknown" for mark and null-aware
/// anti joins, as SQL's `IN` and `NOT IN` require.
public final class NestedLoopJoinOperator: PhysicalOperator {
    public let schema: Schema
    public let kind: JoinKind
    let left: any PhysicalOperator
    let right: any PhysicalOperator
    let condition: (any PhysicalExpression)?
    private let build = BuildOnce<JoinBuildSide>()

    /// Joins on `condition` (`nil`: a cross product), for every join kind.
    public init(kind: JoinKind, left: any PhysicalOperator, right: any PhysicalOperator, condition: (any PhysicalExpression)?,
                schema: Schema) {
        self.kind = kind
        self.left = left
        self.right = right
        self.condition = condition
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [left, right] }
    public var partitionCount: Int { left.partitionCount }
    public var name: String { "NestedLoopJoin" }
    public var details: String { ["\(kind)", condition.map { "\($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: ", ") }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let input = try left.execute(partition: partition, context: context)
        return LazyBatchStream(schema: schema) { [self] in
            let side = try build.get(context) {
                let (batches, reservation) = try JoinBuildSide.gather(right, consumer: "NestedLoopJoin build",
                                                                      context: context) { _ in () }
                let rows = try JoinBuildSide.concatenateBatches(batches.map(\.batch), schema: right.schema)
                return JoinBuildSide(rows: rows, partitions: partitionCount, reservation: reservation)
            }
            return JoinProbeStream(kind: kind, input: input, build: side, source: CrossPairSource(buildCount: side.rows.count),
                                   condition: condition, nullConditionIsMaybe: true, schema: schema, context: context)
        }
    }
}
