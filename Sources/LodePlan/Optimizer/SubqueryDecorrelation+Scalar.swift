import LodeCore

extension SubqueryDecorrelation {
    /// `input` joined with a scalar subquery, and the expression that now gives its value.
    ///
    /// Uncorrelated, or correlated without an aggregate: a single join (at most one match)
    /// on the correlation. Correlated over an aggregate without groups (`SELECT 0.2 *
    /// avg(x) FROM t WHERE t.k = outer.k`): the aggregate is grouped by the inner sides of
    /// the correlation equalities and left-joined on them; the projections above the
    /// aggregate are evaluated over the join, a `count` reading 0 where no group matched.
    func scalarJoin(_ s: BoundSubquery, _ input: LogicalPlan, _ context: OptimizerContext) throws
        -> (LogicalPlan, BoundExpression) {
        guard let value = s.plan.columns.first else { throw PlanError(.internal, "scalar subquery without columns") }
        let outer = Set(s.outerColumns.map(\.id))
        let plan = try nested(in: outer).rewrite(s.plan, context: context)
        let simple = try orUnsupported { () -> (LogicalPlan, BoundExpression) in
            if !outer.isEmpty, plan.reads(outer), let grouped = try groupedScalar(plan, value, outer, input, context) {
                return grouped
            }
            let (right, conditions) = try flatten(plan, outer: outer)
            let join = Join(kind: .single, left: input, right: right, condition: .conjunction(conditions))
            try checkResolved(join)
            return (.join(join), value.reference)
        }
        if let simple { return simple }
        return try dependentScalarJoin(plan, value, outer, input, context)
    }

    /// A correlated scalar subquery of any supported shape, evaluated once per distinct
    /// outer key (see `pushDependentJoin`) and joined back on the keys; an aggregate
    /// without groups at the top is grouped by the keys and left-joined, `count` reading 0
    /// where no row matched.
    func dependentScalarJoin(_ plan: LogicalPlan, _ value: PlanColumn, _ outer: Set<ColumnID>, _ input: LogicalPlan,
                             _ context: OptimizerContext) throws -> (LogicalPlan, BoundExpression) {
        var result = value.reference
        var node = plan
        while case .project(let p) = node {
            result = result.substituting(Dictionary(zip(p.columns.map(\.id), p.expressions), uniquingKeysWith: { a, _ in a }))
            node = p.input
        }
        if case .aggregate(let aggregate) = node, aggregate.groups.isEmpty, aggregate.groupingSets == nil {
            let keys = try outerKeys(of: .aggregate(aggregate), outer: outer, input: input, context)
            var grouped = aggregate
            grouped.input = try pushDependentJoin(aggregate.input, keys, context)
            grouped.aggregates = aggregate.aggregates.map { call in
                var call = call
                call.arguments = call.arguments.map { $0.substituting(keys.substitution) }
                call.filter = call.filter?.substituting(keys.substitution)
                return call
            }
            let renamed = keys.keys.map { PlanColumn(id: context.ids.next(), name: $0.name, type: $0.type) }
            grouped.groups = keys.keys.map(\.reference)
            grouped.groupColumns = renamed
            var counts: [ColumnID: BoundExpression] = [:]
            for (call, column) in zip(aggregate.aggregates, aggregate.aggregateColumns) where call.name == "count" || call.name == "count_star" {
                counts[column.id] = .call("coalesce", [column.reference, .literal(.int(0), column.type)], column.type)
            }
            let join = Join(kind: .left, left: input, right: .aggregate(grouped), condition: .conjunction(keys.joinCondition(renamed)))
            return (.join(join), result.substituting(counts))
        }
        let keys = try outerKeys(of: plan, outer: outer, input: input, context)
        let right = try pushDependentJoin(plan, keys, context)
        let join = Join(kind: .single, left: input, right: right, condition: .conjunction(keys.joinCondition(keys.keys)))
        return (.join(join), value.reference)
    }

    /// The result of `body`, or `nil` when it fails for a shape the simple rewrite does not handle.
    func orUnsupported<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as PlanError where error.kind == .notImplemented && error.message == unsupportedShape.message {
            return nil
        }
    }

    func groupedScalar(_ plan: LogicalPlan, _ value: PlanColumn, _ outer: Set<ColumnID>, _ input: LogicalPlan,
                       _ context: OptimizerContext) throws -> (LogicalPlan, BoundExpression)? {
        var result = value.reference
        var node = plan
        while case .project(let p) = node {
            result = result.substituting(Dictionary(zip(p.columns.map(\.id), p.expressions), uniquingKeysWith: { a, _ in a }))
            node = p.input
        }
        guard case .aggregate(let aggregate) = node, aggregate.groups.isEmpty, aggregate.groupingSets == nil else { return nil }
        let (below, correlated) = try pullUp(aggregate.input, outer)
        guard !below.reads(outer) else { throw unsupportedShape }

        var keys: [BoundExpression] = []
        var keyColumns: [PlanColumn] = []
        var conditions: [BoundExpression] = []
        let inner = below.columnIDs
        for conjunct in correlated {
            guard let (a, b) = conjunct.equalityOperands else { throw unsupportedShape }
            let (outerSide, innerSide): (BoundExpression, BoundExpression)
            if a.referencedColumns.isSubset(of: outer), b.referencedColumns.isSubset(of: inner) {
                (outerSide, innerSide) = (a, b)
            } else if b.referencedColumns.isSubset(of: outer), a.referencedColumns.isSubset(of: inner) {
                (outerSide, innerSide) = (b, a)
            } else {
                throw unsupportedShape
            }
            let key = PlanColumn(id: context.ids.next(), name: keyName(innerSide, below), type: innerSide.type)
            keys.append(innerSide)
            keyColumns.append(key)
            conditions.append(.call("=", [outerSide, key.reference], .boolean))
        }
        var grouped = aggregate
        grouped.input = below
        grouped.groups = keys
        grouped.groupColumns = keyColumns

        var counts: [ColumnID: BoundExpression] = [:]
        for (call, column) in zip(aggregate.aggregates, aggregate.aggregateColumns) where call.name == "count" || call.name == "count_star" {
            counts[column.id] = .call("coalesce", [column.reference, .literal(.int(0), column.type)], column.type)
        }
        let join = Join(kind: .left, left: input, right: .aggregate(grouped), condition: .conjunction(conditions))
        try checkResolved(join)
        return (.join(join), result.substituting(counts))
    }

    func keyName(_ key: BoundExpression, _ plan: LogicalPlan) -> String {
        if case .column(let id, _) = key, let column = plan.columns.first(where: { $0.id == id }) { return column.name }
        return "key"
    }
}
