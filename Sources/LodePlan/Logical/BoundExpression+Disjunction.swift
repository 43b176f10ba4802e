import LodeCore

extension BoundExpression {
    /// The operands of a chain of `or`s; the expression itself otherwise.
    public var disjuncts: [BoundExpression] {
        if case .call("or", let args, _) = self { return args.flatMap(\.disjuncts) }
        return [self]
    }

    /// The `or` of `parts`, left-deep; `nil` when there are none.
    static func disjunction(_ parts: [BoundExpression]) -> BoundExpression? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() { result = .call("or", [result, part], .boolean) }
        return result
    }

    /// The conjuncts of this expression with the conjuncts shared by every arm of an `or`
    /// taken out: `(a AND b) OR (a AND c)` → `[a, b OR c]`, `a OR (a AND b)` → `[a]`.
    var factoredConjuncts: [BoundExpression] {
        let arms = disjuncts.map(\.conjuncts)
        guard arms.count > 1, let first = arms.first else { return [self] }
        let common = first.filter { conjunct in arms.dropFirst().allSatisfy { $0.contains(conjunct) } }
        guard !common.isEmpty else { return [self] }
        let rests = arms.map { arm in arm.filter { !common.contains($0) } }
        if rests.contains(where: \.isEmpty) { return common }
        let rest = BoundExpression.disjunction(rests.compactMap { BoundExpression.conjunction($0) })
        return common + (rest.map { [$0] } ?? [])
    }

    /// A predicate over `columns` only that holds whenever this `or` holds: the `or` of
    /// each arm's conjuncts over `columns` (`nil` when some arm has none). Filtering an
    /// input of a join by it early drops rows that no arm can accept.
    func impliedPredicate(over columns: Set<ColumnID>) -> BoundExpression? {
        let arms = disjuncts
        guard arms.count > 1 else { return nil }
        var implied: [BoundExpression] = []
        for arm in arms {
            let local = arm.conjuncts.filter { $0.referencedColumns.isSubset(of: columns) && !$0.containsSubquery && !$0.isVolatile }
            guard let conjunction = BoundExpression.conjunction(local) else { return nil }
            implied.append(conjunction)
        }
        return BoundExpression.disjunction(implied)
    }
}
