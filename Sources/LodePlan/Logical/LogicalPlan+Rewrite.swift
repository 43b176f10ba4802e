import LodeCore

extension LogicalPlan {
    /// The same node over new inputs (as many as ``children``, left to right).
    public func withChildren(_ inputs: [LogicalPlan]) -> LogicalPlan {
        switch self {
        case .scan, .values: return self
        case .filter(var n): n.input = inputs[0]; return .filter(n)
        case .project(var n): n.input = inputs[0]; return .project(n)
        case .aggregate(var n): n.input = inputs[0]; return .aggregate(n)
        case .join(var n): n.left = inputs[0]; n.right = inputs[1]; return .join(n)
        case .sort(var n): n.input = inputs[0]; return .sort(n)
        case .limit(var n): n.input = inputs[0]; return .limit(n)
        case .window(var n): n.input = inputs[0]; return .window(n)
        case .setOperation(var n): n.left = inputs[0]; n.right = inputs[1]; return .setOperation(n)
        }
    }

    /// Rebuilds the tree bottom-up, applying `transform` to each node after its inputs.
    public func transformUp(_ transform: (LogicalPlan) throws -> LogicalPlan) rethrows -> LogicalPlan {
        let inputs = try children.map { try $0.transformUp(transform) }
        return try transform(inputs.isEmpty ? self : withChildren(inputs))
    }

    /// The expressions this node evaluates itself (not those of its inputs).
    public var expressions: [BoundExpression] {
        switch self {
        case .scan(let n): return n.filters
        case .values(let n): return n.rows.flatMap { $0 }
        case .filter(let n): return [n.predicate]
        case .project(let n): return n.expressions
        case .aggregate(let n):
            return n.groups + n.aggregates.flatMap { $0.arguments + ($0.filter.map { [$0] } ?? []) + $0.orderBy.map(\.expression) }
        case .join(let n): return n.condition.map { [$0] } ?? []
        case .sort(let n): return n.keys.map(\.expression)
        case .limit, .setOperation: return []
        case .window(let n):
            return n.functions.flatMap {
                $0.arguments + ($0.filter.map { [$0] } ?? []) + $0.partitionBy + $0.orderBy.map(\.expression)
            }
        }
    }

    /// The same node with `transform` applied to each of its own expressions.
    public func mapExpressions(_ transform: (BoundExpression) throws -> BoundExpression) rethrows -> LogicalPlan {
        func keys(_ keys: [SortKey]) throws -> [SortKey] {
            try keys.map { SortKey(try transform($0.expression), ascending: $0.ascending, nullsFirst: $0.nullsFirst) }
        }
        switch self {
        case .scan(var n): n.filters = try n.filters.map(transform); return .scan(n)
        case .values(var n): n.rows = try n.rows.map { try $0.map(transform) }; return .values(n)
        case .filter(var n): n.predicate = try transform(n.predicate); return .filter(n)
        case .project(var n): n.expressions = try n.expressions.map(transform); return .project(n)
        case .aggregate(var n):
            n.groups = try n.groups.map(transform)
            n.aggregates = try n.aggregates.map { call in
                var call = call
                call.arguments = try call.arguments.map(transform)
                call.filter = try call.filter.map(transform)
                call.orderBy = try keys(call.orderBy)
                return call
            }
            return .aggregate(n)
        case .join(var n): n.condition = try n.condition.map(transform); return .join(n)
        case .sort(var n): n.keys = try keys(n.keys); return .sort(n)
        case .limit, .setOperation: return self
        case .window(var n):
            n.functions = try n.functions.map { call in
                var call = call
                call.arguments = try call.arguments.map(transform)
                call.filter = try call.filter.map(transform)
                call.partitionBy = try call.partitionBy.map(transform)
                call.orderBy = try keys(call.orderBy)
                return call
            }
            return .window(n)
        }
    }

    /// The ids of ``columns``.
    public var columnIDs: Set<ColumnID> { Set(columns.map(\.id)) }

    /// This plan, under a projection onto exactly `wanted` when its columns differ.
    func projected(onto wanted: [PlanColumn]) -> LogicalPlan {
        if columns == wanted { return self }
        return .project(Project(input: self, expressions: wanted.map { .column($0.id, $0.type) }, columns: wanted))
    }

    /// This plan under a filter of `predicates`, when there are any.
    func filtered(by predicates: [BoundExpression]) -> LogicalPlan {
        guard let predicate = BoundExpression.conjunction(predicates) else { return self }
        return .filter(Filter(input: self, predicate: predicate))
    }

    /// Whether any node in the tree satisfies `predicate`.
    func containsNode(where predicate: (LogicalPlan) -> Bool) -> Bool {
        predicate(self) || children.contains { $0.containsNode(where: predicate) }
    }
}

extension PlanColumn {
    /// A reference to this column.
    var reference: BoundExpression { .column(id, type) }
}
