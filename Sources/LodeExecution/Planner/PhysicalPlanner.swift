import LodeCore
import LodePlan

/// Turns an optimized ``LogicalPlan`` into a tree of ``PhysicalOperator``s.
///
/// Column ids become positions (``ColumnLayout``), expressions are compiled, joins split
/// their condition into hash keys and a residual, and a limit over a sort becomes a top-N.
public struct PhysicalPlanner: Sendable {
    public let context: ExecutionContext

    public init(context: ExecutionContext) { self.context = context }

    public func plan(_ plan: LogicalPlan) throws -> any PhysicalOperator {
        switch plan {
        case .scan(let scan): return try planScan(scan)
        case .values(let values):
            let empty = ColumnLayout([])
            let rows = try values.rows.map { row in try row.map { try ExpressionCompiler.compile($0, layout: empty) } }
            return ValuesOperator(rows: rows, schema: plan.schema)
        case .filter(let filter):
            let input = try self.plan(filter.input)
            return FilterOperator(input: input, predicate: try compile(filter.predicate, over: filter.input.columns))
        case .project(let project):
            let input = try self.plan(project.input)
            let expressions = try project.expressions.map { try compile($0, over: project.input.columns) }
            return ProjectionOperator(input: input, expressions: expressions, schema: plan.schema)
        case .aggregate(let aggregate): return try planAggregate(aggregate, schema: plan.schema)
        case .join(let join): return try planJoin(join, schema: plan.schema)
        case .sort(let sort):
            return SortOperator(input: try self.plan(sort.input), keys: try sortKeys(sort.keys, over: sort.input.columns),
                                limit: sort.limit, offset: 0, schema: plan.schema)
        case .limit(let limit):
            if case .sort(let sort) = limit.input, let count = limit.limit {
                let keep = sort.limit.map { min($0, count + limit.offset) } ?? (count + limit.offset)
                return SortOperator(input: try self.plan(sort.input), keys: try sortKeys(sort.keys, over: sort.input.columns),
                                    limit: max(0, keep - limit.offset), offset: limit.offset, schema: plan.schema)
            }
            return LimitOperator(input: try self.plan(limit.input), limit: limit.limit, offset: limit.offset)
        case .window(let window): return try planWindow(window, schema: plan.schema)
        case .setOperation(let operation):
            let left = try self.plan(operation.left), right = try self.plan(operation.right)
            if operation.kind == .union && operation.all {
                return UnionAllOperator(inputs: [left, right], schema: plan.schema)
            }
            return SetOperationOperator(kind: operation.kind, all: operation.all, left: left, right: right, schema: plan.schema)
        }
    }

    func compile(_ expression: BoundExpression, over columns: [PlanColumn]) throws -> any PhysicalExpression {
        try ExpressionCompiler.compile(expression, layout: ColumnLayout(columns))
    }

    func sortKeys(_ keys: [SortKey], over columns: [PlanColumn]) throws -> [PhysicalSortKey] {
        try keys.map {
            PhysicalSortKey(expression: try compile($0.expression, over: columns), ascending: $0.ascending, nullsFirst: $0.nullsFirst)
        }
    }

    private func planScan(_ scan: Scan) throws -> any PhysicalOperator {
        let request = ScanRequest(columns: scan.sourceIndices, columnIDs: scan.columns.map(\.id), filters: scan.filters,
                                  limit: scan.filters.isEmpty ? scan.limit : nil, partitions: context.threads)
        let filters = try scan.filters.map { try compile($0, over: scan.columns) }
        return ScanOperator(source: scan.source, request: request, filters: filters, schema: Schema(scan.columns.map(\.field)))
    }

    private func planAggregate(_ aggregate: Aggregate, schema: Schema) throws -> any PhysicalOperator {
        let columns = aggregate.input.columns
        let input = try plan(aggregate.input)
        let groups = try aggregate.groups.map { try compile($0, over: columns) }
        let specs = try aggregate.aggregates.map { call in
            AggregateSpec(call: call,
                          arguments: try (call.arguments + call.orderBy.map(\.expression)).map { try compile($0, over: columns) },
                          filter: try call.filter.map { try compile($0, over: columns) })
        }
        return HashAggregateOperator(input: input, groups: groups, aggregates: specs, groupingSets: aggregate.groupingSets,
                                     emitsGroupingID: aggregate.groupingIDColumn != nil, schema: schema)
    }

    private func planWindow(_ window: Window, schema: Schema) throws -> any PhysicalOperator {
        let columns = window.input.columns
        let input = try plan(window.input)
        let functions = try window.functions.map { call in
            WindowFunctionSpec(call: call,
                               arguments: try call.arguments.map { try compile($0, over: columns) },
                               partitionBy: try call.partitionBy.map { try compile($0, over: columns) },
                               orderBy: try sortKeys(call.orderBy, over: columns),
                               filter: try call.filter.map { try compile($0, over: columns) })
        }
        return WindowOperator(input: input, functions: functions, schema: schema, partitions: context.threads)
    }

    private func planJoin(_ join: Join, schema: Schema) throws -> any PhysicalOperator {
        let left = try plan(join.left), right = try plan(join.right)
        let leftColumns = join.left.columns, rightColumns = join.right.columns
        let leftIDs = Set(leftColumns.map(\.id)), rightIDs = Set(rightColumns.map(\.id))
        var leftKeys: [BoundExpression] = [], rightKeys: [BoundExpression] = [], rest: [BoundExpression] = []
        for conjunct in join.condition?.conjuncts ?? [] {
            if case .call("=", let operands, _) = conjunct, operands.count == 2 {
                let a = operands[0].referencedColumns, b = operands[1].referencedColumns
                if !a.isEmpty, !b.isEmpty, a.isSubset(of: leftIDs), b.isSubset(of: rightIDs) {
                    leftKeys.append(operands[0]); rightKeys.append(operands[1]); continue
                }
                if !a.isEmpty, !b.isEmpty, a.isSubset(of: rightIDs), b.isSubset(of: leftIDs) {
                    leftKeys.append(operands[1]); rightKeys.append(operands[0]); continue
                }
            }
            rest.append(conjunct)
        }
        let both = leftColumns + rightColumns
        let residual = try BoundExpression.conjunction(rest).map { try compile($0, over: both) }
        if leftKeys.isEmpty {
            return NestedLoopJoinOperator(kind: join.kind, left: left, right: right, condition: residual, schema: schema)
        }
        return HashJoinOperator(kind: join.kind, left: left, right: right,
                                leftKeys: try leftKeys.map { try compile($0, over: leftColumns) },
                                rightKeys: try rightKeys.map { try compile($0, over: rightColumns) },
                                residual: residual, schema: schema)
    }
}
