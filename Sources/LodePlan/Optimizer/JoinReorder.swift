import LodeCore

/// Orders each tree of inner joins greedily by estimated size.
///
/// The inputs of a tree of inner joins (three or more) and the conjuncts of its
/// conditions are gathered; the tree is rebuilt left-deep starting from the connected
/// pair with the smallest estimated result, then adding at each step the input connected
/// to what is joined so far that gives the smallest result. An input is joined without a
/// condition only when nothing connected remains. Each conjunct goes to the first join
/// that has all its columns. A projection restores the original column order.
public struct JoinReorder: OptimizerRule {
    public var name: String { "join_reorder" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        reorder(plan)
    }

    func reorder(_ plan: LogicalPlan) -> LogicalPlan {
        guard case .join(let join) = plan, join.kind == .inner else {
            return plan.withChildren(plan.children.map(reorder))
        }
        var leaves: [LogicalPlan] = []
        var conjuncts: [BoundExpression] = []
        flatten(.join(join), into: &leaves, &conjuncts)
        leaves = leaves.map(reorder)
        if leaves.count < 3 { return plan.withChildren(plan.children.map(reorder)) }
        return greedy(leaves, conjuncts).projected(onto: plan.columns)
    }

    func flatten(_ plan: LogicalPlan, into leaves: inout [LogicalPlan], _ conjuncts: inout [BoundExpression]) {
        guard case .join(let n) = plan, n.kind == .inner else {
            leaves.append(plan)
            return
        }
        flatten(n.left, into: &leaves, &conjuncts)
        flatten(n.right, into: &leaves, &conjuncts)
        conjuncts += n.condition?.conjuncts ?? []
    }

    /// One input joined so far (or waiting), with its columns and estimated rows.
    struct Relation {
        var plan: LogicalPlan
        var ids: Set<ColumnID>
        var rows: Double
    }

    func greedy(_ leaves: [LogicalPlan], _ conjuncts: [BoundExpression]) -> LogicalPlan {
        var pending = leaves.map { Relation(plan: $0, ids: $0.columnIDs, rows: CardinalityEstimate.rows($0)) }
        var unused = conjuncts.map { ($0, $0.referencedColumns) }

        func connecting(_ a: Relation, _ b: Relation) -> [BoundExpression] {
            unused.filter { _, refs in
                refs.isSubset(of: a.ids.union(b.ids)) && !refs.isSubset(of: a.ids) && !refs.isSubset(of: b.ids)
            }.map(\.0)
        }
        func join(_ a: Relation, _ b: Relation) -> Relation {
            let all = a.ids.union(b.ids)
            let used = unused.filter { $0.1.isSubset(of: all) }.map(\.0)
            unused.removeAll { $0.1.isSubset(of: all) }
            let plan = LogicalPlan.join(Join(kind: .inner, left: a.plan, right: b.plan, condition: .conjunction(used)))
            return Relation(plan: plan, ids: all, rows: CardinalityEstimate.innerRows(a.plan, a.rows, b.plan, b.rows, used))
        }

        var best: (i: Int, j: Int, rows: Double)?
        for i in pending.indices {
            for j in pending.indices where j > i {
                let conditions = connecting(pending[i], pending[j])
                if conditions.isEmpty { continue }
                let rows = CardinalityEstimate.innerRows(pending[i].plan, pending[i].rows, pending[j].plan, pending[j].rows, conditions)
                if best == nil || rows < best!.rows { best = (i, j, rows) }
            }
        }
        let (first, second) = best.map { ($0.i, $0.j) } ?? (0, 1)
        var current = join(pending[first], pending[second])
        pending.remove(at: second)
        pending.remove(at: first)

        while !pending.isEmpty {
            var next: (index: Int, rows: Double, connected: Bool)?
            for (index, candidate) in pending.enumerated() {
                let conditions = connecting(current, candidate)
                let connected = !conditions.isEmpty
                let rows = CardinalityEstimate.innerRows(current.plan, current.rows, candidate.plan, candidate.rows, conditions)
                if let n = next, n.connected && !connected { continue }
                if let n = next, n.connected == connected, n.rows <= rows { continue }
                next = (index, rows, connected)
            }
            guard let chosen = next?.index else { break }
            current = join(current, pending.remove(at: chosen))
        }
        return current.plan.filtered(by: unused.map(\.0))
    }
}
