import LodeCore

/// Puts the smaller estimated input of each join on the right, the side hash joins build.
///
/// Inner and full joins swap their inputs; a left join whose preserved side is smaller
/// becomes a right join and the other way round. Semi, anti, mark and single joins keep
/// their sides. A projection restores the original column order after a swap.
public struct BuildSideSelection: OptimizerRule {
    public var name: String { "build_side_selection" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            guard case .join(var n) = node else { return node }
            let swappedKind: JoinKind
            switch n.kind {
            case .inner, .full: swappedKind = n.kind
            case .left: swappedKind = .right
            case .right: swappedKind = .left
            case .semi, .anti, .mark, .single: return node
            }
            guard CardinalityEstimate.rows(n.left) < CardinalityEstimate.rows(n.right) else { return node }
            let original = n.columns
            n.kind = swappedKind
            swap(&n.left, &n.right)
            return LogicalPlan.join(n).projected(onto: original)
        }
    }
}
