import LodeCore
import LodeSQL

extension Binder {
    /// Binds `left JOIN right ON/USING/NATURAL`; `USING` and `NATURAL` keys appear once
    /// in `*` and answer to their bare name (`COALESCE` of both sides for a FULL join).
    func bindJoin(_ left: BoundFrom, _ kind: LodeSQL.JoinKind, _ right: BoundFrom, _ condition: JoinCondition,
                  frame: BindFrame) throws -> BoundFrom {
        let planKind: JoinKind
        switch kind {
        case .inner, .cross: planKind = .inner
        case .left: planKind = .left
        case .right: planKind = .right
        case .full: planKind = .full
        }
        try checkDistinctQualifiers(left.scope, right.scope)
        var scope = BindScope(entries: left.scope.entries + right.scope.entries)
        var predicate: BoundExpression?
        switch condition {
        case .none:
            break
        case .on(let expression):
            let saved = frame.scope
            frame.scope = scope
            defer { frame.scope = saved }
            predicate = try requireBoolean(try bind(expression, ExpressionContext(frame: frame, clause: "ON")), "ON")
        case .using(let names):
            (predicate, scope) = try usingJoin(left.scope, right.scope, names, planKind)
        case .natural:
            let rightNames = Set(right.scope.entries.filter(\.isUnqualifiedVisible).map { $0.name.lowercased() })
            var names: [Identifier] = []
            for entry in left.scope.entries where entry.isUnqualifiedVisible && rightNames.contains(entry.name.lowercased()) {
                if !names.contains(where: { $0.name == entry.name.lowercased() }) { names.append(Identifier(entry.name)) }
            }
            if !names.isEmpty { (predicate, scope) = try usingJoin(left.scope, right.scope, names, planKind) }
        }
        return BoundFrom(plan: .join(Join(kind: planKind, left: left.plan, right: right.plan, condition: predicate)), scope: scope)
    }

    /// Fails when both sides of a join have a table of the same name: references to it
    /// would be ambiguous.
    func checkDistinctQualifiers(_ left: BindScope, _ right: BindScope) throws {
        if let duplicate = left.tableNames.intersection(right.tableNames).sorted().first {
            throw PlanError(.binding, "table name \"\(duplicate)\" appears twice in FROM; give one of them an alias (AS other_name)")
        }
    }

    private func usingJoin(_ left: BindScope, _ right: BindScope, _ names: [Identifier],
                           _ kind: JoinKind) throws -> (BoundExpression, BindScope) {
        var leftEntries = left.entries
        var rightEntries = right.entries
        var merged: [(position: Int, entry: BindScope.Entry)] = []
        var predicate: BoundExpression?
        for name in names {
            let leftIndex = try usingIndex(leftEntries, name, side: "left")
            let rightIndex = try usingIndex(rightEntries, name, side: "right")
            let l = leftEntries[leftIndex].expression, r = rightEntries[rightIndex].expression
            let equal = try call("=", [l, r], at: name.location)
            predicate = try predicate.map { try call("and", [$0, equal]) } ?? equal
            let value: BoundExpression
            switch kind {
            case .right: value = r
            case .full: value = try call("coalesce", [l, r], at: name.location)
            default: value = l
            }
            merged.append((leftIndex, BindScope.Entry(qualifier: nil, name: leftEntries[leftIndex].name, expression: value)))
            for index in [leftIndex] {
                leftEntries[index].isUnqualifiedVisible = false
                leftEntries[index].isInStar = false
            }
            rightEntries[rightIndex].isUnqualifiedVisible = false
            rightEntries[rightIndex].isInStar = false
        }
        var entries: [BindScope.Entry] = []
        for (index, entry) in leftEntries.enumerated() {
            entries += merged.filter { $0.position == index }.map(\.entry)
            entries.append(entry)
        }
        return (predicate ?? .literal(.boolean(true), .boolean), BindScope(entries: entries + rightEntries))
    }

    private func usingIndex(_ entries: [BindScope.Entry], _ name: Identifier, side: String) throws -> Int {
        let matches = entries.indices.filter { entries[$0].isUnqualifiedVisible && BindScope.matches(entries[$0].name, name) }
        guard let first = matches.first else {
            throw PlanError(.binding, "column \"\(name.spelling)\" in USING is not a column of the \(side) side of the join", at: name.location)
        }
        guard matches.count == 1 else {
            throw PlanError(.binding, "column \"\(name.spelling)\" in USING is ambiguous on the \(side) side of the join", at: name.location)
        }
        return first
    }
}
