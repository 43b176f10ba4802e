import LodeCore

extension PredicatePushdown {
    /// Which input of a join a conjunct reads.
    enum JoinSide { case left, right, both }

    /// Pushes the conjuncts above a join (`predicates`) and those of its condition into its
    /// inputs where the join kind allows, keeping the others in the condition or above.
    ///
    /// A mark or null-aware anti join keeps its condition: a NULL there means "maybe", which
    /// a filter below would turn into "no".
    func pushJoin(_ join: Join, _ predicates: [BoundExpression]) -> LogicalPlan {
        var n = join
        let leftIDs = n.left.columnIDs
        let rightIDs = n.right.columnIDs
        func side(_ p: BoundExpression) -> JoinSide {
            let refs = p.referencedColumns
            if refs.isSubset(of: leftIDs) { return .left }
            if refs.isSubset(of: rightIDs) { return .right }
            return .both
        }
        func movable(_ p: BoundExpression) -> Bool { !p.containsSubquery && !p.isVolatile }
        n.kind = strengthened(n.kind, predicates, leftIDs, rightIDs)

        var toLeft: [BoundExpression] = []
        var toRight: [BoundExpression] = []
        var condition: [BoundExpression] = []
        var above: [BoundExpression] = []
        let on = n.condition?.conjuncts.flatMap(\.factoredConjuncts) ?? []

        for p in predicates {
            guard movable(p) else { above.append(p); continue }
            switch (n.kind, side(p)) {
            case (.inner, .left): toLeft.append(p)
            case (.inner, .right): toRight.append(p)
            case (.inner, .both):
                condition.append(p)
                toLeft += p.impliedPredicate(over: leftIDs).map { [$0] } ?? []
                toRight += p.impliedPredicate(over: rightIDs).map { [$0] } ?? []
            case (.left, .left), (.semi, .left), (.anti, .left), (.mark, .left), (.single, .left): toLeft.append(p)
            case (.right, .right): toRight.append(p)
            default: above.append(p)
            }
        }
        for p in on {
            guard movable(p) else { condition.append(p); continue }
            switch (n.kind, side(p)) {
            case (.inner, .left), (.semi, .left): toLeft.append(p)
            case (.inner, .right), (.semi, .right), (.left, .right), (.anti(nullAware: false), .right), (.single, .right):
                toRight.append(p)
            case (.right, .left): toLeft.append(p)
            case (.inner, .both):
                condition.append(p)
                toLeft += p.impliedPredicate(over: leftIDs).map { [$0] } ?? []
                toRight += p.impliedPredicate(over: rightIDs).map { [$0] } ?? []
            default: condition.append(p)
            }
        }
        n.left = push(n.left, toLeft.uniqued())
        n.right = push(n.right, toRight.uniqued())
        n.condition = BoundExpression.conjunction(condition.uniqued())
        return LogicalPlan.join(n).filtered(by: above)
    }

    /// An outer join whose NULL-padded rows a conjunct above would drop, made inner (or
    /// one-sided for a full join).
    func strengthened(_ kind: JoinKind, _ predicates: [BoundExpression], _ leftIDs: Set<ColumnID>, _ rightIDs: Set<ColumnID>) -> JoinKind {
        let rejectsLeft = predicates.contains { $0.rejectsNulls(of: leftIDs) }
        let rejectsRight = predicates.contains { $0.rejectsNulls(of: rightIDs) }
        switch kind {
        case .left where rejectsRight, .right where rejectsLeft: return .inner
        case .full where rejectsLeft && rejectsRight: return .inner
        case .full where rejectsLeft: return .left
        case .full where rejectsRight: return .right
        default: return kind
        }
    }
}
