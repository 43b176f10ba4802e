import LodeCore

extension BoundExpression {
    /// Every column the expression reads, including the outer columns a subquery reads
    /// and the value tested by `IN (subquery)`.
    public var referencedColumns: Set<ColumnID> {
        var result: Set<ColumnID> = []
        collectColumns(into: &result)
        return result
    }

    private func collectColumns(into result: inout Set<ColumnID>) {
        switch self {
        case .column(let id, _): result.insert(id)
        case .literal: break
        case .cast(let e, _, _): e.collectColumns(into: &result)
        case .call(_, let args, _): for a in args { a.collectColumns(into: &result) }
        case .caseWhen(let whens, let otherwise, _):
            for w in whens {
                w.condition.collectColumns(into: &result)
                w.result.collectColumns(into: &result)
            }
            otherwise?.collectColumns(into: &result)
        case .subquery(let s):
            if case .inSubquery(let value) = s.kind { value.collectColumns(into: &result) }
            for c in s.outerColumns { result.insert(c.id) }
        }
    }

    /// The direct subexpressions (not looking into subquery plans).
    public var children: [BoundExpression] {
        switch self {
        case .column, .literal: return []
        case .cast(let e, _, _): return [e]
        case .call(_, let args, _): return args
        case .caseWhen(let whens, let otherwise, _):
            return whens.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        case .subquery(let s):
            if case .inSubquery(let value) = s.kind { return [value] }
            return []
        }
    }

    /// Rebuilds the expression bottom-up, applying `transform` to every node after its
    /// children (the value tested by `IN (subquery)` included, subquery plans excluded).
    public func transformUp(_ transform: (BoundExpression) throws -> BoundExpression) rethrows -> BoundExpression {
        let rebuilt: BoundExpression
        switch self {
        case .column, .literal, .subquery: rebuilt = self
        case .cast(let e, let type, let isTry): rebuilt = .cast(try e.transformUp(transform), to: type, isTry: isTry)
        case .call(let name, let args, let type): rebuilt = .call(name, try args.map { try $0.transformUp(transform) }, type)
        case .caseWhen(let whens, let otherwise, let type):
            let newWhens = try whens.map {
                BoundWhen(condition: try $0.condition.transformUp(transform), result: try $0.result.transformUp(transform))
            }
            rebuilt = .caseWhen(newWhens, otherwise: try otherwise?.transformUp(transform), type)
        }
        return try transform(rebuilt)
    }

    /// The expression with each column in `replacements` replaced by its expression.
    public func substituting(_ replacements: [ColumnID: BoundExpression]) -> BoundExpression {
        if replacements.isEmpty { return self }
        return transformUp { e in
            if case .column(let id, _) = e, let replacement = replacements[id] { return replacement }
            return e
        }
    }

    /// Whether any subexpression satisfies `predicate`.
    public func contains(where predicate: (BoundExpression) -> Bool) -> Bool {
        if predicate(self) { return true }
        return children.contains { $0.contains(where: predicate) }
    }

    /// Whether a subquery appears anywhere in the expression.
    public var containsSubquery: Bool {
        contains { if case .subquery = $0 { return true } else { return false } }
    }

    /// Whether the expression reads no column and no subquery, so it has one value.
    public var isConstant: Bool {
        !contains {
            switch $0 {
            case .column, .subquery: return true
            default: return false
            }
        }
    }

    /// Whether evaluating the expression twice may give different results (`random()`).
    public var isVolatile: Bool {
        contains {
            if case .call(let name, _, _) = $0 { return BoundExpression.volatileFunctions.contains(name) }
            return false
        }
    }

    static let volatileFunctions: Set<String> = ["random", "gen_random_uuid", "uuid", "setseed", "nextval"]
}
