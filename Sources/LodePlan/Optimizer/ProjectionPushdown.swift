import LodeCore

/// Removes columns no operator above reads, so each scan reads only what the query needs.
///
/// Works top-down with the set of column ids required above each node. A node may keep
/// outputting columns nobody reads (operators find their inputs by id); only the root and
/// the inputs of set operations are positional, and get a projection onto exactly their
/// columns. Projections that only pass columns through are dropped. Scans, projections
/// aggregates and values keep at least one column so that they still carry a row count.
public struct ProjectionPushdown: OptimizerRule {
    public var name: String { "projection_pushdown" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        prune(plan, Set(plan.columns.map(\.id))).projected(onto: plan.columns)
    }

    func prune(_ plan: LogicalPlan, _ required: Set<ColumnID>) -> LogicalPlan {
        switch plan {
        case .scan(var n):
            let needed = required.union(n.filters.flatMap(\.referencedColumns))
            var keep = n.columns.indices.filter { needed.contains(n.columns[$0].id) }
            if keep.isEmpty, !n.columns.isEmpty { keep = [0] }
            n.columns = keep.map { n.columns[$0] }
            n.sourceIndices = keep.map { n.sourceIndices[$0] }
            return .scan(n)
        case .values(var n):
            var keep = n.columns.indices.filter { required.contains(n.columns[$0].id) }
            if keep.isEmpty, !n.columns.isEmpty { keep = [0] }
            n.columns = keep.map { n.columns[$0] }
            n.rows = n.rows.map { row in keep.map { row[$0] } }
            return .values(n)
        case .filter(var n):
            n.input = prune(n.input, required.union(n.predicate.referencedColumns))
            return .filter(n)
        case .project(var n):
            if zip(n.expressions, n.columns).allSatisfy({ e, c in e == c.reference }) {
                return prune(n.input, required)
            }
            var keep = n.columns.indices.filter { required.contains(n.columns[$0].id) }
            if keep.isEmpty, !n.columns.isEmpty { keep = [0] }
            n.columns = keep.map { n.columns[$0] }
            n.expressions = keep.map { n.expressions[$0] }
            n.input = prune(n.input, Set(n.expressions.flatMap(\.referencedColumns)))
            return .project(n)
        case .aggregate(var n):
            var keep = n.aggregateColumns.indices.filter { required.contains(n.aggregateColumns[$0].id) }
            if keep.isEmpty, n.groups.isEmpty, !n.aggregates.isEmpty { keep = [0] }
            n.aggregates = keep.map { n.aggregates[$0] }
            n.aggregateColumns = keep.map { n.aggregateColumns[$0] }
            n.input = prune(n.input, Set(LogicalPlan.aggregate(n).expressions.flatMap(\.referencedColumns)))
            return .aggregate(n)
        case .join(var n):
            let needed = required.union(n.condition?.referencedColumns ?? [])
            n.left = prune(n.left, needed.intersection(n.left.columnIDs))
            n.right = prune(n.right, needed.intersection(n.right.columnIDs))
            return .join(n)
        case .sort(var n):
            n.input = prune(n.input, required.union(n.keys.flatMap(\.expression.referencedColumns)))
            return .sort(n)
        case .limit(var n):
            n.input = prune(n.input, required)
            return .limit(n)
        case .window(var n):
            let keep = n.columns.indices.filter { required.contains(n.columns[$0].id) }
            n.functions = keep.map { n.functions[$0] }
            n.columns = keep.map { n.columns[$0] }
            let needed = required.subtracting(n.columns.map(\.id)).union(LogicalPlan.window(n).expressions.flatMap(\.referencedColumns))
            n.input = prune(n.input, needed)
            return n.functions.isEmpty ? n.input : .window(n)
        case .setOperation(var n):
            var keep = Array(n.columns.indices)
            if n.kind == .union, n.all {
                keep = keep.filter { required.contains(n.columns[$0].id) }
                if keep.isEmpty, !n.columns.isEmpty { keep = [0] }
            }
            let leftColumns = keep.map { n.left.columns[$0] }
            let rightColumns = keep.map { n.right.columns[$0] }
            n.columns = keep.map { n.columns[$0] }
            n.left = prune(n.left, Set(leftColumns.map(\.id))).projected(onto: leftColumns)
            n.right = prune(n.right, Set(rightColumns.map(\.id))).projected(onto: rightColumns)
            return .setOperation(n)
        }
    }
}
