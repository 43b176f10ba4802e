import LodeCore

extension SubqueryDecorrelation {
    /// `plan` (its own subqueries already replaced) without references to `outer`, and the
    /// correlated conjuncts pulled out of it (over `outer` and the returned plan's columns).
    func flatten(_ plan: LogicalPlan, outer: Set<ColumnID>) throws -> (LogicalPlan, [BoundExpression]) {
        guard !outer.isEmpty, plan.reads(outer) else { return (plan, []) }
        let (flat, correlated) = try pullUp(plan, outer)
        let available = flat.columnIDs.union(outer)
        guard !flat.reads(outer), correlated.allSatisfy({ $0.referencedColumns.isSubset(of: available) }) else {
            throw unsupportedShape
        }
        return (flat, correlated)
    }

    var unsupportedShape: PlanError {
        PlanError(.notImplemented, "correlated subquery of this shape (outer columns read under a right or full join, or with grouping sets)")
    }

    /// Removes the conjuncts that read `outer` columns from the filters and inner join
    /// conditions of `plan`, passing the columns they need through projections.
    func pullUp(_ plan: LogicalPlan, _ outer: Set<ColumnID>) throws -> (LogicalPlan, [BoundExpression]) {
        guard plan.reads(outer) else { return (plan, []) }
        switch plan {
        case .filter(let n):
            let (input, pulled) = try pullUp(n.input, outer)
            let conjuncts = n.predicate.conjuncts
            let correlated = conjuncts.filter { !$0.referencedColumns.isDisjoint(with: outer) }
            let local = conjuncts.filter { $0.referencedColumns.isDisjoint(with: outer) }
            return (input.filtered(by: local), pulled + correlated)
        case .project(var n):
            guard n.expressions.allSatisfy({ $0.referencedColumns.isDisjoint(with: outer) }) else { throw unsupportedShape }
            let (input, pulled) = try pullUp(n.input, outer)
            let needed = Set(pulled.flatMap(\.referencedColumns))
            let present = Set(n.columns.map(\.id))
            for column in input.columns where needed.contains(column.id) && !present.contains(column.id) {
                n.expressions.append(column.reference)
                n.columns.append(column)
            }
            n.input = input
            return (.project(n), pulled)
        case .join(var n) where n.kind == .inner:
            let (left, pulledLeft) = try pullUp(n.left, outer)
            let (right, pulledRight) = try pullUp(n.right, outer)
            let conjuncts = n.condition?.conjuncts ?? []
            let correlated = conjuncts.filter { !$0.referencedColumns.isDisjoint(with: outer) }
            n.left = left
            n.right = right
            n.condition = .conjunction(conjuncts.filter { $0.referencedColumns.isDisjoint(with: outer) })
            return (.join(n), pulledLeft + pulledRight + correlated)
        case .sort(var n) where n.limit == nil:
            let (input, pulled) = try pullUp(n.input, outer)
            n.input = input
            return (.sort(n), pulled)
        default:
            throw unsupportedShape
        }
    }
}

extension LogicalPlan {
    /// Whether any node of the tree reads one of `ids`.
    func reads(_ ids: Set<ColumnID>) -> Bool {
        containsNode { node in node.expressions.contains { !$0.referencedColumns.isDisjoint(with: ids) } }
    }
}
