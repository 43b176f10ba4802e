import LodeCore

/// Evaluates constant subexpressions once and simplifies boolean logic.
///
/// Column-free expressions are evaluated with the context's ``ConstantEvaluator`` (kept
/// as they are when there is none, or when evaluating throws, so that `1/0` still fails
/// when the query runs). `x AND true` → `x`, `x OR false` → `x`, `NOT NOT x` → `x`;
/// a filter on `true` disappears and one on `false` or `NULL` becomes empty `Values`.
public struct ConstantFolding: OptimizerRule {
    public var name: String { "constant_folding" }

    public init() {}

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        plan.transformUp { node in
            simplifyNode(node.mapExpressions { fold($0, evaluator: context.evaluator) })
        }
    }

    func fold(_ expression: BoundExpression, evaluator: (any ConstantEvaluator)?) -> BoundExpression {
        expression.transformUp { e in
            let simplified = simplify(e)
            guard let evaluator, simplified.isConstant, !simplified.isVolatile else { return simplified }
            if case .literal = simplified { return simplified }
            guard let value = try? evaluator.evaluate(simplified) else { return simplified }
            return .literal(value, simplified.type)
        }
    }

    /// Boolean identities that hold in SQL's three-valued logic.
    func simplify(_ e: BoundExpression) -> BoundExpression {
        switch e {
        case .call("and", let args, _) where args.count == 2:
            if args[0].booleanLiteral == false || args[1].booleanLiteral == false { return .falseLiteral }
            if args[0].booleanLiteral == true { return args[1] }
            if args[1].booleanLiteral == true { return args[0] }
        case .call("or", let args, _) where args.count == 2:
            if args[0].booleanLiteral == true || args[1].booleanLiteral == true { return .trueLiteral }
            if args[0].booleanLiteral == false { return args[1] }
            if args[1].booleanLiteral == false { return args[0] }
        case .call("not", let args, _) where args.count == 1:
            if case .call("not", let inner, _) = args[0], inner.count == 1 { return inner[0] }
            if let b = args[0].booleanLiteral { return b ? .falseLiteral : .trueLiteral }
        default: break
        }
        return e
    }

    func simplifyNode(_ node: LogicalPlan) -> LogicalPlan {
        switch node {
        case .filter(let n):
            if n.predicate.booleanLiteral == true { return n.input }
            if n.predicate.booleanLiteral == false || n.predicate.isNullLiteral { return .empty(n.input.columns) }
        case .scan(var n):
            n.filters.removeAll { $0.booleanLiteral == true }
            if n.filters.contains(where: { $0.booleanLiteral == false || $0.isNullLiteral }) { return .empty(n.columns) }
            return .scan(n)
        case .join(var n) where n.kind == .inner:
            if n.condition?.booleanLiteral == true { n.condition = nil }
            return .join(n)
        default: break
        }
        return node
    }
}

extension LogicalPlan {
    /// No rows, with these columns.
    static func empty(_ columns: [PlanColumn]) -> LogicalPlan { .values(Values(columns: columns, rows: [])) }
}
