/// Shrinks an aggregate's input to the groups a join will keep.
///
/// In an inner join of a grouped aggregate with a much smaller input on a group key
/// (TPC-H Q17 and Q20: a per-part average over all of lineitem joined with the few parts
/// that pass a filter), the aggregate would group every input row only for most groups to
/// be dropped by the join. This rule puts a semi join with the small side's keys under the
/// aggregate, so only rows of groups that can match are grouped. The small side is then
/// read twice, which is why it must be several times smaller than the aggregate's input.
public struct SemiJoinReduction: OptimizerRule {
    public var name: String { "semi join reduction" }
    /// How many times smaller the other side must be than the aggregate's input.
    static let minimumReduction = 8.0

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            guard case .join(var join) = node, join.kind == .inner, let condition = join.condition else { return node }
            if let reduced = reduce(join.left, other: join.right, condition) {
                join.left = reduced
                return .join(join)
            }
            if let reduced = reduce(join.right, other: join.left, condition) {
                join.right = reduced
                return .join(join)
            }
            return node
        }
    }

    /// `side` with a semi join under its aggregate, when `side` is an aggregate joined to
    /// the much smaller `other` on one of its group keys.
    private func reduce(_ side: LogicalPlan, other: LogicalPlan, _ condition: BoundExpression) -> LogicalPlan? {
        guard case .aggregate(var aggregate) = side, aggregate.groupingSets == nil, Self.isRepeatable(other) else { return nil }
        let input = aggregate.input
        guard CardinalityEstimate.rows(other) * Self.minimumReduction < CardinalityEstimate.rows(input) else { return nil }
        let otherIDs = other.columnIDs
        var keys: [BoundExpression] = []
        for conjunct in condition.conjuncts {
            guard let (a, b) = conjunct.equalityOperands else { continue }
            for (mine, theirs) in [(a, b), (b, a)] {
                guard case .column(let id, _) = mine, let group = aggregate.groupColumns.firstIndex(where: { $0.id == id }),
                      !theirs.referencedColumns.isEmpty, theirs.referencedColumns.isSubset(of: otherIDs),
                      case .column = aggregate.groups[group] else { continue }
                keys.append(.call("=", [aggregate.groups[group], theirs], .boolean))
            }
        }
        guard let semiCondition = BoundExpression.conjunction(keys) else { return nil }
        aggregate.input = .join(Join(kind: .semi, left: input, right: other, condition: semiCondition))
        return .aggregate(aggregate)
    }

    /// Whether reading `plan` twice gives the same rows: no volatile functions (`random()`)
    /// and no limit without an order to pin which rows it keeps.
    static func isRepeatable(_ plan: LogicalPlan) -> Bool {
        if case .limit = plan { return false }
        return !plan.expressions.contains { $0.isVolatile } && plan.children.allSatisfy(isRepeatable)
    }
}
