import LodeCore

/// Rough row counts for ordering joins and picking build sides.
///
/// Scans start from ``TableSource/estimatedRowCount`` (1000 when unknown); each
/// equality with a constant keeps 10% of the rows, any other conjunct 25%. An equi-join
/// yields `left × right / distinct keys` when a key's distinct count is known from the
/// source's statistics (so a join on a low-cardinality key such as a nation is seen to
/// multiply rows), else as many rows as its larger input; a join without equality the product.
enum CardinalityEstimate {
    static let unknownTableRows = 1000.0

    static func rows(_ plan: LogicalPlan) -> Double {
        switch plan {
        case .scan(let n):
            let base = n.source.estimatedRowCount.map(Double.init) ?? unknownTableRows
            let rows = max(1, base * selectivity(n.filters))
            return n.limit.map { min(Double($0), rows) } ?? rows
        case .values(let n): return Double(n.rows.count)
        case .filter(let n): return max(1, rows(n.input) * selectivity(n.predicate.conjuncts))
        case .project(let n): return rows(n.input)
        case .aggregate(let n): return n.groups.isEmpty ? 1 : max(1, rows(n.input) * 0.25)
        case .join(let n): return joinRows(n)
        case .sort(let n): return n.limit.map { min(Double($0), rows(n.input)) } ?? rows(n.input)
        case .limit(let n): return n.limit.map { min(Double($0), rows(n.input)) } ?? rows(n.input)
        case .window(let n): return rows(n.input)
        case .setOperation(let n):
            switch n.kind {
            case .union: return rows(n.left) + rows(n.right)
            case .intersect: return min(rows(n.left), rows(n.right))
            case .except: return rows(n.left)
            }
        }
    }

    static func joinRows(_ n: Join) -> Double {
        let left = rows(n.left)
        let right = rows(n.right)
        let inner = innerRows(n.left, left, n.right, right, n.condition?.conjuncts ?? [])
        switch n.kind {
        case .inner: return inner
        case .left, .single, .mark: return max(left, inner)
        case .right: return max(right, inner)
        case .full: return max(left + right, inner)
        case .semi, .anti: return max(1, left * 0.5)
        }
    }

    /// Rows of an inner join of `leftPlan` (`left` rows) and `rightPlan` (`right` rows) on `conjuncts`.
    static func innerRows(_ leftPlan: LogicalPlan, _ left: Double, _ rightPlan: LogicalPlan, _ right: Double,
                          _ conjuncts: [BoundExpression]) -> Double {
        let equalities = conjuncts.compactMap(\.equalityOperands)
        let others = Double(conjuncts.count - equalities.count)
        var base = left * right
        if !equalities.isEmpty {
            var keys: Double?
            for (a, b) in equalities {
                let counts = [a, b].compactMap { distinctValues($0, in: leftPlan) ?? distinctValues($0, in: rightPlan) }
                if let most = counts.max() { keys = max(keys ?? 0, most) }
            }
            base = keys.map { left * right / max(1, $0) } ?? max(left, right)
        }
        return max(1, base * pow(0.25, others))
    }

    /// Estimated distinct values of `expression` among `plan`'s output rows, when it is a
    /// column traced back to a source that knows its distinct count.
    static func distinctValues(_ expression: BoundExpression, in plan: LogicalPlan) -> Double? {
        var expression = expression
        while case .cast(let inner, _, _) = expression { expression = inner }
        guard case .column(let id, _) = expression else { return nil }
        return distinctValues(of: id, in: plan).map { min($0, rows(plan)) }
    }

    private static func distinctValues(of id: ColumnID, in plan: LogicalPlan) -> Double? {
        switch plan {
        case .scan(let n):
            guard let i = n.columns.firstIndex(where: { $0.id == id }) else { return nil }
            return n.source.distinctCount(ofColumn: n.sourceIndices[i]).map(Double.init)
        case .project(let n):
            guard let i = n.columns.firstIndex(where: { $0.id == id }) else { return nil }
            return distinctValues(n.expressions[i], in: n.input)
        case .aggregate(let n):
            guard let i = n.groupColumns.firstIndex(where: { $0.id == id }) else { return nil }
            return distinctValues(n.groups[i], in: n.input)
        case .join(let n): return distinctValues(of: id, in: n.left) ?? distinctValues(of: id, in: n.right)
        case .filter(let n): return distinctValues(of: id, in: n.input)
        case .sort(let n): return distinctValues(of: id, in: n.input)
        case .limit(let n): return distinctValues(of: id, in: n.input)
        case .window(let n): return distinctValues(of: id, in: n.input)
        case .values, .setOperation: return nil
        }
    }

    /// The fraction of rows that pass all `conjuncts`.
    static func selectivity(_ conjuncts: [BoundExpression]) -> Double {
        conjuncts.reduce(1.0) { fraction, p in
            if let (a, b) = p.equalityOperands, a.isConstant || b.isConstant { return fraction * 0.1 }
            return fraction * 0.25
        }
    }

    static func pow(_ base: Double, _ exponent: Double) -> Double {
        var result = 1.0
        var i = 0.0
        while i < exponent { result *= base; i += 1 }
        return result
    }
}
