import LodeCore

/// Rough row counts for ordering joins and picking build sides.
///
/// Scans start from ``TableSource/estimatedRowCount`` (1000 when unknown); each
/// equality with a constant keeps 10% of the rows, any other conjunct 25%; an equi-join
/// yields as many rows as its larger input, a join without equality the product.
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
        switch n.kind {
        case .inner: return innerRows(left, right, n.condition?.conjuncts ?? [])
        case .left, .single, .mark: return max(left, innerRows(left, right, n.condition?.conjuncts ?? []))
        case .right: return max(right, innerRows(left, right, n.condition?.conjuncts ?? []))
        case .full: return max(left + right, innerRows(left, right, n.condition?.conjuncts ?? []))
        case .semi, .anti: return max(1, left * 0.5)
        }
    }

    /// Rows of an inner join of inputs of `left` and `right` rows on `conjuncts`.
    static func innerRows(_ left: Double, _ right: Double, _ conjuncts: [BoundExpression]) -> Double {
        let equalities = conjuncts.filter { $0.equalityOperands != nil }.count
        let others = Double(conjuncts.count - equalities)
        let base = equalities > 0 ? max(left, right) : left * right
        return max(1, base * pow(0.25, others))
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
