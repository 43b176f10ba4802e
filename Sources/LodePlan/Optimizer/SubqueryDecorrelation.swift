import LodeCore

/// Replaces every subquery expression with a join.
///
/// A conjunct of a filter (`WHERE`, `HAVING`) that is `EXISTS`, `NOT EXISTS`, `IN` or
/// `NOT IN` becomes a semi join, an anti join, a semi join on `x = y` and a null-aware
/// anti join. Anywhere else `EXISTS` and `IN` become a mark join whose boolean column
/// replaces the subquery, and a scalar subquery a single join whose value column replaces
/// it. Correlated subqueries are flattened first (see `SubqueryDecorrelation+Flatten`):
/// their correlated conjuncts move into the join condition; a correlated scalar aggregate
/// is grouped by its correlation keys and joined with a left join. Any other shape is
/// evaluated once per distinct outer key (see `SubqueryDecorrelation+DependentJoin`) and
/// joined back on the keys. A `LATERAL` subquery (a join whose right side reads its left)
/// is flattened the same way into a plain join.
public struct SubqueryDecorrelation: OptimizerRule {
    public var name: String { "subquery_decorrelation" }

    /// Columns of the queries around the subquery being rewritten, which its joins may
    /// still read (flattened when that query's own subquery is).
    var enclosing: Set<ColumnID> = []

    public init() {}

    /// The rule for the plan of a subquery reading `outer`.
    func nested(in outer: Set<ColumnID>) -> SubqueryDecorrelation {
        var rule = self
        rule.enclosing.formUnion(outer)
        return rule
    }

    public func rewrite(_ plan: LogicalPlan, context: OptimizerContext) throws -> LogicalPlan {
        let children: [LogicalPlan]
        if case .join(let n) = plan, !n.lateralReferences.isEmpty {
            children = [try rewrite(n.left, context: context), try nested(in: n.left.columnIDs).rewrite(n.right, context: context)]
        } else {
            children = try plan.children.map { try rewrite($0, context: context) }
        }
        return try decorrelate(plan.withChildren(children), context)
    }

    func decorrelate(_ node: LogicalPlan, _ context: OptimizerContext) throws -> LogicalPlan {
        if case .join(let n) = node, !n.lateralReferences.isEmpty { return try lateralJoin(n, context) }
        guard node.expressions.contains(where: \.containsSubquery) else { return node }
        switch node {
        case .filter(let n):
            var input = n.input
            var remaining: [BoundExpression] = []
            for conjunct in n.predicate.conjuncts {
                if let joined = try filterJoin(conjunct, input, context) {
                    input = joined
                } else {
                    remaining.append(try replaceSubqueries(in: conjunct, over: &input, context))
                }
            }
            return input.filtered(by: remaining).projected(onto: n.input.columns)
        case .project(var n):
            var input = n.input
            n.expressions = try n.expressions.map { try replaceSubqueries(in: $0, over: &input, context) }
            n.input = input
            return .project(n)
        case .join(var n) where n.kind == .inner:
            let conjuncts = n.condition?.conjuncts ?? []
            n.condition = .conjunction(conjuncts.filter { !$0.containsSubquery })
            let filter = Filter(input: .join(n), predicate: .conjunction(conjuncts.filter(\.containsSubquery)) ?? .trueLiteral)
            return try decorrelate(.filter(filter), context)
        default:
            throw PlanError(.notImplemented, "subqueries are supported in WHERE, HAVING, SELECT lists and inner join conditions only")
        }
    }

    /// A join whose right side reads columns of its left (`LATERAL`), as a plain join: the
    /// correlated conjuncts move into the join condition, or the right side is evaluated
    /// once per distinct outer key and joined on the keys.
    func lateralJoin(_ join: Join, _ context: OptimizerContext) throws -> LogicalPlan {
        guard join.kind == .inner || join.kind == .left else {
            throw PlanError(.notImplemented, "LATERAL is supported in inner, cross and left joins only")
        }
        let outer = join.lateralReferences
        var flat = join
        if let (right, correlated) = try orUnsupported({ try flatten(join.right, outer: outer) }) {
            flat.right = right
            flat.condition = .conjunction((join.condition?.conjuncts ?? []) + correlated)
        } else {
            let keys = try outerKeys(of: join.right, outer: outer, input: join.left, context)
            flat.right = try pushDependentJoin(join.right, keys, context)
            flat.condition = .conjunction((join.condition?.conjuncts ?? []) + keys.joinCondition(keys.keys))
        }
        try checkResolved(flat)
        return LogicalPlan.join(flat).projected(onto: join.columns)
    }

    /// A semi or anti join for a filter conjunct that is `[NOT] EXISTS` or `[NOT] IN`.
    func filterJoin(_ conjunct: BoundExpression, _ input: LogicalPlan, _ context: OptimizerContext) throws -> LogicalPlan? {
        switch conjunct {
        case .subquery(let s):
            switch s.kind {
            case .exists: return try existenceJoin(.semi, s, input, context)
            case .inSubquery: return try existenceJoin(.semi, s, input, context)
            case .scalar: return nil
            }
        case .call("not", let args, _) where args.count == 1:
            guard case .subquery(let s) = args[0] else { return nil }
            switch s.kind {
            case .exists: return try existenceJoin(.anti(nullAware: false), s, input, context)
            case .inSubquery: return try existenceJoin(.anti(nullAware: true), s, input, context)
            case .scalar: return nil
            }
        default: return nil
        }
    }

    /// Replaces each subquery inside `expression` by a column of a join added over `input`.
    func replaceSubqueries(in expression: BoundExpression, over input: inout LogicalPlan, _ context: OptimizerContext) throws
        -> BoundExpression {
        guard expression.containsSubquery else { return expression }
        var plan = input
        let result = try expression.transformUp { e -> BoundExpression in
            guard case .subquery(let s) = e else { return e }
            switch s.kind {
            case .exists, .inSubquery:
                let mark = PlanColumn(id: context.ids.next(), name: "mark", type: .boolean)
                plan = try existenceJoin(.mark, s, plan, context, markColumn: mark)
                return mark.reference
            case .scalar:
                let (joined, value) = try scalarJoin(s, plan, context)
                plan = joined
                return value
            }
        }
        input = plan
        return result
    }

    /// `input` joined with the subquery of an `EXISTS` or `IN` on its correlation (and the
    /// `IN` equality).
    func existenceJoin(_ kind: JoinKind, _ s: BoundSubquery, _ input: LogicalPlan, _ context: OptimizerContext,
                       markColumn: PlanColumn? = nil) throws -> LogicalPlan {
        let outer = Set(s.outerColumns.map(\.id))
        var plan = try nested(in: outer).rewrite(s.plan, context: context)
        if case .exists = s.kind { plan = trimmedForExists(plan) }
        var right: LogicalPlan
        var conditions: [BoundExpression]
        if let (flat, correlated) = try orUnsupported({ try flatten(plan, outer: outer) }) {
            right = flat
            switch kind {
            case .mark, .anti(nullAware: true): conditions = correlated.flatMap { $0.neverNull(outer: outer) }
            default: conditions = correlated
            }
        } else {
            let keys = try outerKeys(of: plan, outer: outer, input: input, context)
            right = try pushDependentJoin(plan, keys, context)
            conditions = keys.joinCondition(keys.keys)
        }
        if case .inSubquery(let value) = s.kind {
            guard !value.containsSubquery, let first = s.plan.columns.first else {
                throw PlanError(.notImplemented, "IN with a subquery on both sides")
            }
            if !conditions.isEmpty, kind == .mark || kind == .anti(nullAware: true) {
                return try correlatedIn(kind, value, first.reference, right, conditions, input, context, markColumn: markColumn)
            }
            conditions.insert(.equality(value, first.reference), at: 0)
        }
        let join = Join(kind: kind, left: input, right: right, condition: .conjunction(conditions), markColumn: markColumn)
        try checkResolved(join)
        return .join(join)
    }

    /// A correlated `x IN (SELECT y …)` outside a filter, or `NOT IN`: whether a NULL
    /// makes the answer unknown depends on the rows of the outer row's own correlation, so
    /// it is two plain existence tests over them: a row with `x = y` (true), else a row
    /// with `x` or `y` NULL (NULL), else false. `correlation` never evaluates to NULL.
    func correlatedIn(_ kind: JoinKind, _ value: BoundExpression, _ column: BoundExpression, _ right: LogicalPlan,
                      _ correlation: [BoundExpression], _ input: LogicalPlan, _ context: OptimizerContext,
                      markColumn: PlanColumn?) throws -> LogicalPlan {
        let equal = BoundExpression.equality(value, column)
        var matches = correlation
        if let (a, b) = equal.equalityOperands, a.type == b.type, let filler = BoundExpression.nullFiller(a.type) {
            matches += [.equality(.call("coalesce", [a, filler], a.type), .call("coalesce", [b, filler], b.type)),
                        .call("and", [.call("is_not_null", [a], .boolean), .call("is_not_null", [b], .boolean)], .boolean)]
        } else {
            matches.append(.call("coalesce", [equal, .literal(.boolean(false), .boolean)], .boolean))
        }
        let unknown = correlation + [.call("or", [.call("is_null", [value], .boolean), .call("is_null", [column], .boolean)], .boolean)]
        if kind != .mark {
            let first = Join(kind: .anti(nullAware: false), left: input, right: right, condition: .conjunction(matches))
            try checkResolved(first)
            return .join(Join(kind: .anti(nullAware: false), left: .join(first), right: right, condition: .conjunction(unknown)))
        }
        guard let markColumn else { throw PlanError(.internal, "mark join without a mark column") }
        let found = PlanColumn(id: context.ids.next(), name: "mark", type: .boolean)
        let maybe = PlanColumn(id: context.ids.next(), name: "mark", type: .boolean)
        let first = Join(kind: .mark, left: input, right: right, condition: .conjunction(matches), markColumn: found)
        try checkResolved(first)
        let second = Join(kind: .mark, left: .join(first), right: right, condition: .conjunction(unknown), markColumn: maybe)
        let answer = BoundExpression.caseWhen([BoundWhen(condition: found.reference, result: .literal(.boolean(true), .boolean)),
                                               BoundWhen(condition: maybe.reference, result: .literal(.null, .boolean))],
                                              otherwise: .literal(.boolean(false), .boolean), .boolean)
        return .project(Project(input: .join(second), expressions: input.columns.map(\.reference) + [answer],
                                columns: input.columns + [markColumn]))
    }

    /// An `EXISTS` subquery's select list does not matter: drops the projections on top
    /// that compute it.
    func trimmedForExists(_ plan: LogicalPlan) -> LogicalPlan {
        if case .project(let p) = plan, !p.expressions.contains(where: \.isVolatile) { return trimmedForExists(p.input) }
        return plan
    }

    /// Fails when a join condition reads columns of neither input (a subquery correlated
    /// to a query more than one level out).
    func checkResolved(_ join: Join) throws {
        let available = join.left.columnIDs.union(join.right.columnIDs).union(enclosing)
        guard (join.condition?.referencedColumns ?? []).isSubset(of: available) else {
            throw PlanError(.notImplemented, "correlated subquery of this shape (reading columns of a query more than one level out)")
        }
    }
}

extension Join {
    /// The columns of the left input that the right input reads (a `LATERAL` join).
    var lateralReferences: Set<ColumnID> {
        guard kind == .inner || kind == .left else { return [] }
        let leftIDs = left.columnIDs
        var read: Set<ColumnID> = []
        var produced: Set<ColumnID> = []
        _ = right.containsNode { node in
            for expression in node.expressions { read.formUnion(expression.referencedColumns.intersection(leftIDs)) }
            produced.formUnion(node.columnIDs)
            return false
        }
        return read.subtracting(produced)
    }
}

extension BoundExpression {
    /// This correlated conjunct with NULL read as false, for the condition of a mark or
    /// null-aware anti join, where a NULL would mean "maybe a match": an equality between
    /// an outer and an inner value stays a hash key (both sides with NULL replaced, and
    /// both required non-NULL).
    func neverNull(outer: Set<ColumnID>) -> [BoundExpression] {
        if let (a, b) = equalityOperands, a.type == b.type, let filler = BoundExpression.nullFiller(a.type),
           !a.referencedColumns.isEmpty, !b.referencedColumns.isEmpty,
           a.referencedColumns.isSubset(of: outer) != b.referencedColumns.isSubset(of: outer) {
            return [
                .equality(.call("coalesce", [a, filler], a.type), .call("coalesce", [b, filler], b.type)),
                .call("and", [.call("is_not_null", [a], .boolean), .call("is_not_null", [b], .boolean)], .boolean),
            ]
        }
        return [.call("coalesce", [self, .literal(.boolean(false), .boolean)], .boolean)]
    }
}
